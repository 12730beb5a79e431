import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure rules, core services on real SQLite files,
 * transports, the Electron shell with a mocked `electron`) and `e2e`
 * (Playwright driving Debian's Chromium against browser mode; needs a build).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
