// A vitest run with the integration project's global setup (which starts an embedded
// PostgreSQL) and one test that fails on purpose: used by exit-code.smoke.ts to prove that a
// failing run exits non-zero. Not part of the normal projects (its file name matches none).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/testing/fails-on-purpose.fixture.ts'],
    globalSetup: ['./packages/db/src/testing/global-setup.ts'],
  },
});
