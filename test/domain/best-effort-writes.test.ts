import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BestEffortWrites, isStoreUnavailable } from "../../src/domain/best-effort-writes.ts";

class Unavailable extends Error {
  readonly code = "store_unavailable";
}

describe("BestEffortWrites", () => {
  it("returns what a write returns and stays 'all stored' while the store answers", async () => {
    const writes = new BestEffortWrites();
    expect(await writes.run(async () => "contact-1")).toBe("contact-1");
    expect(await writes.run(async () => undefined)).toBeUndefined();
    expect(writes.allStored).toBe(true);
  });

  it("turns an unreachable store into undefined and 'not all stored', instead of failing the request", async () => {
    const writes = new BestEffortWrites();
    expect(
      await writes.run(async () => {
        throw new Unavailable("PostgreSQL is unavailable: ECONNREFUSED");
      }),
    ).toBeUndefined();
    expect(writes.allStored).toBe(false);
  });

  it("skips the writes after the store was found unreachable (each would wait out the same timeout)", async () => {
    const writes = new BestEffortWrites();
    await writes.run(async () => {
      throw new Unavailable("down");
    });
    let called = false;
    expect(
      await writes.run(async () => {
        called = true;
        return 1;
      }),
    ).toBeUndefined();
    expect(called).toBe(false);
  });

  it("lets any other error through: a wrong write is a bug, not an outage", async () => {
    const writes = new BestEffortWrites();
    const bug = Object.assign(new Error("duplicate key"), { code: "23505" });
    await expect(writes.run(() => Promise.reject(bug))).rejects.toBe(bug);
    expect(writes.allStored).toBe(true);
  });

  it("property: only an error whose code is exactly 'store_unavailable' counts as an unreachable store", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.constant(null)), (code) => {
        const err = Object.assign(new Error("x"), { code });
        expect(isStoreUnavailable(err)).toBe(code === "store_unavailable");
      }),
      { numRuns: 200 },
    );
    expect(isStoreUnavailable(new Unavailable("down"))).toBe(true);
    expect(isStoreUnavailable("store_unavailable")).toBe(false);
    expect(isStoreUnavailable(null)).toBe(false);
  });
});
