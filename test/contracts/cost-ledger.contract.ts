/**
 * The CostLedger conformance suite: written once, run against memory, PostgreSQL and PGlite.
 * Each test works in its own tenant, so implementations backed by one shared database stay isolated.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CostEntry, CostLedger, CostSummaryRow } from "../../src/ports/cost-ledger.ts";

/** The summary computed the obvious way, to check implementations against. */
function expectedSummary(entries: CostEntry[]): CostSummaryRow[] {
  const rows = new Map<string, CostSummaryRow>();
  for (const e of entries) {
    const key = `${e.operation}|${e.model ?? ""}`;
    const row = rows.get(key) ?? {
      ...{ operation: e.operation, model: e.model ?? null, count: 0, inputTokens: 0, outputTokens: 0 },
      ...{ cacheWriteTokens: 0, cacheReadTokens: 0, llmMicros: 0, infraMicros: 0 },
    };
    rows.set(key, {
      ...row,
      count: row.count + 1,
      inputTokens: row.inputTokens + e.inputTokens,
      outputTokens: row.outputTokens + e.outputTokens,
      cacheWriteTokens: row.cacheWriteTokens + e.cacheWriteTokens,
      cacheReadTokens: row.cacheReadTokens + e.cacheReadTokens,
      llmMicros: row.llmMicros + e.llmMicros,
      infraMicros: row.infraMicros + e.infraMicros,
    });
  }
  return [...rows.values()];
}

const byGroup = (a: CostSummaryRow, b: CostSummaryRow) =>
  `${a.operation}|${a.model ?? ""}`.localeCompare(`${b.operation}|${b.model ?? ""}`);

export function describeCostLedgerContract(
  label: string,
  make: () => Promise<CostLedger>,
  opts: { skip?: string | false } = {},
): void {
  const d = opts.skip ? describe.skip : describe;
  d(`CostLedger contract: ${label}`, () => {
    let n = 0;
    const tenant = () => `t${process.pid}x${Date.now().toString(36)}x${++n}`;
    const entry = (tenantId: string, over: Partial<CostEntry> = {}): CostEntry => ({
      id: `cost-${process.pid}-${Date.now().toString(36)}-${++n}`,
      tenant: tenantId,
      operation: "qualify",
      model: "claude-sonnet-4-5",
      inputTokens: 1_200,
      outputTokens: 300,
      cacheWriteTokens: 0,
      cacheReadTokens: 800,
      llmMicros: 8_940,
      infraMicros: 12,
      at: 1_000,
      ...over,
    });

    it("has an empty summary for a tenant with no entries", async () => {
      const ledger = await make();
      expect(await ledger.summary(tenant())).toEqual([]);
    });

    it("stores an entry recorded twice under one id once", async () => {
      const ledger = await make();
      const e = entry(tenant());
      await ledger.record(e);
      await ledger.record(e);
      await ledger.record({ ...e, llmMicros: 1 });
      expect(await ledger.summary(e.tenant)).toEqual(expectedSummary([e]));
    });

    it("groups by operation and model, an entry without a model under null", async () => {
      const ledger = await make();
      const t = tenant();
      const entries = [
        entry(t),
        entry(t, { llmMicros: 60 }),
        entry(t, { model: "claude-haiku-4-5" }),
        entry(t, { operation: "reply:buyer" }),
        entry(t, { operation: "crm_sync", model: undefined, llmMicros: 0, infraMicros: 5 }),
      ];
      for (const e of entries) await ledger.record(e);
      const summary = await ledger.summary(t);
      expect([...summary].sort(byGroup)).toEqual(expectedSummary(entries).sort(byGroup));
      expect(summary.find((r) => r.operation === "crm_sync")?.model).toBeNull();
    });

    it("sums beyond 32 bits exactly", async () => {
      const ledger = await make();
      const t = tenant();
      const big = { inputTokens: 3_000_000_000, llmMicros: 4_000_000_000_000 };
      await ledger.record(entry(t, big));
      await ledger.record(entry(t, big));
      const [row] = await ledger.summary(t);
      expect(row).toMatchObject({ count: 2, inputTokens: 6_000_000_000, llmMicros: 8_000_000_000_000 });
    });

    it("keeps tenants apart", async () => {
      const ledger = await make();
      const [a, b] = [tenant(), tenant()];
      await ledger.record(entry(a));
      expect(await ledger.summary(b)).toEqual([]);
      expect(await ledger.summary(a)).toHaveLength(1);
    });

    it("property: the summary's totals equal the sums of the distinct entries recorded", async () => {
      const ledger = await make();
      const amount = fc.integer({ min: 0, max: 1_000_000_000 });
      const draft = fc.record({
        operation: fc.constantFrom("qualify", "reply:buyer", "reply:seller"),
        model: fc.constantFrom("claude-haiku-4-5", "claude-sonnet-4-5", undefined),
        inputTokens: amount,
        outputTokens: amount,
        cacheWriteTokens: amount,
        cacheReadTokens: amount,
        llmMicros: amount,
        infraMicros: amount,
        repeat: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(draft, { maxLength: 8 }), async (drafts) => {
          const t = tenant();
          const entries = drafts.map(({ repeat: _r, ...d }) => entry(t, d));
          for (const [i, e] of entries.entries()) {
            await ledger.record(e);
            if (drafts[i]?.repeat) await ledger.record(e);
          }
          expect([...(await ledger.summary(t))].sort(byGroup)).toEqual(
            expectedSummary(entries).sort(byGroup),
          );
        }),
        { numRuns: 200 },
      );
    });
  });
}
