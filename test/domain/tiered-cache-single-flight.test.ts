import { describe, expect, it, vi } from "vitest";
import { SingleFlight } from "../../src/domain/tiered-cache-single-flight.ts";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("SingleFlight", () => {
  it("shares one running flight per key and starts nothing for the joiners", async () => {
    const flights = new SingleFlight<string>();
    const work = deferred<string>();
    const start = vi.fn(() => work.promise);
    const first = flights.run("k", start);
    const second = flights.run("k", start);
    expect([first.joined, second.joined]).toEqual([false, true]);
    expect(start).toHaveBeenCalledTimes(1);
    work.resolve("v");
    expect(await second.promise).toBe("v");
  });

  it("keeps keys apart", () => {
    const flights = new SingleFlight<string>();
    flights.run("a", () => new Promise(() => {}));
    expect(flights.run("b", () => new Promise(() => {})).joined).toBe(false);
    expect(flights.size).toBe(2);
  });

  it("forgets a failed flight, so the next caller starts again", async () => {
    const flights = new SingleFlight<string>();
    const failed = flights.run("k", () => Promise.reject(new Error("boom")));
    await expect(failed.promise).rejects.toThrow("boom");
    expect(flights.size).toBe(0);
    expect(flights.run("k", async () => "again").joined).toBe(false);
  });

  it("detaches forgotten flights: later callers start afresh while the old one still settles", async () => {
    const flights = new SingleFlight<string>();
    const old = deferred<string>();
    const first = flights.run("t1:a", () => old.promise);
    flights.run("t2:a", () => new Promise(() => {}));
    flights.forget((k) => k.startsWith("t1:"));
    const fresh = flights.run("t1:a", async () => "new");
    expect(fresh.joined).toBe(false);
    expect(await fresh.promise).toBe("new");
    old.resolve("old");
    expect(await first.promise).toBe("old");
    expect(flights.size).toBe(1);
  });
});
