/**
 * The /health peers and EnterpriseHub, each started as a child process on 127.0.0.1 with PORT=0.
 * The peers answer the same JSON EnterpriseHub's /health does ({"status":"ok"}), so the ratio of
 * their figures is the cost of EnterpriseHub's middleware stack.
 */
import { type StartedServer, type StartServerOptions, startServer, tsxCommand } from "./start-server.ts";

const NODE_HTTP_ENTRY = "bench/load/peers/node-http-server.ts";
const EXPRESS_ENTRY = "bench/load/peers/express-server.ts";
/** EnterpriseHub's entry point (the lead's): must keep the start-up contract of listening-line.ts. */
export const ENTERPRISEHUB_ENTRY = "src/app/main.ts";

/** Starts the bare node:http peer. */
export function startNodeHttpPeer(options?: StartServerOptions): Promise<StartedServer> {
  const { cmd, args } = tsxCommand(NODE_HTTP_ENTRY);
  return startServer(cmd, args, { PORT: "0" }, options);
}

/** Starts the bare Express 5 peer. */
export function startExpressPeer(options?: StartServerOptions): Promise<StartedServer> {
  const { cmd, args } = tsxCommand(EXPRESS_ENTRY);
  return startServer(cmd, args, { PORT: "0" }, options);
}

/**
 * Starts EnterpriseHub as a user would (production composition), with `env` on top of this process's
 * environment (REDIS_URL, DATABASE_URL, the fake Messages API's URL and key...). PORT is forced to 0.
 */
export function startEnterpriseHub(
  env: Readonly<Record<string, string>> = {},
  options?: StartServerOptions,
): Promise<StartedServer> {
  const { cmd, args } = tsxCommand(ENTERPRISEHUB_ENTRY);
  return startServer(cmd, args, { ...env, PORT: "0" }, options);
}
