/**
 * Quiet hours (TCPA): a lead may be contacted only between 8 am and 9 pm in the lead's own time zone.
 * The caller passes the instant; nothing here reads a clock. An unknown time zone is never guessed
 * (a wrong guess texts someone at night): `mayContactAt` says no, with the reason, and `nextAllowedAt`
 * throws InvalidTimeZoneError, so a follow-up to a lead with a bad zone waits for a human to fix it.
 */
import { InvalidTimeZoneError, isValidTimeZone, wallTimeAt } from "./local-time.ts";

export { InvalidTimeZoneError } from "./local-time.ts";

/** Local hours when contact is allowed: from `startHour`:00 up to (not including) `endHour`:00. */
export interface ContactWindow {
  readonly startHour: number;
  readonly endHour: number;
}

/** 8:00 to 21:00, lead-local. */
export const DEFAULT_CONTACT_WINDOW: ContactWindow = { startHour: 8, endHour: 21 };

/** Whether a lead may be contacted at an instant, and why not. */
export type ContactTimeCheck =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: "quiet_hours" | "invalid_time_zone" };

/** Which caller bug a QuietHoursError reports. */
export type QuietHoursErrorCode = "invalid_window" | "invalid_instant";

/** Thrown for a malformed window or an instant no Date can hold (caller bugs); `code` is stable. */
export class QuietHoursError extends Error {
  readonly code: QuietHoursErrorCode;
  constructor(code: QuietHoursErrorCode, message: string) {
    super(message);
    this.name = "QuietHoursError";
    this.code = code;
  }
}

const MINUTE_MS = 60_000;
// Every time zone in use has an offset that is a whole number of quarter hours, so local hours begin
// on UTC quarter hours: stepping on that grid cannot miss the window's opening minute.
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
// The most a clock change moves local time (Antarctica/Troll: 2 h); skipping ahead by the wall-clock
// distance to the window minus this margin never jumps past the opening.
const MAX_CLOCK_SHIFT_MINUTES = 120;
const MAX_STEPS = 2 * 24 * 4;

/** Whether `utcMs` falls inside `window` in `timeZone`; an unknown zone is refused, with its reason. */
export function checkContactTime(
  utcMs: number,
  timeZone: string,
  window: ContactWindow = DEFAULT_CONTACT_WINDOW,
): ContactTimeCheck {
  assertWindow(window);
  assertInstant(utcMs);
  if (!isValidTimeZone(timeZone)) return { allowed: false, reason: "invalid_time_zone" };
  const { hour } = wallTimeAt(utcMs, timeZone);
  return hour >= window.startHour && hour < window.endHour
    ? { allowed: true }
    : { allowed: false, reason: "quiet_hours" };
}

/** True when a lead in `timeZone` may be contacted at `utcMs` (false for an unknown zone). */
export function mayContactAt(
  utcMs: number,
  timeZone: string,
  window: ContactWindow = DEFAULT_CONTACT_WINDOW,
): boolean {
  return checkContactTime(utcMs, timeZone, window).allowed;
}

/**
 * The earliest instant at or after `utcMs` when a lead in `timeZone` may be contacted: `utcMs` itself
 * inside the window, else the next opening (DST-aware). Throws InvalidTimeZoneError for an unknown zone.
 */
export function nextAllowedAt(
  utcMs: number,
  timeZone: string,
  window: ContactWindow = DEFAULT_CONTACT_WINDOW,
): number {
  const check = checkContactTime(utcMs, timeZone, window);
  if (check.allowed) return utcMs;
  if (check.reason === "invalid_time_zone") throw new InvalidTimeZoneError(timeZone);
  const { hour, minute } = wallTimeAt(utcMs, timeZone);
  const wallMinutesToOpening = (window.startHour * 60 - (hour * 60 + minute) + 1440) % 1440;
  // Measured from the start of the current minute, where the wall clock reads exactly hour:minute.
  const skipMs = Math.max(0, wallMinutesToOpening - MAX_CLOCK_SHIFT_MINUTES) * MINUTE_MS;
  const earliest = Math.max(utcMs, Math.floor(utcMs / MINUTE_MS) * MINUTE_MS + skipMs);
  let candidate = Math.ceil(earliest / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  for (let step = 0; step < MAX_STEPS; step++, candidate += QUARTER_HOUR_MS) {
    if (mayContactAt(candidate, timeZone, window)) return candidate;
  }
  // Unreachable for a window of at least one hour in any real time zone.
  throw new QuietHoursError("invalid_window", `no contact time within 48 h in ${timeZone}`);
}

function assertWindow({ startHour, endHour }: ContactWindow): void {
  const valid = Number.isInteger(startHour) && Number.isInteger(endHour) && startHour >= 0 && endHour <= 24;
  if (!valid || startHour >= endHour) {
    throw new QuietHoursError("invalid_window", `window must be whole hours 0 <= start < end <= 24`);
  }
}

// The range a JavaScript Date can represent.
const MAX_INSTANT_MS = 8.64e15;

function assertInstant(utcMs: number): void {
  if (!(Math.abs(utcMs) <= MAX_INSTANT_MS)) {
    throw new QuietHoursError("invalid_instant", `instant must be a finite Date-range number: ${utcMs}`);
  }
}
