/**
 * Whether the lead wants to buy, sell, both, or is only browsing, and how sure that reading is.
 * See intent-signals.ts for the calibration. Several phrases for the same side add a little
 * confidence (+0.03 each, at most +0.06); a phrase is hedged or denied by the words just before it.
 */
import type { Intent } from "../../ports/qualification.ts";
import {
  BROWSING,
  EXPLICIT,
  HEDGE,
  HEDGED,
  INTENT_SIGNALS,
  NEGATION,
  type Side,
  UNSURE,
} from "./intent-signals.ts";

/** The lead's intent and the confidence (0..1) in it. */
export interface IntentReading {
  intent: Intent;
  intentConfidence: number;
}

interface Hit {
  side: Side;
  strength: number;
  start: number;
  end: number;
}

/** The last few words of the clause before `index`: what can hedge or deny the phrase at `index`. */
function leadIn(folded: string, index: number): string {
  const clause =
    folded
      .slice(Math.max(0, index - 200), index)
      .split(/[,.;!?\n]|\bbut\b/)
      .pop() ?? "";
  return clause.trim().split(/\s+/).slice(-5).join(" ");
}

function hitsIn(folded: string): Hit[] {
  const hits: Hit[] = [];
  for (const { side, strength, pattern } of INTENT_SIGNALS) {
    for (const m of folded.matchAll(pattern)) {
      const start = m.index ?? 0;
      const before = leadIn(folded, start);
      const unsure = UNSURE.test(before);
      if (!unsure && NEGATION.test(before)) continue;
      const hedged = side !== "browse" && (unsure || HEDGE.test(before));
      hits.push({
        side,
        strength: hedged ? Math.min(strength, HEDGED) : strength,
        start,
        end: start + m[0].length,
      });
    }
  }
  // Overlapping phrases are one statement: keep the strongest reading of it.
  hits.sort((a, b) => b.strength - a.strength || a.start - b.start);
  return hits.filter(
    (h, i) => !hits.slice(0, i).some((k) => k.side === h.side && k.start < h.end && h.start < k.end),
  );
}

function confidenceOf(hits: readonly Hit[]): number {
  const best = Math.max(0, ...hits.map((h) => h.strength));
  if (best === 0) return 0;
  const bonus = Math.min(0.06, 0.03 * (hits.length - 1));
  return Math.round(Math.min(0.95, best + bonus) * 100) / 100;
}

/** Reads intent from every message the lead sent (lower-cased, folded). */
export function extractIntent(foldedMessages: readonly string[]): IntentReading {
  const hits = foldedMessages.flatMap(hitsIn);
  const buy = confidenceOf(hits.filter((h) => h.side === "buy"));
  const sell = confidenceOf(hits.filter((h) => h.side === "sell"));
  const browse = confidenceOf(hits.filter((h) => h.side === "browse"));
  const said = foldedMessages.some((t) => t.trim() !== "");
  if (browse > 0 && Math.max(buy, sell) < EXPLICIT)
    return { intent: "browsing", intentConfidence: Math.max(browse, BROWSING) };
  if (buy >= HEDGED && sell >= HEDGED) return { intent: "both", intentConfidence: Math.min(buy, sell) };
  if (buy > sell) return { intent: "buy", intentConfidence: buy };
  if (sell > buy) return { intent: "sell", intentConfidence: sell };
  return { intent: "unknown", intentConfidence: said ? 0.2 : 0 };
}
