/** The in-process peer tables: cache comparisons, and the orchestration overhead against the direct call. */
import type { LatencySummary } from "../../src/domain/percentiles.ts";
import { LITELLM_OVERHEAD_MS } from "./fake-llm-overhead.ts";
import { formatFixed, formatRatio } from "./figures.ts";
import { formatMs, MEASURED, markdownTable, PENDING } from "./markdown-table.ts";
import type { PeerComparison } from "./peer-ratio.ts";

/** In-process peer comparisons: both sides' P50 / P99 and their ratios. */
export function renderPeerComparisonTable(comparisons: readonly PeerComparison[]): string {
  return markdownTable(
    [
      "Operation",
      "Ours",
      "Peer",
      "Ours P50",
      "Peer P50",
      "P50 ratio",
      "Ours P99",
      "Peer P99",
      "P99 ratio",
      "Source",
    ],
    comparisons.map((c) => [
      c.operation,
      c.oursLabel,
      c.peerLabel,
      `${formatFixed(c.ours.p50)} ${c.unit}`,
      `${formatFixed(c.peer.p50)} ${c.unit}`,
      formatRatio(c.ratio.p50),
      `${formatFixed(c.ours.p99)} ${c.unit}`,
      `${formatFixed(c.peer.p99)} ${c.unit}`,
      formatRatio(c.ratio.p99),
      MEASURED,
    ]),
  );
}

/** Qualify through the service vs the same call made directly, and the overhead against LiteLLM's. */
export function renderOrchestrationTable(direct: LatencySummary, service?: LatencySummary): string {
  const added = (pick: (s: LatencySummary) => number) =>
    service ? formatFixed(pick(service) - pick(direct)) : "—";
  return markdownTable(
    ["Path to the fake Messages API", "P50 (ms)", "P99 (ms)", "Source"],
    [
      ["Direct (@anthropic-ai/sdk)", formatFixed(direct.p50), formatFixed(direct.p99), MEASURED],
      [
        "Through EnterpriseHub (qualify, cache miss)",
        formatMs(service?.p50),
        formatMs(service?.p99),
        service ? MEASURED : PENDING,
      ],
      ["Added by EnterpriseHub", added((s) => s.p50), added((s) => s.p99), service ? MEASURED : PENDING],
      [
        "LiteLLM's published overhead (anchor)",
        formatFixed(LITELLM_OVERHEAD_MS.p50),
        formatFixed(LITELLM_OVERHEAD_MS.p99),
        "published",
      ],
    ],
  );
}
