import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three projects: server + workers against the real PostgreSQL/Redis/SMTP,
// client components in happy-dom, browser journeys in Debian's Chromium.
export default defineConfig({
  test: {
    // Most of the suite waits on PostgreSQL, Redis, SMTP and child processes rather than
    // computing: four workers keep the machine's two cores busy (2 workers: 435 s for the
    // server project, 4: 170 s, same tests).
    maxWorkers: 4,
    projects: [
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts', 'tests/workers/**/*.test.ts', 'tests/db/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'client',
          include: ['tests/client/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/client/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Journeys run after the server and client projects (their own group), two at a time:
          // each drives one Chromium and one app, so two keep both cores busy without starving
          // either (one at a time: 570 s for the project; two: 342 s, same tests).
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
          pool: 'forks',
        },
      },
    ],
  },
});
