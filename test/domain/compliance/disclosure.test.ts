import { describe, expect, it } from "vitest";
import {
  checkDisclosureConfig,
  DisclosureConfigError,
  firstContactDisclosure,
  withDisclosure,
} from "../../../src/domain/compliance/disclosure.ts";

const cfg = { licenseeName: "Acme Realty", dreLicense: "01234567" };
const DISCLOSURE = "Hi! I'm an automated assistant for Acme Realty (CA DRE #01234567).";

describe("firstContactDisclosure", () => {
  it("names the bot as automated and the licensee with the 8-digit DRE license", () => {
    expect(firstContactDisclosure(cfg)).toBe(DISCLOSURE);
  });

  it("trims the licensee name", () => {
    expect(firstContactDisclosure({ ...cfg, licenseeName: "  Acme Realty " })).toBe(DISCLOSURE);
  });

  it.each(["1234567", "123456789", "0123456a", "0123 4567", "", "０１２３４５６７"])(
    "rejects the license %j with a typed error",
    (dreLicense) => {
      expect(checkDisclosureConfig({ ...cfg, dreLicense })).toMatchObject({
        ok: false,
        code: "invalid_dre_license",
      });
      expect(() => firstContactDisclosure({ ...cfg, dreLicense })).toThrow(DisclosureConfigError);
    },
  );

  it.each(["", "   ", "Acme\nRealty"])("rejects the licensee name %j", (licenseeName) => {
    expect(checkDisclosureConfig({ ...cfg, licenseeName })).toMatchObject({
      ok: false,
      code: "invalid_licensee_name",
    });
    try {
      firstContactDisclosure({ ...cfg, licenseeName });
      expect.unreachable();
    } catch (error) {
      expect((error as DisclosureConfigError).code).toBe("invalid_licensee_name");
    }
  });

  it("accepts a valid configuration, normalised", () => {
    expect(checkDisclosureConfig({ ...cfg, licenseeName: " Acme Realty" })).toEqual({
      ok: true,
      config: cfg,
    });
  });
});

describe("withDisclosure", () => {
  it("prepends the disclosure to the first outbound message", () => {
    expect(withDisclosure("Are you looking to buy or sell?", true, cfg)).toBe(
      `${DISCLOSURE} Are you looking to buy or sell?`,
    );
  });

  it("leaves every later message alone", () => {
    expect(withDisclosure("Great, what's your budget?", false, cfg)).toBe("Great, what's your budget?");
  });

  it("never adds it twice", () => {
    const once = withDisclosure("Hello!", true, cfg);
    expect(withDisclosure(once, true, cfg)).toBe(once);
  });

  it("sends the disclosure alone for an empty first reply", () => {
    expect(withDisclosure("  ", true, cfg)).toBe(DISCLOSURE);
  });
});
