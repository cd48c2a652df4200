/**
 * A wrong key must not answer faster than a near miss, nor a tenant's key faster than another's. Timing
 * itself is a benchmark's subject; here, the property that makes it so: ApiKeyRegistry compares the
 * presented key's hash with every stored hash, in constant time, whichever (if any) matches.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { ApiKeyRegistry } from "../../../src/app/http/api-keys.ts";

const compare = vi.hoisted(() => ({ calls: [] as Array<[number, number]> }));

vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compare.calls.push([a.byteLength, b.byteLength]);
      return real.timingSafeEqual(a, b);
    },
  };
});

const keyArb = fc.string({ minLength: 16, maxLength: 64 });

describe("ApiKeyRegistry compares in constant time", () => {
  it("property: with N stored keys, any presented key (each stored one, or none) costs exactly N timingSafeEqual calls on equal-length hashes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(keyArb, { minLength: 1, maxLength: 20 }),
        keyArb,
        fc.nat(),
        async (keys, stranger, pick) => {
          const registry = new ApiKeyRegistry(keys.map((key, i) => ({ tenant: `t${i}`, key })));
          const presented = pick % 2 === 0 ? keys[pick % keys.length]! : stranger;
          compare.calls = [];
          const tenant = await registry.tenantOf(presented);
          expect(compare.calls).toHaveLength(keys.length);
          for (const [a, b] of compare.calls) expect([a, b]).toEqual([32, 32]);
          const index = keys.indexOf(presented);
          expect(tenant).toBe(index >= 0 ? `t${index}` : undefined);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("compares every key even when the first one matched", async () => {
    const registry = new ApiKeyRegistry([
      { tenant: "acme", key: "acme-key-0123456789abcdef" },
      { tenant: "beta", key: "beta-key-0123456789abcdef" },
      { tenant: "gamma", key: "gamma-key-0123456789abcde" },
    ]);
    compare.calls = [];
    expect(await registry.tenantOf("acme-key-0123456789abcdef")).toBe("acme");
    expect(compare.calls).toHaveLength(3);
  });

  it("keeps only hashes: the fingerprint of a key is 16 hex digits, the same for the same key", () => {
    const f = ApiKeyRegistry.fingerprint("acme-key-0123456789abcdef");
    expect(f).toMatch(/^[0-9a-f]{16}$/);
    expect(ApiKeyRegistry.fingerprint("acme-key-0123456789abcdef")).toBe(f);
    expect(f).not.toContain("acme");
  });
});
