/** `npm start`: validated config, the composed service on HTTP, graceful shutdown on SIGTERM / SIGINT. */
import { createServer } from "node:http";
import { pino } from "pino";
import { ConfigError, loadConfig } from "./config.ts";
import { developmentApiKey } from "./dev-api-key.ts";
import { answerClientError } from "./http/client-error.ts";
import { createService } from "./service.ts";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

const logger = pino({ level: config.LOG_LEVEL, base: { service: "enterprisehub" } });
const generated = config.API_KEYS ? undefined : developmentApiKey(config.DATA_DIR);
const keys = config.API_KEYS ?? [generated!];
const service = await createService(config, logger, keys);
logger.info(service.composition.description);

const server = createServer(service.app);
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.requestTimeout = 120_000;
server.on("clientError", answerClientError);
server.listen(config.PORT, config.HOST, () => {
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : config.PORT;
  const url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;
  // Always printed, whatever LOG_LEVEL: supervisors and the load tests read this line to find the port.
  process.stdout.write(`${JSON.stringify({ event: "listening", url })}\n`);
  if (generated) {
    process.stderr.write(
      [
        "",
        `EnterpriseHub is up on ${url}`,
        `Development API key (tenant "dev", kept in ${config.DATA_DIR}/dev-api-key): ${generated.key}`,
        "Try it:",
        `  curl -s ${url}/api/leads/qualify -H 'Authorization: Bearer ${generated.key}' -H 'Content-Type: application/json' \\`,
        `    -d '{"lead":{"name":"Ana","email":"ana@example.com"},"messages":[{"text":"We want to buy a 3 bed in Austin, pre-approved up to 600k, moving in 2 months"}]}'`,
        "",
      ].join("\n"),
    );
  }
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: no new connections, finishing requests in flight");
  const force = setTimeout(() => {
    logger.warn("requests still in flight after 10 s; closing anyway");
    server.closeAllConnections();
  }, 10_000);
  force.unref();
  // Keep-alive connections become idle once their last response is sent: close them as they do.
  const reaper = setInterval(() => server.closeIdleConnections(), 100);
  server.close(async () => {
    clearInterval(reaper);
    await service.close();
    logger.info("stopped");
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
