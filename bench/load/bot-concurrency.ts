/**
 * Bot concurrency, the report's section 7.2: N conversations at once, each a lead talking to one bot.
 * A conversation opens with a first message that hands it from the Lead bot to the Buyer or the Seller
 * bot (POST /api/conversations), then sends 2 or 3 more messages (POST /api/conversations/:id/messages),
 * one after the other, each waiting for the reply, as a person chatting would. Every turn qualifies the
 * conversation so far (new text: a cache miss, so a model call) and drafts the bot's reply.
 *
 * A conversation needs the id from its first answer, so this drives the requests itself (fetch, one
 * keep-alive connection per conversation in flight) instead of through autocannon.
 */
import { botScript, type LeadSide } from "./bot-scripts.ts";
import { assertLoopbackUrl } from "./loopback-url.ts";
import type { BotScenario } from "./ramp-tables.ts";
import { RequestTally } from "./request-tally.ts";

/** One 7.2 scenario: how many buyer and seller conversations run at once. */
export interface BotScenarioPlan {
  readonly scenario: string;
  readonly buyers: number;
  readonly sellers: number;
}

/** The report's three scenarios. */
export const BOT_SCENARIO_PLANS: readonly BotScenarioPlan[] = Object.freeze([
  { scenario: "Buyer Bot Only", buyers: 50, sellers: 0 },
  { scenario: "Seller Bot Only", buyers: 0, sellers: 50 },
  { scenario: "Mixed (30+30)", buyers: 30, sellers: 30 },
]);

/** Where to send the conversations. */
export interface BotTarget {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A measured scenario: its 7.2 row, and conversations the expected bot did not take. */
export interface BotScenarioRun extends BotScenario {
  /** Conversations whose first reply came from another bot than the scenario's (counted as errors). */
  readonly misrouted: number;
}

/** Runs one scenario; `tag` (unique to the run) keeps its lead texts new to every cache tier. */
export async function runBotScenario(
  target: BotTarget,
  plan: BotScenarioPlan,
  tag: string,
  requestTimeoutMs = 30_000,
): Promise<BotScenarioRun> {
  assertLoopbackUrl(target.url);
  const sides: LeadSide[] = [
    ...Array.from({ length: plan.buyers }, (): LeadSide => "buyer"),
    ...Array.from({ length: plan.sellers }, (): LeadSide => "seller"),
  ];
  if (sides.length === 0) throw new TypeError(`scenario ${plan.scenario} has no conversations`);
  const tally = new RequestTally();
  const started = performance.now();
  await Promise.all(
    sides.map((side, i) =>
      converse(target, side, botScript(side, i, `${tag}-${i}`), tally, requestTimeoutMs),
    ),
  );
  const durationMs = performance.now() - started;
  return {
    scenario: plan.scenario,
    concurrent: sides.length,
    row: tally.row(sides.length, durationMs),
    misrouted: tally.misrouted,
  };
}

async function converse(
  target: BotTarget,
  side: LeadSide,
  script: readonly string[],
  tally: RequestTally,
  timeoutMs: number,
): Promise<void> {
  const [first, ...rest] = script;
  const opened = await tally.post(
    `${target.url}/api/conversations`,
    target.headers,
    { lead: { name: `Chat ${side}` }, message: first },
    timeoutMs,
  );
  if (!opened) return;
  const id = opened.conversationId;
  if (typeof id !== "string") return tally.fail();
  if (opened.bot !== side) tally.misroute();
  for (const text of rest) {
    const reply = await tally.post(
      `${target.url}/api/conversations/${encodeURIComponent(id)}/messages`,
      target.headers,
      { text },
      timeoutMs,
    );
    if (!reply) return;
  }
}
