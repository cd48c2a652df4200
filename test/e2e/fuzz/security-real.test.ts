import { skipUnless } from "../../support/services.ts";
import { describeAuth } from "./auth.contract.ts";
import { describePromptInjection } from "./prompt-injection.contract.ts";
import { describeTenantIsolation } from "./tenant-isolation.contract.ts";

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));
describeAuth("real", skip, 100);
describeTenantIsolation("real", skip, 100);
describePromptInjection("real", skip, 100);
