// A test run with a failure must exit non-zero, or CI passes whatever the tests say. This once
// broke silently: a dependency's exit hook turned Node's beforeExit into process.exit(0) as soon
// as the embedded PostgreSQL was loaded. The run below loads it the way the suite does.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

it('a vitest run with a failing test and the database global setup exits non-zero', () => {
  const env = { ...process.env };
  delete env.VITEST;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--config',
      'scripts/testing/exit-code.fixture-config.ts',
      '--reporter',
      'dot',
    ],
    { cwd: repoRoot, env, encoding: 'utf8', timeout: 180_000 },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  // It really ran the failing test (not an error before any test).
  expect(output).toMatch(/1 failed/);
  expect(run.status, output.slice(-2000)).toBe(1);
}, 200_000);
