import { describeApi } from "./api.contract.ts";

describeApi("simulated", false);
