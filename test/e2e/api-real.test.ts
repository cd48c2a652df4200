import { skipUnless } from "../support/services.ts";
import { describeApi } from "./api.contract.ts";

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));
describeApi("real", skip);
