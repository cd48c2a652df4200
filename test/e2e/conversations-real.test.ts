import { skipUnless } from "../support/services.ts";
import { describeConversations } from "./conversations.contract.ts";

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));
describeConversations("real", skip);
