import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/property/**/*.test.ts", "test/golden/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // Builds or reuses the control-plane binaries once per run; see test/e2e/harness.ts.
          globalSetup: ["test/e2e/setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 1_200_000,
          // One control plane per file; files run one after another to fit a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
