/** SIGTERM: stop accepting, finish the requests in flight, close the pools, exit 0. */
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeAnthropicServer } from "../fakes/fake-anthropic-server.ts";

const KEY = "shutdown-key-0123456789abcd";

describe("graceful shutdown", () => {
  let claude: FakeAnthropicServer;
  beforeAll(async () => {
    // A model that takes 1.5 s, so a request is surely in flight when SIGTERM arrives.
    claude = await FakeAnthropicServer.start({ apiKey: "test-key", latencyMs: () => 1_500 });
  });
  afterAll(async () => claude?.close());

  it("on SIGTERM finishes the request in flight, refuses new connections, and exits 0", {
    timeout: 60_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "eh-shutdown-"));
    const child = spawn(process.execPath, ["--import", "tsx", "src/app/main.ts"], {
      env: {
        ...process.env,
        PORT: "0",
        DATA_DIR: dataDir,
        REDIS_URL: "",
        DATABASE_URL: "",
        API_KEYS: `acme:${KEY}`,
        ANTHROPIC_API_KEY: "test-key",
        ANTHROPIC_BASE_URL: claude.url,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const lines: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on("line", (line) => {
        lines.push(line);
        if (line.includes('"event":"listening"')) resolve(JSON.parse(line).url);
      });
      child.on("exit", () => reject(new Error(`exited before listening: ${lines.join("\n")}`)));
    });
    const inFlight = fetch(`${url}/api/leads/qualify`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ text: "We want to buy in Austin, pre-approved up to 600k" }] }),
    });
    await new Promise((r) => setTimeout(r, 500));
    child.kill("SIGTERM");
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { qualification: { intent: string } };
    expect(body.qualification.intent).toBeDefined();
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    expect(lines.some((l) => l.includes("stopped"))).toBe(true);
  });
});
