// `pnpm worker`: the job worker as its own process (production runs it beside the server, which
// then has WORKER_IN_PROCESS=false). Same configuration, mailer and file storage as the server.
import { pino } from 'pino';
import { installJobQueue, startWorker } from '@learningpt/jobs';
import { createMailer } from '@learningpt/mail';
import { createStorage } from '@learningpt/storage';
import { createPaymentGateway, describePayments } from '@learningpt/billing';
import { billingSettingsFrom } from './plugins/stripe-webhook';
import { loggerOptions } from './logger';
import { ConfigError, loadConfig, type Config } from './config';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const log = pino(loggerOptions(config) || { enabled: false }).child({ process: 'worker' });
const mailer = createMailer(config, { log: (line) => log.info(line) });
const storage = createStorage(config);
log.info(
  { mailer: mailer.constructor.name, storage: storage.provider, payments: describePayments(config) },
  'starting the job worker',
);

let worker: Awaited<ReturnType<typeof startWorker>>;
try {
  await installJobQueue(config.DATABASE_URL, { log });
  worker = await startWorker({
    connectionString: config.DATABASE_URL,
    mailer,
    storage,
    publicWebUrl: config.PUBLIC_WEB_URL,
    payments: createPaymentGateway(config),
    billing: billingSettingsFrom(config),
    log,
    concurrency: config.WORKER_CONCURRENCY,
  });
} catch (err) {
  log.fatal({ err }, 'could not start the job worker');
  process.exit(1);
}

let stopping = false;
worker.done.then(
  // A stop we asked for exits below, once its last log line is written.
  () => stopping || process.exit(0),
  (err: unknown) => {
    log.fatal({ err }, 'the job worker stopped on an error');
    process.exit(1);
  },
);

// Graceful shutdown: take no new jobs, let the running ones finish (graphile-worker aborts
// them after 5 s), release the connections.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    worker.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  });
}
