/** A dependency the service can check: Redis, the database, the model, the CRM. */
export interface Probe {
  name: string;
  /** A required dependency that is down makes the service unready (503). */
  required: boolean;
  /** What serves it, e.g. "redis", "postgres", "pglite", "claude", "offline". */
  kind: string;
  check(): Promise<void>;
}

export interface ProbeResult {
  name: string;
  kind: string;
  required: boolean;
  status: "up" | "down";
  latencyMs: number;
  error?: string;
}

/** Runs every probe at once, each bounded by `timeoutMs`; ready when every required one is up. */
export async function checkReadiness(
  probes: readonly Probe[],
  timeoutMs = 1_000,
): Promise<{ ready: boolean; checks: ProbeResult[] }> {
  const checks = await Promise.all(
    probes.map(async (p): Promise<ProbeResult> => {
      const start = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          p.check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return { name: p.name, kind: p.kind, required: p.required, status: "up", latencyMs: elapsed(start) };
      } catch (err) {
        return {
          name: p.name,
          kind: p.kind,
          required: p.required,
          status: "down",
          latencyMs: elapsed(start),
          error: (err as Error).message,
        };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ready: checks.every((c) => c.status === "up" || !c.required), checks };
}

const elapsed = (start: number) => Math.round((performance.now() - start) * 100) / 100;
