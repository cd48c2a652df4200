import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Real-service suites share one Redis and one PostgreSQL; files isolate themselves by key prefix / schema.
    fileParallelism: true,
    reporters: ["default"],
  },
});
