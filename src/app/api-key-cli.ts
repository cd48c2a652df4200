/**
 * `npm run api-key -- add <tenant>` issues a key that every instance sharing REDIS_URL accepts at once
 * (only its SHA-256 hash is stored); `npm run api-key -- revoke <key>` withdraws it everywhere.
 */
import { randomBytes } from "node:crypto";
import { RedisApiKeyStore } from "../adapters/redis/redis-api-key-store.ts";
import { connectRedis, createRedis } from "../adapters/redis/redis-connection.ts";
import { isValidTenant } from "../domain/cache-key.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { ApiKeyRegistry } from "./http/api-keys.ts";

const [command, arg] = process.argv.slice(2);
const usage = "usage: npm run api-key -- add <tenant> | revoke <key>   (needs REDIS_URL)";
try {
  const config = loadConfig();
  if (!config.REDIS_URL)
    throw new ConfigError("REDIS_URL is not set: keys issued here are shared through Redis");
  if (!arg || (command !== "add" && command !== "revoke")) throw new ConfigError(usage);
  if (command === "add" && !isValidTenant(arg))
    throw new ConfigError(`"${arg}" is not a tenant id (lower-case letters, digits, _ and -)`);
  const redis = createRedis(config.REDIS_URL, { commandTimeoutMs: 2_000 });
  await connectRedis(redis);
  const store = new RedisApiKeyStore(redis, config.REDIS_PREFIX ?? `eh:${config.NODE_ENV}:`);
  if (command === "add") {
    const key = `eh_${randomBytes(24).toString("base64url")}`;
    await store.add(ApiKeyRegistry.hash(key), arg);
    process.stdout.write(`${key}\n`);
  } else {
    const existed = await store.revoke(ApiKeyRegistry.hash(arg));
    process.stderr.write(existed ? "revoked\n" : "no such key\n");
    process.exitCode = existed ? 0 : 1;
  }
  await redis.quit();
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exitCode = 2;
}
