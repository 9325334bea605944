import { defineConfig } from "vitest/config";

// Three tiers, each runnable alone: `npx vitest run --project unit` (pure functions, no processes or
// sockets), `--project integration` (real git, HTTP servers, Prometheus, the GitHub emulator) and
// `--project e2e` (the built CLI and the Action end to end). A plain `vitest run` runs all three.
export default defineConfig({
  test: {
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line; reporters are a
    // root option, so one report covers whichever projects ran.
    reporters: process.env.CI ? ["default", ["json", { outputFile: ".vitest-report.json" }]] : ["default"],
    projects: [
      // Unit tests touch no process, socket or wall clock: 5 s is generous (the few scale tests set their own).
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 5_000, hookTimeout: 5_000 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
