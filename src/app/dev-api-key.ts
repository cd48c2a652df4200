import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The development API key used when API_KEYS is not set: generated once and kept under DATA_DIR so it
 * survives restarts (tenant "dev"). Production sets API_KEYS.
 */
export function developmentApiKey(dataDir: string): { tenant: string; key: string } {
  const file = join(dataDir, "dev-api-key");
  try {
    const key = readFileSync(file, "utf8").trim();
    if (/^[A-Za-z0-9_-]{16,}$/.test(key)) return { tenant: "dev", key };
  } catch {
    // none yet
  }
  const key = `ehdev_${randomBytes(18).toString("base64url")}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { tenant: "dev", key };
}
