/**
 * The load harness on EnterpriseHub itself, in a few seconds: the service started as a child process
 * on its embedded defaults (PGlite, no Redis), the Claude adapter on the fake Messages API, then a tiny
 * step of each workload the full run ramps.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_SCENARIO_PLANS, runBotScenario } from "../../../bench/load/bot-concurrency.ts";
import { type CompositionPlan, planComposition } from "../../../bench/load/composition-plan.ts";
import { launchEnterpriseHub, type ServiceUnderLoad } from "../../../bench/load/enterprisehub-launch.ts";
import { runRamp } from "../../../bench/load/ramp.ts";
import { measureThroughService } from "../../../bench/load/service-overhead.ts";
import { mixedTarget, prequalify, warmQualifyTarget } from "../../../bench/load/service-ramps.ts";
import { warmQualifyBodies } from "../../../bench/load/service-workload.ts";
import { FakeAnthropicServer } from "../../fakes/fake-anthropic-server.ts";

const LLM_KEY = "smoke-llm-key-0123456789";
const NO_WARMUP = { warmup: null } as const;

let fake: FakeAnthropicServer;
let plan: CompositionPlan;
let service: ServiceUnderLoad;
const bodies = warmQualifyBodies(5);

beforeAll(async () => {
  fake = await FakeAnthropicServer.start({ apiKey: LLM_KEY, latencyMs: () => 5, recordRequests: false });
  plan = await planComposition("embedded");
  service = await launchEnterpriseHub(plan, { url: fake.url, apiKey: LLM_KEY });
  await prequalify(service, bodies);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await fake?.close();
});

describe("EnterpriseHub under the load harness (embedded composition)", () => {
  it("runs on its embedded defaults: PGlite in a folder of its own, no Redis", () => {
    expect(plan.redisUrl).toBeUndefined();
    expect(plan.databaseUrl).toBeUndefined();
    expect(plan.dataDir && existsSync(plan.dataDir)).toBe(true);
    expect(service.composition).toMatch(/no L2 \+ embedded PGlite/);
  });

  it("answers every request of a /health step without an error", async () => {
    const [row] = await runRamp(
      { url: `${service.url}/health` },
      [4],
      { amount: 200, maxSec: 10 },
      NO_WARMUP,
    );
    expect(row?.users).toBe(4);
    expect(row?.requests).toBe(200);
    expect(row?.errorRate).toBe(0);
    expect(row?.statusCounts).toEqual({ "200": 200 });
  });

  it("answers every warm qualify of a step from the cache, without an error", async () => {
    const before = fake.requestCount;
    const target = warmQualifyTarget(service, bodies);
    const [row] = await runRamp(target, [4], { amount: 100, maxSec: 10 }, NO_WARMUP);
    expect(row?.requests).toBe(100);
    expect(row?.errorRate).toBe(0);
    expect(row?.latency?.count).toBe(100);
    // Warm means cached: not one of them reached the model.
    expect(fake.requestCount).toBe(before);
  });

  it("runs the mixed workload: new leads reach the model, every request answers 2xx", async () => {
    const before = fake.requestCount;
    const [row] = await runRamp(
      mixedTarget(service, bodies, "smoke"),
      [2],
      { amount: 40, maxSec: 10 },
      NO_WARMUP,
    );
    expect(row?.requests).toBe(40);
    expect(row?.errorRate).toBe(0);
    expect(fake.requestCount).toBeGreaterThan(before);
  });

  it("holds conversations with the scenario's bot and measures the overhead path", async () => {
    const plan = { ...BOT_SCENARIO_PLANS[2]!, buyers: 2, sellers: 2 };
    const run = await runBotScenario(service, plan, "smoke");
    expect(run.concurrent).toBe(4);
    expect(run.misrouted).toBe(0);
    // 4 conversations: an opener then 2 or 3 messages each.
    expect(run.row?.requests).toBe(2 * 3 + 2 * 4);
    expect(run.row?.errorRate).toBe(0);
    const overhead = await measureThroughService(service, 3, "smoke", 1);
    expect(overhead.count).toBe(3);
  });

  it("stops the process and removes the run's data folder (tests in this file run in order: last)", async () => {
    await service.stop();
    expect(() => process.kill(service.pid, 0)).toThrow();
    expect(existsSync(plan.dataDir!)).toBe(false);
  });
});
