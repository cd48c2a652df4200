/**
 * Fault: Claude failing (issue 8). The service's Claude adapter talks to the fake Messages API, scripted
 * to answer 429 with retry-after, 529, 500 or to stall past the request timeout. The promise: one retry
 * layer (the SDK's own retries are off, so the fake sees exactly the attempts the policy makes: two per
 * model), backoff with jitter that honours retry-after, a total time budget, then down the model chain
 * (Sonnet → Haiku) to the offline model; and the ledger holds one entry per billed attempt (an attempt
 * that got an answer) and nothing for the 429 / 529 / 500 / timeouts, which are not billed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PostgresSqlClient } from "../../src/adapters/postgres/sql-client.ts";
import { MODEL_IDS, OFFLINE_MODEL_ID } from "../../src/domain/models.ts";
import {
  DATED_SNAPSHOTS,
  FakeAnthropicServer,
  plausibleQualification,
} from "../fakes/fake-anthropic-server.ts";
import { skipUnless } from "../support/services.ts";
import { qualifyBody, type ServedHarness, schemaClient, startServedHarness } from "./served-harness.ts";

const skip = (await skipUnless("redis")) || (await skipUnless("postgres"));

const REQUEST_TIMEOUT_MS = 400;
const TOTAL_BUDGET_MS = 3_000;

interface QualifyAnswer {
  requestId: string;
  model: string;
  cache: string;
  attempts: number;
  stored: boolean;
  cost: { llmMicros: number };
}
interface LedgerRow {
  id: string;
  operation: string;
  model: string | null;
  llm_micros: string;
}

describe.skipIf(skip)("fault: Claude failing", () => {
  let fake: FakeAnthropicServer;
  let served: ServedHarness;
  let db: PostgresSqlClient;
  // When each request reached the fake (performance.now()), to check the waits between attempts.
  let arrivals: number[] = [];
  let n = 0;

  beforeAll(async () => {
    fake = await FakeAnthropicServer.start({ slowMs: 10_000 });
    fake.setLatency(() => {
      arrivals.push(performance.now());
      return 0;
    });
    served = await startServedHarness({
      ANTHROPIC_API_KEY: fake.apiKey,
      ANTHROPIC_BASE_URL: fake.url,
      ANTHROPIC_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      LLM_TOTAL_BUDGET_MS: String(TOTAL_BUDGET_MS),
    });
    db = schemaClient(served);
  });
  beforeEach(() => {
    fake.resetScript();
    fake.toolInput = plausibleQualification;
    arrivals = [];
  });
  afterAll(async () => {
    await db?.close();
    await served?.close();
    await fake?.close();
  });

  /** Qualifies a lead nobody asked about before (so the model is called), with the fake's script set. */
  const qualify = () =>
    served.post<QualifyAnswer>(
      "/api/leads/qualify",
      qualifyBody(`Pre-approved buyer, 3 bed in Austin under 500k, moving in 2 months (case ${n++})`),
    );
  const ledgerOf = (requestId: string) =>
    db.query<LedgerRow>(
      "SELECT id, operation, model, llm_micros FROM cost_ledger WHERE id LIKE $1 || ':%' ORDER BY id",
      [requestId],
    );

  it("429 with retry-after, then an answer: waits at least retry-after, retries the same model once, bills one attempt", async () => {
    fake.script([{ status: 429, headers: { "retry-after": "1" } }, "ok"]);
    const res = await qualify();
    expect(res.status).toBe(200);
    expect(fake.requestCount).toBe(2);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(1_000 - 5);
    expect(res.body).toMatchObject({
      model: DATED_SNAPSHOTS[MODEL_IDS.sonnet],
      cache: "origin",
      attempts: 2,
      stored: true,
    });
    const ledger = await ledgerOf(res.body.requestId);
    expect(ledger.map((e) => [e.id, e.operation, e.model])).toEqual([
      [`${res.body.requestId}:0`, "lead_qualification", DATED_SNAPSHOTS[MODEL_IDS.sonnet]],
    ]);
    expect(Number(ledger[0]!.llm_micros)).toBe(res.body.cost.llmMicros);
    expect(res.body.cost.llmMicros).toBeGreaterThan(0);
  });

  it("529 twice, then 500: falls back from Sonnet to Haiku after two attempts, and Haiku's answer is the one billed", async () => {
    fake.script([{ status: 529 }, { status: 529 }, { status: 500 }, "ok"]);
    const res = await qualify();
    expect(res.status).toBe(200);
    expect(fake.requestCount).toBe(4);
    expect(fake.requests.map((r) => (r.body as { model: string }).model)).toEqual([
      MODEL_IDS.sonnet,
      MODEL_IDS.sonnet,
      MODEL_IDS.haiku,
      MODEL_IDS.haiku,
    ]);
    // Full jitter: each backoff is at most the policy's ceiling for that retry (250 ms), never a fixed sleep.
    expect(arrivals[1]! - arrivals[0]!).toBeLessThan(1_000);
    expect(res.body).toMatchObject({ model: DATED_SNAPSHOTS[MODEL_IDS.haiku], attempts: 4 });
    const ledger = await ledgerOf(res.body.requestId);
    expect(ledger.map((e) => [e.operation, e.model])).toEqual([
      ["lead_qualification", DATED_SNAPSHOTS[MODEL_IDS.haiku]],
    ]);
  });

  it("429, 529, 500, then a call slower than the request timeout: every cloud model fails, the offline model answers, nothing cloud is billed", async () => {
    fake.script([{ status: 429, headers: { "retry-after": "1" } }, { status: 529 }, { status: 500 }, "slow"]);
    const res = await qualify();
    expect(res.status).toBe(200);
    expect(fake.requestCount).toBe(4);
    expect(res.body).toMatchObject({ model: OFFLINE_MODEL_ID, attempts: 5, cache: "origin" });
    expect(res.body.cost.llmMicros).toBe(0);
    const ledger = await ledgerOf(res.body.requestId);
    expect(ledger.map((e) => [e.operation, e.model, Number(e.llm_micros)])).toEqual([
      ["lead_qualification", OFFLINE_MODEL_ID, 0],
    ]);
  });

  it("a retry-after longer than the time budget: no wait, straight to the next model, within the budget", async () => {
    fake.script([{ status: 429, headers: { "retry-after": "30" } }, "ok"]);
    const res = await qualify();
    expect(res.status).toBe(200);
    expect(fake.requestCount).toBe(2);
    expect(res.body.model).toBe(DATED_SNAPSHOTS[MODEL_IDS.haiku]);
    expect(res.ms).toBeLessThan(TOTAL_BUDGET_MS);
  });

  it("an answer that fails validation is billed (it was answered) and retried: two ledger entries, one per billed attempt, none twice", async () => {
    let calls = 0;
    fake.toolInput = (request) => (calls++ === 0 ? { intent: "maybe?" } : plausibleQualification(request));
    const res = await qualify();
    expect(res.status).toBe(200);
    expect(fake.requestCount).toBe(2);
    expect(res.body).toMatchObject({ model: DATED_SNAPSHOTS[MODEL_IDS.sonnet], attempts: 2 });
    const ledger = await ledgerOf(res.body.requestId);
    expect(ledger.map((e) => [e.id, e.operation, e.model])).toEqual([
      [`${res.body.requestId}:0`, "lead_qualification.failed_attempt", DATED_SNAPSHOTS[MODEL_IDS.sonnet]],
      [`${res.body.requestId}:1`, "lead_qualification", DATED_SNAPSHOTS[MODEL_IDS.sonnet]],
    ]);
    const billed = ledger.reduce((sum, e) => sum + Number(e.llm_micros), 0);
    expect(billed).toBe(res.body.cost.llmMicros);
    expect(Number(ledger[0]!.llm_micros)).toBeGreaterThan(0);
  });

  it("the same lead asked again is served from the cache: no request reaches Claude, nothing more is billed for the model", async () => {
    const body = qualifyBody("Selling my townhouse in Tampa by summer, hoping for 380k (repeat)");
    const first = await served.post<QualifyAnswer>("/api/leads/qualify", body);
    expect(first.body.model).toBe(DATED_SNAPSHOTS[MODEL_IDS.sonnet]);
    fake.setDefault({ status: 500 });
    const again = await served.post<QualifyAnswer>("/api/leads/qualify", body);
    expect(again.status).toBe(200);
    expect(fake.requestCount).toBe(1);
    expect(again.body).toMatchObject({ model: DATED_SNAPSHOTS[MODEL_IDS.sonnet], cache: "L1", attempts: 0 });
    expect(again.body.cost.llmMicros).toBe(0);
    const ledger = await ledgerOf(again.body.requestId);
    expect(ledger.map((e) => [e.operation, e.model])).toEqual([["lead_qualification", null]]);
  });
});
