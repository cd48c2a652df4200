import { describe, expect, it } from "vitest";
import {
  InvalidTimeZoneError,
  isValidTimeZone,
  wallTimeAt,
} from "../../../src/domain/compliance/local-time.ts";

describe("wallTimeAt", () => {
  it("reads the lead's wall clock on both sides of the 2026 spring-forward in New York", () => {
    expect(wallTimeAt(Date.parse("2026-03-08T06:59:00Z"), "America/New_York")).toEqual({
      year: 2026,
      month: 3,
      day: 8,
      hour: 1,
      minute: 59,
    });
    expect(wallTimeAt(Date.parse("2026-03-08T07:00:00Z"), "America/New_York")).toMatchObject({
      hour: 3,
      minute: 0,
    });
  });

  it("reads midnight as hour 0, not 24", () => {
    expect(wallTimeAt(Date.parse("2026-06-15T00:00:00Z"), "UTC")).toMatchObject({ day: 15, hour: 0 });
  });

  it("throws a typed error for an unknown zone", () => {
    expect(() => wallTimeAt(0, "Nowhere/Special")).toThrow(InvalidTimeZoneError);
  });
});

describe("isValidTimeZone", () => {
  it.each(["America/Los_Angeles", "UTC", "Asia/Kathmandu"])("accepts %s", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(["", "Mars/Base", "America/Nowhere"])("refuses %j", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});
