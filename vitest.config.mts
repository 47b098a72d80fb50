import { defineConfig } from 'vitest/config';

// Two groups: tests that may run side by side, then the ones that share the one pcscd of this
// machine (card and end-to-end suites), one file after another.
export default defineConfig({
  test: {
    globalSetup: ['tests/harness/build-once.ts'],
    reporters: ['default', './tests/harness/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'parallel',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'serial',
          include: ['tests/card/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // pcscd up with the latency fix, and the run fails if an APDU round trip is slow.
          globalSetup: ['tests/harness/build-once.ts', 'tests/harness/pcscd.ts'],
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
