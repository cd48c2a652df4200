import { describeAuth } from "./auth.contract.ts";
import { describePromptInjection } from "./prompt-injection.contract.ts";
import { describeTenantIsolation } from "./tenant-isolation.contract.ts";

describeAuth("simulated", false, 200);
describeTenantIsolation("simulated", false, 200);
describePromptInjection("simulated", false, 200);
