import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous: e2e tests start real servers and CLIs, and CI machines are shared; nothing here is timed.
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // e2e tests start real servers on loopback ports; files run in parallel workers.
    pool: "forks",
  },
});
