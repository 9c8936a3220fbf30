// Vitest globalSetup of the integration project, listed after packages/db's: installs the job
// queue's schema into the migrated template, so every test database cloned from it can enqueue.
// (packages/db must not depend on this package, hence a second setup file.)
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { withDatabase } from '@learningpt/db/postgres';
import { installJobQueue } from '../install';

export default async function setup(project: TestProject): Promise<void> {
  const { pgAdminUrl, pgTemplate } = project.getProvidedContext() as { pgAdminUrl?: string; pgTemplate?: string };
  if (!pgAdminUrl || !pgTemplate) {
    throw new Error('Run packages/db/src/testing/global-setup.ts before this file (vitest.config.ts globalSetup).');
  }
  const template = `"${pgTemplate.replace(/"/g, '""')}"`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  admin.on('error', () => {});
  await admin.connect();
  try {
    // The db setup closed the template to connections (CREATE DATABASE … TEMPLATE needs it
    // unused); open it for the install, then close it again and wait until we have left.
    await admin.query(`ALTER DATABASE ${template} ALLOW_CONNECTIONS true`);
    try {
      await installJobQueue(withDatabase(pgAdminUrl, pgTemplate));
    } finally {
      await admin.query(`ALTER DATABASE ${template} ALLOW_CONNECTIONS false`);
    }
    for (let i = 0; i < 200; i++) {
      const { rows } = await admin.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [pgTemplate],
      );
      if (rows[0]?.n === 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await admin.end();
  }
}
