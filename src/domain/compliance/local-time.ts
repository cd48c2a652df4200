/**
 * The wall-clock time of a UTC instant in an IANA time zone, through Intl.DateTimeFormat (the ICU time
 * zone database Node ships). Pure: the instant is always passed in, never read from a clock.
 */

/** A lead's local calendar date and time of day. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** Thrown for a time zone Intl does not know; `code` is stable. */
export class InvalidTimeZoneError extends Error {
  readonly code = "invalid_time_zone";
  constructor(timeZone: string) {
    super(`unknown time zone: ${JSON.stringify(timeZone)}`);
    this.name = "InvalidTimeZoneError";
  }
}

// Building a formatter costs far more than using one, and a service sees few distinct zones.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_CACHED_ZONES = 1000;

/** True when `timeZone` names a zone Intl knows (IANA names, "UTC"); "" and unknown names are not. */
export function isValidTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== undefined;
}

/** The wall-clock time of `utcMs` in `timeZone`; throws InvalidTimeZoneError for an unknown zone. */
export function wallTimeAt(utcMs: number, timeZone: string): WallTime {
  const formatter = formatterFor(timeZone);
  if (formatter === undefined) throw new InvalidTimeZoneError(timeZone);
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of formatter.formatToParts(new Date(utcMs))) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  return parts;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
  } catch {
    return undefined;
  }
  if (formatters.size >= MAX_CACHED_ZONES) formatters.clear();
  formatters.set(timeZone, formatter);
  return formatter;
}
