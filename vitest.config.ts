import { defineConfig } from 'vitest/config';

// Four projects, one run:
//  unit         *.test.ts      pure logic, no I/O
//  integration  *.int.test.ts  a real PostgreSQL: one embedded server per run, a migrated
//                              template database, a fresh database per test file
//  e2e          *.e2e.ts       headless Chromium against the running stack
//  smoke        *.smoke.ts     the README's `npm start` in a fresh clone of HEAD (minutes)
const exclude = ['**/node_modules/**', '**/dist/**', '**/generated/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages,prisma,scripts}/**/*.test.ts'],
          exclude: [...exclude, '**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{apps,packages,prisma,scripts}/**/*.int.test.ts'],
          exclude,
          // In order: the database and its migrated template, then the job queue's schema in it.
          globalSetup: ['./packages/db/src/testing/global-setup.ts', './packages/jobs/src/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/**/*.e2e.ts'],
          exclude,
          globalSetup: ['./apps/server/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'smoke',
          include: ['scripts/**/*.smoke.ts'],
          exclude,
          // Install, first start and shutdown on 2 cores shared with the other projects; the test
          // itself gives up on a start that hangs after 5 minutes, with the command's output.
          testTimeout: 480_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
