/**
 * The /health peers, measured together: the bare node:http server and the bare Express 5 app, each a
 * child process, ramped step by step in turn with the services under test (EnterpriseHub), then each
 * peer held at 100 connections while its memory and CPU are sampled. The services' own resources are
 * measured on their real workload elsewhere (load-suite.ts), so they are only ramped here.
 */
import { runLoad } from "./autocannon-run.ts";
import { rampRatios } from "./peer-ratio.ts";
import { startExpressPeer, startNodeHttpPeer } from "./peers/health-peers.ts";
import type { StartedServer } from "./peers/start-server.ts";
import { ChildProcessProbe } from "./process-probes.ts";
import { RAMP_STEPS, type RampRow, rampLimits, runRampComparison } from "./ramp.ts";
import type { RampRatioTable, RampTable } from "./report-section.ts";
import { ResourceMonitor, type ResourceReport } from "./resources.ts";

/** What the suite measured. */
export interface HealthPeerResults {
  /** Ramp rows per target name. */
  readonly rows: Readonly<Record<string, RampRow[]>>;
  readonly ramps: RampTable[];
  readonly ratios: RampRatioTable[];
  readonly resources: ResourceReport[];
}

/** Connections at which resources are sampled (the report's "peak (100 concurrent)"). */
export const RESOURCE_CONNECTIONS = 100;

const NODE_HTTP = "node:http";
const EXPRESS = "Express 5";

/** What to ramp beside the peers. */
export interface HealthPeerOptions {
  readonly quick: boolean;
  /** Services ramped on /health beside the peers, by name → base URLs (its instances); each gets ratios against both. */
  readonly services?: Readonly<Record<string, readonly string[]>>;
  readonly onStep?: (target: string, row: RampRow) => void;
}

/** Starts both peers, ramps them with `services`, measures the peers' resources, and stops them (also on failure). */
export async function runHealthPeers(options: HealthPeerOptions): Promise<HealthPeerResults> {
  const { quick, onStep } = options;
  const services = options.services ?? {};
  const servers: Record<string, StartedServer> = {};
  try {
    servers[NODE_HTTP] = await startNodeHttpPeer();
    servers[EXPRESS] = await startExpressPeer();
    const monitors = Object.fromEntries(
      Object.entries(servers).map(([name, s]) => [
        name,
        new ResourceMonitor(new ChildProcessProbe(s.pid, name)),
      ]),
    );
    for (const monitor of Object.values(monitors)) monitor.baseline();
    const targets = Object.fromEntries(
      [
        ...Object.entries(services),
        ...Object.entries(servers).map(([name, s]) => [name, [s.url]] as const),
      ].map(([name, urls]) => [name, { url: urls.map((u) => `${u}/health`) }]),
    );
    const limits = rampLimits(quick);
    const rows = await runRampComparison(targets, RAMP_STEPS, limits, { onStep });
    // Each target alone at 100 connections while its resources are sampled: CPU not diluted by the others' turns.
    for (const [name, monitor] of Object.entries(monitors)) {
      await monitor.during(() =>
        runLoad({
          ...targets[name]!,
          connections: RESOURCE_CONNECTIONS,
          amount: limits.amount,
          durationSec: limits.maxSec,
        }),
      );
      monitor.after();
    }
    const pairs: [string, string][] = [
      ...Object.keys(services).flatMap((name): [string, string][] => [
        [name, EXPRESS],
        [name, NODE_HTTP],
      ]),
      [EXPRESS, NODE_HTTP],
    ];
    return {
      rows,
      ramps: Object.entries(rows).map(([name, r]) => ({
        title: `GET /health — ${name}${name in services ? "" : " peer"}`,
        rows: r,
      })),
      ratios: pairs.map(([ours, peer]) => ({
        ours,
        peer,
        ratios: rampRatios(rows[ours] ?? [], rows[peer] ?? []),
      })),
      resources: Object.values(monitors).map((m) => m.report()),
    };
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
  }
}
