import pg from 'pg';
import { runMigrations } from 'graphile-worker';
import { graphileLogger, silentJobLog, type JobLog } from './log';

// Any constant both installers agree on: serialises concurrent installs (dev server + worker).
const INSTALL_LOCK = 0x6a6f6273; // 'jobs'

/**
 * Creates or upgrades the queue's schema (`graphile_worker`) with graphile-worker's own
 * migrations. Idempotent; when everything is installed it costs a few small queries.
 */
export async function installJobQueue(connectionString: string, opts: { log?: JobLog } = {}): Promise<void> {
  // graphile-worker copes with concurrent migrations but not with two first-time schema
  // creations racing, so installers take turns.
  const client = new pg.Client({ connectionString });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [INSTALL_LOCK]);
    await runMigrations({ connectionString, logger: graphileLogger(opts.log ?? silentJobLog) });
  } finally {
    await client.end().catch(() => {});
  }
}
