import { skipUnless } from "../../support/services.ts";
import { describeBadInput } from "./bad-input.contract.ts";
import { describeRejectedRequests } from "./rejected-requests.contract.ts";

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));
describeBadInput("real", skip, 200);
describeRejectedRequests("real", skip, 100);
