/**
 * `npm run bench:soak`: the issue-8 soak (see soak.ts). Needs the real Redis and PostgreSQL (REDIS_URL,
 * DATABASE_URL, or their local defaults). Exits 1 when any request failed, 2 on bad arguments or when
 * a service is unreachable.
 */

import { reachable } from "../../test/support/services.ts";
import { runSoak } from "./soak.ts";
import { parseSoakArgs } from "./soak-args.ts";
import { renderSoakReport, soakFailures } from "./soak-report.ts";

const parsed = parseSoakArgs(process.argv.slice(2));
if (parsed.kind === "help") {
  console.log(parsed.text);
  process.exit(0);
}
if (parsed.kind === "error") {
  console.error(parsed.message);
  process.exit(2);
}
// Ctrl-C: leave through process.exit so the child service's exit hook kills it.
process.once("SIGINT", () => process.exit(130));

const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const databaseUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
for (const [name, url, port] of [
  ["Redis", redisUrl, 6379],
  ["PostgreSQL", databaseUrl, 5432],
] as const) {
  if (!(await reachable(url, port))) {
    console.error(`${name} is not reachable at ${url}: the soak runs on the real services`);
    process.exit(2);
  }
}

const args = parsed.args;
const result = await runSoak({ ...args, redisUrl, databaseUrl, log: (line) => console.log(line) });
console.log(renderSoakReport(result));
if (args.json) console.log(JSON.stringify(result, null, 2));
const failures = soakFailures(result);
if (failures.length > 0) {
  console.error(`FAIL: ${failures.join("; ")}`);
  process.exitCode = 1;
} else {
  console.log("PASS: no request failed");
}
