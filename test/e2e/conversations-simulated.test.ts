import { describeConversations } from "./conversations.contract.ts";

describeConversations("simulated", false);
