/**
 * The questions a bot works through, in order. A step is done when the lead has stated its fact, or when
 * the bot has already asked (a lead who skips a question is not asked it again; the conversation moves on).
 */

import type { Topic } from "./acknowledge.ts";
import { alreadySaid, type ConversationView } from "./conversation-view.ts";
import type { LeadFacts } from "./lead-facts.ts";

/** One question of a bot, with how to tell it is answered. */
export interface ReplyStep {
  readonly topic: Topic;
  /** True when the lead has already given this fact. */
  readonly known: (facts: LeadFacts) => boolean;
  /** Every wording of the question (the first unknown part picks one); used to tell whether it was asked. */
  readonly questions: readonly string[];
  /** The wording to use for these facts. */
  readonly ask: (facts: LeadFacts) => string;
}

/** A step with a single wording. */
export function step(topic: Topic, known: (facts: LeadFacts) => boolean, question: string): ReplyStep {
  return { topic, known, questions: [question], ask: () => question };
}

/** The next question to ask, or undefined when every step is done. */
export function nextQuestion(view: ConversationView, steps: readonly ReplyStep[]): string | undefined {
  const open = steps.find((s) => !s.known(view.facts) && !s.questions.some((q) => alreadySaid(view, q)));
  return open?.ask(view.facts);
}

/** The topics of `steps`, for acknowledging facts in the same order. */
export function topicsOf(steps: readonly ReplyStep[]): Topic[] {
  return steps.map((s) => s.topic);
}
