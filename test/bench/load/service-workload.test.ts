import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { botScript } from "../../../bench/load/bot-scripts.ts";
import {
  mixedKind,
  mixedRequests,
  QUALIFY_PATH,
  qualifyBody,
  SYNC_PATH,
  syncBody,
  WARM_LEAD_COUNT,
  warmQualifyBodies,
} from "../../../bench/load/service-workload.ts";
import { ContactSyncRequest, QualifyRequest } from "../../../src/app/http/schemas.ts";
import { detectOptOut } from "../../../src/domain/compliance/opt-out.ts";

const RUNS = { numRuns: 200 };

describe("the load test's requests", () => {
  it("warm bodies are a fixed set of distinct, valid qualify requests, the same in every run", () => {
    const bodies = warmQualifyBodies();
    expect(bodies).toHaveLength(WARM_LEAD_COUNT);
    expect(new Set(bodies).size).toBe(WARM_LEAD_COUNT);
    expect(warmQualifyBodies()).toEqual(bodies);
    for (const body of bodies) expect(QualifyRequest.safeParse(JSON.parse(body)).success).toBe(true);
  });

  it("property: new-lead bodies are valid and never repeat within a run tag", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(1_000_000), { minLength: 2, maxLength: 20 }), (indexes) => {
        const bodies = indexes.map((i) => qualifyBody(i, "run1"));
        expect(new Set(bodies).size).toBe(indexes.length);
        for (const body of bodies) expect(QualifyRequest.safeParse(JSON.parse(body)).success).toBe(true);
      }),
      RUNS,
    );
  });

  it("property: a contacts sync carries 1 to 5 valid contacts with emails unique to the request", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), (i) => {
        const parsed = ContactSyncRequest.parse(JSON.parse(syncBody(i, "run1")));
        expect(parsed.contacts.length).toBe((i % 5) + 1);
        const emails = parsed.contacts.map((c) => c.email);
        expect(new Set(emails).size).toBe(emails.length);
      }),
      RUNS,
    );
  });

  it("property: any 10 consecutive mixed requests are 7 warm qualifies, 2 new leads and 1 sync", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), (start) => {
        const kinds = Array.from({ length: 10 }, (_, k) => mixedKind(start + k));
        expect(kinds.filter((k) => k === "warm")).toHaveLength(7);
        expect(kinds.filter((k) => k === "new")).toHaveLength(2);
        expect(kinds.filter((k) => k === "sync")).toHaveLength(1);
      }),
      RUNS,
    );
  });

  it("the mixed builder sends warm bodies from the set, new leads and syncs to their routes", () => {
    const warm = warmQualifyBodies(3);
    const build = mixedRequests(warm, "run1");
    const requests = Array.from({ length: 30 }, (_, i) => ({ kind: mixedKind(i), request: build(i) }));
    for (const { kind, request } of requests) {
      expect(request.method).toBe("POST");
      expect(request.path).toBe(kind === "sync" ? SYNC_PATH : QUALIFY_PATH);
      expect(warm.includes(request.body!)).toBe(kind === "warm");
    }
  });
});

describe("bot conversation scripts", () => {
  it("property: an opener and 2 or 3 follow-ups; the opener is unique to its tag", () => {
    fc.assert(
      fc.property(fc.constantFrom("buyer" as const, "seller" as const), fc.nat(10_000), (side, i) => {
        const script = botScript(side, i, `t${i}`);
        expect(script.length === 3 || script.length === 4).toBe(true);
        expect(script[0]).not.toBe(botScript(side, i, `u${i}`)[0]);
      }),
      RUNS,
    );
  });

  it("property: seller lines all say sell, buyer lines never do, and no line opts out", () => {
    fc.assert(
      fc.property(fc.nat(10_000), (i) => {
        for (const line of botScript("seller", i, "t")) expect(line).toMatch(/\bsell/i);
        for (const line of botScript("buyer", i, "t")) expect(line).not.toMatch(/\bsell/i);
        for (const line of [...botScript("seller", i, "t"), ...botScript("buyer", i, "t")])
          expect(detectOptOut(line).optOut).toBe(false);
      }),
      RUNS,
    );
  });
});
