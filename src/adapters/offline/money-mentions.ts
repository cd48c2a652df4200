/**
 * Finds the amounts of money in a lead's (folded) words: "$450k", "450,000", "1.2m", "350-400k",
 * "between 400 and 500k", "in the mid 300s". Numbers that are not house money are dropped: bedrooms, days, years,
 * zip codes, rents and other per-month or per-area figures.
 */

/** One amount, or a range of amounts, that the lead wrote. Whole US dollars. */
export interface MoneyMention {
  readonly min: number;
  readonly max: number;
  readonly isRange: boolean;
  /** Offsets of the mention in the folded text. */
  readonly start: number;
  readonly end: number;
}

interface RawAmount {
  num: number;
  scale: number | undefined;
  dollar: boolean;
  digits: string;
  start: number;
  end: number;
}

const AMOUNT =
  /(?<![\p{L}\d.,/$])(\$\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(k|grand|thousand|mm|m|mil|mill|millions?))?(?:\s?(?:dollars|usd|bucks))?(?![\p{L}\d])/gu;
const NOT_HOUSE_MONEY =
  /^\s*(?:\/\s?(?:mo|month|yr|year|sq)|per (?:month|year|sq)|a (?:month|year)|monthly|annually|sq|square|acres?|%|percent|down\b|in savings|saved|cash flow|a night)/;
const BUDGET_WORD_BEFORE = /(?:budget|afford|spend|price range|range)\b[^.\d]{0,14}$/;
const MONEY_WORD_BEFORE =
  /(?:budget|afford|spend|price|pay|paying|worth|get|asking|list|owe|approved|cash|up to|under|over|around|about|between|max|for)\b[^.\d]{0,14}$/;
const MAX_HOUSE_MONEY = 50_000_000;
// "in the 300s" = $300k-$399k; "low / mid / high" take a third of that hundred.
const HUNDREDS = /\bin the (low|lower|mid|middle|high|upper)?[ -]?\$?([1-9]\d{2})s\b/g;
const THIRD: Readonly<Record<string, number>> = { low: 0, lower: 0, mid: 1, middle: 1, high: 2, upper: 2 };

function scaleOf(suffix: string | undefined): number | undefined {
  if (suffix === undefined) return undefined;
  return ["k", "grand", "thousand"].includes(suffix) ? 1_000 : 1_000_000;
}

function readAmounts(folded: string): RawAmount[] {
  return [...folded.matchAll(AMOUNT)].map((m) => {
    const digits = (m[2] ?? "0").replace(/,/g, "");
    const start = m.index ?? 0;
    return {
      num: Number(digits),
      scale: scaleOf(m[3]),
      dollar: m[1] !== undefined,
      digits,
      start,
      end: start + m[0].length,
    };
  });
}

/** A bare number next to a scaled one takes its scale: "350-400k" → 350k, "900-1.1m" → 900k. */
function borrowScale(bare: RawAmount, partner: RawAmount): number {
  const partnerValue = partner.num * (partner.scale ?? 1);
  for (const scale of [1_000_000, 1_000]) if (bare.num * scale <= partnerValue) return bare.num * scale;
  return bare.num;
}

/** Whole dollars for one amount, or undefined when it is not house money. */
function dollarsOf(a: RawAmount, folded: string, borrowed?: number): number | undefined {
  if (NOT_HOUSE_MONEY.test(folded.slice(a.end, a.end + 14))) return undefined;
  const before = folded.slice(Math.max(0, a.start - 30), a.start);
  if (a.scale !== undefined) return a.num * a.scale;
  if (borrowed !== undefined) return borrowed;
  if (a.num >= 10_000) {
    const zipLike = /^\d{5}$/.test(a.digits) && !a.dollar;
    return zipLike && !MONEY_WORD_BEFORE.test(before) ? undefined : a.num;
  }
  // "budget is 450" means thousands; years ("budget in 2025") and counts ("3 bed") do not.
  const year = /^(?:19|20)\d\d$/.test(a.digits);
  return a.num >= 50 && !year && BUDGET_WORD_BEFORE.test(before) ? a.num * 1_000 : undefined;
}

function joinsRange(folded: string, left: RawAmount, right: RawAmount): boolean {
  const between = folded.slice(left.end, right.start);
  if (/^\s*(?:-|to|through|thru)\s*$/.test(between)) return true;
  return (
    /^\s*and\s*$/.test(between) && /between\s*$/.test(folded.slice(Math.max(0, left.start - 10), left.start))
  );
}

function hundredsIn(folded: string): MoneyMention[] {
  return [...folded.matchAll(HUNDREDS)].map((m) => {
    const base = Number(m[2]) * 1_000;
    const third = m[1] === undefined ? undefined : THIRD[m[1]];
    const min = third === undefined ? base : base + third * 33_000;
    const max = third === undefined ? base + 99_000 : min + 33_000;
    const start = m.index ?? 0;
    return { min, max, isRange: true, start, end: start + m[0].length };
  });
}

/** Every house-money amount in `folded`, in order of appearance. */
export function findMoneyMentions(folded: string): MoneyMention[] {
  return [...singleAndRanges(folded), ...hundredsIn(folded)].sort((a, b) => a.start - b.start);
}

function singleAndRanges(folded: string): MoneyMention[] {
  const raw = readAmounts(folded);
  const out: MoneyMention[] = [];
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i]!;
    const b = raw[i + 1];
    if (b !== undefined && joinsRange(folded, a, b)) {
      const low = dollarsOf(
        a,
        folded,
        a.scale === undefined && b.scale !== undefined ? borrowScale(a, b) : undefined,
      );
      const high = dollarsOf(
        b,
        folded,
        b.scale === undefined && a.scale !== undefined ? borrowScale(b, a) : undefined,
      );
      if (low !== undefined && high !== undefined && Math.max(low, high) <= MAX_HOUSE_MONEY) {
        out.push({
          min: Math.min(low, high),
          max: Math.max(low, high),
          isRange: true,
          start: a.start,
          end: b.end,
        });
        i++;
        continue;
      }
    }
    const value = dollarsOf(a, folded);
    if (value !== undefined && value <= MAX_HOUSE_MONEY && value >= 1_000) {
      out.push({ min: value, max: value, isRange: false, start: a.start, end: a.end });
    }
  }
  return out;
}
