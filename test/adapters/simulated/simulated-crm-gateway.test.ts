import { describe, expect, it } from "vitest";
import { SeededRandom } from "../../../src/adapters/simulated/seeded-random.ts";
import { SimulatedCrmGateway } from "../../../src/adapters/simulated/simulated-crm-gateway.ts";
import { VirtualClock } from "../../../src/adapters/simulated/virtual-clock.ts";
import type { CrmFailureCode } from "../../../src/ports/crm-gateway.ts";

function gateway(seed = 42, failureRatio = 0, failureCode?: CrmFailureCode) {
  const clock = new VirtualClock();
  const crm = new SimulatedCrmGateway({
    clock,
    random: new SeededRandom(seed).fork("crm"),
    failureRatio,
    ...(failureCode ? { failureCode } : {}),
  });
  return { clock, crm };
}

describe("SimulatedCrmGateway", () => {
  it("creates a contact once, then updates it under the same id (email matched case-insensitively)", async () => {
    const { crm } = gateway();
    const [first] = await crm.upsertContacts([{ email: "Ana@Example.com", tags: ["lead"] }]);
    const [second] = await crm.upsertContacts([{ email: "ana@example.com ", tags: ["buyer"] }]);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(second).toMatchObject({ ok: true, created: false });
    expect(first?.ok && second?.ok && first.crmId === second.crmId).toBe(true);
    expect(crm.created).toBe(1);
    expect(crm.updated).toBe(1);
  });

  it("derives the same id for the same person in any run", async () => {
    const [a] = await gateway(1).crm.upsertContacts([{ phone: "+1 (512) 555-0100" }]);
    const [b] = await gateway(2).crm.upsertContacts([{ phone: "15125550100" }]);
    expect(a?.ok && a.crmId).toMatch(/^sim_[0-9a-f]{24}$/);
    expect(a?.ok && b?.ok && a.crmId === b.crmId).toBe(true);
  });

  it("adds tags and keeps fields an update does not mention", async () => {
    const { crm } = gateway();
    const [r] = await crm.upsertContacts([{ email: "b@x.io", firstName: "Bo", tags: ["lead"] }]);
    await crm.upsertContacts([{ email: "b@x.io", lastName: "Li", tags: ["seller", "lead"] }]);
    const stored = crm.find(r?.ok ? r.crmId : "");
    expect(stored).toMatchObject({ firstName: "Bo", lastName: "Li", tags: ["lead", "seller"] });
  });

  it("answers one result per contact, in order, refusing a contact with no email or phone", async () => {
    const { crm } = gateway();
    const results = await crm.upsertContacts([
      { email: "c@x.io" },
      { firstName: "Nobody" },
      { phone: "555 0101" },
    ]);
    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["ok", "invalid", "ok"]);
  });

  it("advances the virtual clock once per call, around a 180 ms median", async () => {
    const { clock, crm } = gateway();
    const latencies: number[] = [];
    for (let i = 0; i < 1_001; i++) {
      const before = clock.now();
      await crm.upsertContacts([{ email: `p${i}@x.io` }, { email: `q${i}@x.io` }]);
      latencies.push(clock.now() - before);
    }
    latencies.sort((a, b) => a - b);
    expect(Math.abs((latencies[500] ?? 0) / 180 - 1)).toBeLessThan(0.05);
    expect(crm.calls).toBe(1_001);
  });

  it("fails about failureRatio of 10,000 contacts as rate limited, with GoHighLevel's 10 s retry-after", async () => {
    const { crm } = gateway(42, 0.1);
    const contacts = Array.from({ length: 10_000 }, (_, i) => ({ email: `p${i}@x.io` }));
    const results = await crm.upsertContacts(contacts);
    const failed = results.filter((r) => !r.ok);
    expect(Math.abs(failed.length / 10_000 - 0.1)).toBeLessThan(0.015);
    expect(failed[0]).toMatchObject({ ok: false, code: "rate_limited", retryAfterMs: 10_000 });
    expect(crm.created).toBe(10_000 - failed.length);
  });

  it("fails with the configured code instead", async () => {
    const { crm } = gateway(42, 1, "unavailable");
    const [r] = await crm.upsertContacts([{ email: "d@x.io" }]);
    expect(r).toMatchObject({ ok: false, code: "unavailable" });
    expect(r && !r.ok && r.retryAfterMs).toBeUndefined();
  });

  it("replays identical results and clock readings for the same seed", async () => {
    const trace = async () => {
      const { clock, crm } = gateway(42, 0.3);
      const out: unknown[] = [];
      for (let i = 0; i < 50; i++)
        out.push(await crm.upsertContacts([{ email: `r${i % 7}@x.io` }]), clock.now());
      return out;
    };
    expect(await trace()).toEqual(await trace());
  });
});
