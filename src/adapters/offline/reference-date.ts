/**
 * The month a conversation happens in, when the system prompt states today's date as YYYY-MM-DD
 * ("Today is 2026-02-14"). It lets "by June" become a timeline without the model reading a clock.
 */

const ISO_DATE = /\b(?:19|20)\d{2}-(0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/;

/** 0 = January ... 11 = December, or undefined when the prompt gives no date. */
export function referenceMonthOf(system: string): number | undefined {
  const month = ISO_DATE.exec(system)?.[1];
  return month === undefined ? undefined : Number(month) - 1;
}
