import { describeBadInput } from "./bad-input.contract.ts";
import { describeRejectedRequests } from "./rejected-requests.contract.ts";

describeBadInput("simulated", false, 200);
describeRejectedRequests("simulated", false, 200);
