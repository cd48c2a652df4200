/** Starts the real service in-process on 127.0.0.1 for a benchmark, with one API key. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { loadConfig } from "../../src/app/config.ts";
import type { SimulationOptions } from "../../src/app/container.ts";
import { createService, type Service } from "../../src/app/service.ts";

export const BENCH_KEY = "bench-key-0123456789abcdef";

export interface RunningService {
  service: Service;
  url: string;
  headers: Record<string, string>;
  close(): Promise<void>;
}

/** The service composed from `env` (plus a bench API key and no practical rate limit), listening on a random port. */
export async function startBenchService(
  env: Record<string, string | undefined>,
  simulation?: SimulationOptions,
): Promise<RunningService> {
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    API_KEYS: `bench:${BENCH_KEY}`,
    RATE_LIMIT_PER_MINUTE: "100000000",
    ...env,
  });
  const service = await createService(config, pino({ level: "silent" }), config.API_KEYS ?? [], simulation);
  const server: Server = createServer(service.app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    service,
    url: `http://127.0.0.1:${port}`,
    headers: { authorization: `Bearer ${BENCH_KEY}`, "content-type": "application/json" },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await service.close();
    },
  };
}
