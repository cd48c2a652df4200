import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkContactTime,
  InvalidTimeZoneError,
  mayContactAt,
  nextAllowedAt,
  QuietHoursError,
} from "../../../src/domain/compliance/quiet-hours.ts";

const utc = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// An oracle independent of the module: the local hour as Intl prints it.
const localHour = (t: number, timeZone: string): number =>
  Number(new Date(t).toLocaleString("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }));

describe("mayContactAt", () => {
  it("allows 8:00 to 20:59 lead-local and refuses 21:00 to 7:59", () => {
    // 2026-06-15 in New York is EDT (UTC-4).
    expect(mayContactAt(utc("2026-06-15T11:59:59Z"), "America/New_York")).toBe(false);
    expect(mayContactAt(utc("2026-06-15T12:00:00Z"), "America/New_York")).toBe(true);
    expect(mayContactAt(utc("2026-06-16T00:59:59Z"), "America/New_York")).toBe(true);
    expect(mayContactAt(utc("2026-06-16T01:00:00Z"), "America/New_York")).toBe(false);
  });

  it("uses the lead's zone, not UTC: the same instant is allowed in one zone and refused in another", () => {
    const t = utc("2026-06-15T14:00:00Z");
    expect(mayContactAt(t, "America/New_York")).toBe(true);
    expect(mayContactAt(t, "America/Los_Angeles")).toBe(false);
  });

  it("honours a custom window", () => {
    const t = utc("2026-06-15T21:30:00Z"); // 17:30 EDT
    expect(mayContactAt(t, "America/New_York", { startHour: 9, endHour: 17 })).toBe(false);
    expect(mayContactAt(t, "America/New_York")).toBe(true);
  });

  it.each(["Mars/Olympus_Mons", "", "America/Nowhere"])(
    "refuses to send for the unknown zone %j, with the reason",
    (zone) => {
      expect(mayContactAt(utc("2026-06-15T16:00:00Z"), zone)).toBe(false);
      expect(checkContactTime(utc("2026-06-15T16:00:00Z"), zone)).toEqual({
        allowed: false,
        reason: "invalid_time_zone",
      });
    },
  );

  it("says why a known zone is refused", () => {
    expect(checkContactTime(utc("2026-06-15T03:00:00Z"), "America/Chicago")).toEqual({
      allowed: false,
      reason: "quiet_hours",
    });
  });

  it.each([
    { startHour: 21, endHour: 8 },
    { startHour: 8.5, endHour: 21 },
    { startHour: -1, endHour: 21 },
    { startHour: 8, endHour: 25 },
  ])("rejects the malformed window %j", (window) => {
    expect(() => mayContactAt(0, "UTC", window)).toThrow(QuietHoursError);
  });

  it("rejects an instant no Date can hold", () => {
    expect(() => mayContactAt(Number.NaN, "UTC")).toThrow(
      expect.objectContaining({ code: "invalid_instant" }),
    );
  });

  it.each([
    ["March 8, 2026 (23-hour day)", "2026-03-08T05:00:00Z", 23],
    ["November 1, 2026 (25-hour day)", "2026-11-01T04:00:00Z", 25],
  ])(
    "on the US DST change of %s, allows exactly 13 local hours in New York",
    (_day, localMidnight, hours) => {
      const mismatches: string[] = [];
      let allowed = 0;
      for (let t = utc(localMidnight); t < utc(localMidnight) + hours * HOUR; t += MINUTE) {
        const ok = mayContactAt(t, "America/New_York");
        const hour = localHour(t, "America/New_York");
        if (ok !== (hour >= 8 && hour < 21)) mismatches.push(new Date(t).toISOString());
        if (ok) allowed++;
      }
      expect(mismatches).toEqual([]);
      expect(allowed).toBe(13 * 60);
    },
  );
});

describe("nextAllowedAt", () => {
  it("returns the instant itself inside the window", () => {
    const t = utc("2026-06-15T15:07:13.456Z");
    expect(nextAllowedAt(t, "America/New_York")).toBe(t);
  });

  it.each([
    ["New York, spring forward", "America/New_York", "2026-03-08T03:00:00Z", "2026-03-08T12:00:00Z"],
    ["New York, fall back", "America/New_York", "2026-11-01T02:00:00Z", "2026-11-01T13:00:00Z"],
    ["Los Angeles, spring forward", "America/Los_Angeles", "2026-03-08T06:00:00Z", "2026-03-08T15:00:00Z"],
    ["Los Angeles, fall back", "America/Los_Angeles", "2026-11-01T05:00:00Z", "2026-11-01T16:00:00Z"],
    ["Phoenix, no DST", "America/Phoenix", "2026-03-08T06:00:00Z", "2026-03-08T15:00:00Z"],
    ["Kathmandu, a UTC+5:45 zone", "Asia/Kathmandu", "2026-01-01T00:00:00Z", "2026-01-01T02:15:00Z"],
    ["just before 8:00", "America/New_York", "2026-06-15T11:59:59.999Z", "2026-06-15T12:00:00Z"],
    ["at 21:00 sharp", "America/New_York", "2026-06-16T01:00:00Z", "2026-06-16T12:00:00Z"],
    // Troll's clocks jump two hours at 01:00 UTC: the opening comes two hours sooner than the wall says.
    ["Troll, a 2-hour jump", "Antarctica/Troll", "2026-03-29T00:00:00.001Z", "2026-03-29T06:00:00Z"],
  ])("%s: the next 8:00 local", (_case, zone, from, expected) => {
    expect(new Date(nextAllowedAt(utc(from), zone)).toISOString()).toBe(
      new Date(utc(expected)).toISOString(),
    );
  });

  it("honours a custom window's opening hour", () => {
    expect(
      nextAllowedAt(utc("2026-06-15T22:00:00Z"), "America/New_York", { startHour: 9, endHour: 17 }),
    ).toBe(utc("2026-06-16T13:00:00Z"));
  });

  it("throws a typed error for an unknown zone", () => {
    expect(() => nextAllowedAt(0, "Mars/Olympus_Mons")).toThrow(InvalidTimeZoneError);
    expect(() => nextAllowedAt(0, "Mars/Olympus_Mons")).toThrow(
      expect.objectContaining({ code: "invalid_time_zone" }),
    );
  });
});

const ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/St_Johns",
  "America/Santiago",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "UTC",
];
const zone = fc.constantFrom(...ZONES);
// 2000-01-01 to 2100-01-01, to the millisecond.
const instant = fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 });
const minute = instant.map((t) => t - (t % MINUTE));

describe("quiet hours properties", () => {
  it("nextAllowedAt(t) >= t, may be used, and is the earliest such instant", () => {
    fc.assert(
      fc.property(instant, zone, (t, z) => {
        const next = nextAllowedAt(t, z);
        expect(next).toBeGreaterThanOrEqual(t);
        expect(mayContactAt(next, z)).toBe(true);
        if (next > t) expect(mayContactAt(next - 1, z)).toBe(false);
        // The night is 11 hours, 12 when the clocks fall back.
        expect(next - t).toBeLessThanOrEqual(12 * HOUR);
      }),
      { numRuns: 200 },
    );
  });

  it("mayContactAt is false for every minute from 21:00 to 07:59 local and true from 08:00 to 20:59", () => {
    fc.assert(
      fc.property(minute, zone, (t, z) => {
        const hour = localHour(t, z);
        expect(mayContactAt(t, z)).toBe(hour >= 8 && hour < 21);
      }),
      { numRuns: 200 },
    );
  });
});
