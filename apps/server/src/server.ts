import net from 'node:net';
import { installJobQueue, startWorker, type Worker } from '@learningpt/jobs';
import { describePayments } from '@learningpt/billing';
import { buildApp, createAppDeps, startDraining } from './app';
import { billingSettingsFrom } from './plugins/stripe-webhook';
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

const deps = createAppDeps(config);
const app = await buildApp(deps);
app.log.info({ payments: describePayments(config) }, 'payments');

// The job queue's schema (a no-op when installed), then the worker when this process runs it
// (WORKER_IN_PROCESS: the default in development; production runs `pnpm worker` on its own).
let worker: Worker | undefined;
try {
  await installJobQueue(config.DATABASE_URL, { log: app.log });
  if (config.WORKER_IN_PROCESS && deps.mailer) {
    worker = await startWorker({
      connectionString: config.DATABASE_URL,
      mailer: deps.mailer,
      storage: deps.storage,
      publicWebUrl: config.PUBLIC_WEB_URL,
      payments: deps.payments,
      billing: billingSettingsFrom(config),
      log: app.log,
      concurrency: config.WORKER_CONCURRENCY,
    });
    worker.done.catch((err: unknown) =>
      app.log.error({ err }, 'the job worker stopped: no email is sent until a restart'),
    );
  }
} catch (err) {
  app.log.error({ err }, 'could not start the job queue');
  await app.close();
  process.exit(1);
}

// Graceful shutdown, in this order, so that no request a client got through is dropped:
// 1. every answer from now on says Connection: close (keep-alive clients go elsewhere);
// 2. the listening socket closes, and only it: new connections are refused (a proxy retries
//    those on another replica). Not http.Server.close(): it also drops every connection that has
//    not sent its request yet, including ones accepted a moment ago, and the client sees a reset;
// 3. a short grace for connections already accepted to deliver their request, and for running
//    jobs to finish (the worker, when it runs here);
// 4. app.close(): idle keep-alive sockets go, requests in flight finish, then the pool closes
//    (onClose hook).
const DRAIN_GRACE_MS = 500;
let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    startDraining(app);
    net.Server.prototype.close.call(app.server);
    Promise.all([worker?.stop(), new Promise((resolve) => setTimeout(resolve, DRAIN_GRACE_MS))])
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'error during shutdown');
          process.exit(1);
        },
      );
  });
}

try {
  await app.listen({ host: config.HOST, port: config.PORT });
} catch (err) {
  app.log.error({ err }, 'could not start the server');
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE') console.error(`Port ${config.PORT} is in use: set PORT to a free port.`);
  process.exit(1);
}
