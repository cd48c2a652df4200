import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/app/config.ts";

describe("configuration", () => {
  it("starts with no settings at all (embedded defaults)", () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, EH_ADAPTERS: "auto", PRICE_PROFILE: "list-2026" });
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ DRE_LICENSE: "123" }, "DRE_LICENSE"],
    [{ REDIS_URL: "not a url" }, "REDIS_URL"],
    [{ API_KEYS: "acme:short" }, "API_KEYS"],
    [{ DEFAULT_TIME_ZONE: "Mars/Olympus" }, "DEFAULT_TIME_ZONE"],
    [
      {
        GHL_TOKEN: "t",
        GHL_LOCATION_ID: "loc",
        API_KEYS: "acme:aaaaaaaaaaaaaaaaaaaa,beta:bbbbbbbbbbbbbbbbbbbb",
      },
      "API_KEYS",
    ],
    [{ GHL_TOKEN: "t" }, "GHL_LOCATION_ID"],
  ])("refuses %j, naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });

  it("parses API_KEYS into tenants and keys", () => {
    expect(loadConfig({ API_KEYS: "acme:aaaaaaaaaaaaaaaaaaaa, beta:bbbbbbbbbbbbbbbbbbbb" }).API_KEYS).toEqual(
      [
        { tenant: "acme", key: "aaaaaaaaaaaaaaaaaaaa" },
        { tenant: "beta", key: "bbbbbbbbbbbbbbbbbbbb" },
      ],
    );
  });
});
