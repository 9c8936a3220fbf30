import {
  DELETE_STORED_FILE_TASK,
  ERASE_PERSONAL_DATA_TASK,
  PROCESS_STRIPE_EVENT_TASK,
  RECONCILE_BILLING_TASK,
  REFUND_EVENT_TICKET_TASK,
  RENDER_CERTIFICATE_TASK,
  SEND_EMAIL_TASK,
  SEND_EVENT_REMINDERS_TASK,
  type BillingSettings,
  type Clock,
  type EmailTemplate,
  type StorageProviderName,
} from '@learningpt/core';
import { createDb, type Db } from '@learningpt/db';
import type { PaymentGateway } from '@learningpt/billing';
import { createCertificateRenderer, type CertificateRenderer } from '@learningpt/certificates';
import type { EmailTemplateName, Mailer } from '@learningpt/mail';
import type { FileStorage } from '@learningpt/storage';
import { run, runOnce, type TaskList } from 'graphile-worker';
import pg from 'pg';
import { graphileLogger, type JobLog } from './log';
import { createDeleteStoredFileTask } from './delete-stored-file';
import { createErasePersonalDataTask } from './erase-personal-data';
import { createSendEmailTask } from './send-email';
import { createProcessStripeEventTask } from './process-stripe-event';
import { createReconcileBillingTask } from './reconcile-billing';
import { createRenderCertificateTask } from './render-certificate';
import { createRefundEventTicketTask, createSendEventRemindersTask } from './event-jobs';

// The job names core enqueues and the templates mail renders are the same set.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const templatesMatch: Same<EmailTemplate, EmailTemplateName> = true;
void templatesMatch;
// …and so are the providers core records and the storage adapters answer.
const providersMatch: Same<StorageProviderName, FileStorage['provider']> = true;
void providersMatch;

export interface WorkerDeps {
  connectionString: string;
  mailer: Mailer;
  /** Where uploaded files are deleted (delete_stored_file). Without it those jobs fail, unretried. */
  storage?: FileStorage | undefined;
  log: JobLog;
  /** Issue times and expiries of emailed link tokens, erasure decisions. Default: the system clock. */
  clock?: Clock | undefined;
  /** Stripe (or the local Stripe) for process_stripe_event and reconcile_billing; without it those jobs wait. */
  payments?: PaymentGateway | null | undefined;
  billing?: BillingSettings | undefined;
  /** The web app's root, for the certificate's verify link (render_certificate); without it those jobs fail, unretried. */
  publicWebUrl?: string | undefined;
  /** Renders certificate PDFs. Default: one worker thread, started on first use. */
  certificateRenderer?: CertificateRenderer | undefined;
}

/**
 * Scheduled tasks: billing is reconciled daily at 03:00 UTC (a missed run is made up within a
 * day); event reminders are looked for every hour (a missed hour is made up, once).
 */
export const CRONTAB = [
  `0 3 * * * ${RECONCILE_BILLING_TASK} ?fill=1d&max=1`,
  `0 * * * * ${SEND_EVENT_REMINDERS_TASK} ?fill=1h&max=1`,
].join('\n');

export interface StartWorkerOptions extends WorkerDeps {
  /** Jobs run at the same time. Default 2. */
  concurrency?: number;
  /**
   * How often to look for jobs that became due (retries, scheduled jobs), in ms. New jobs are
   * picked up at once through LISTEN/NOTIFY. Default 2000.
   */
  pollInterval?: number;
}

export interface Worker {
  /** Stops taking jobs, waits for the running ones, releases the worker's connections. */
  stop(): Promise<void>;
  /** Settles when the worker stops; rejects when it stopped because of an error. */
  done: Promise<void>;
}

/** Every task the worker runs, and a way to release what they opened (a small pool, on first use). */
export function createTaskList(deps: WorkerDeps): { taskList: TaskList; close(): Promise<void> } {
  let db: Db | undefined;
  const getDb = () => (db ??= createDb({ connectionString: deps.connectionString, max: 2 }));
  // Ours to close only when we made it.
  let ownRenderer: CertificateRenderer | undefined;
  const getRenderer = () => deps.certificateRenderer ?? (ownRenderer ??= createCertificateRenderer({ threads: 1 }));
  return {
    taskList: {
      [SEND_EMAIL_TASK]: createSendEmailTask({ mailer: deps.mailer, log: deps.log, db: getDb, clock: deps.clock }),
      [ERASE_PERSONAL_DATA_TASK]: createErasePersonalDataTask({
        db: getDb,
        log: deps.log,
        ...(deps.clock && { clock: deps.clock }),
      }),
      [DELETE_STORED_FILE_TASK]: createDeleteStoredFileTask({ storage: deps.storage, log: deps.log }),
      [PROCESS_STRIPE_EVENT_TASK]: createProcessStripeEventTask({ db: getDb, ...billingOf(deps) }),
      [RECONCILE_BILLING_TASK]: createReconcileBillingTask({ db: getDb, ...billingOf(deps) }),
      [REFUND_EVENT_TICKET_TASK]: createRefundEventTicketTask({ db: getDb, ...billingOf(deps) }),
      [SEND_EVENT_REMINDERS_TASK]: createSendEventRemindersTask({
        db: getDb,
        log: deps.log,
        clock: deps.clock,
        webUrl: deps.publicWebUrl ?? deps.billing?.webUrl,
      }),
      [RENDER_CERTIFICATE_TASK]: createRenderCertificateTask({
        db: getDb,
        renderer: getRenderer,
        mailer: deps.mailer,
        storage: deps.storage,
        publicWebUrl: deps.publicWebUrl,
        log: deps.log,
      }),
    },
    close: async () => {
      await ownRenderer?.close();
      await db?.$disconnect();
    },
  };
}

const billingOf = (deps: WorkerDeps) => ({
  payments: deps.payments,
  billing: deps.billing,
  log: deps.log,
  clock: deps.clock,
});

/**
 * The queue's own connections. graphile-worker ends a pool it created without waiting and drops
 * its error listener first, so a server going away right after a stop (a test run's teardown, a
 * database restart) could surface as an unhandled 'error'. Owning the pool, we listen for errors
 * for its whole life and wait for `end()`.
 */
function createQueuePool(connectionString: string, max: number, log: JobLog): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', (err) => log.warn({ err: err.message }, 'job queue connection error'));
  pool.on('connect', (client) => {
    client.on('error', (err) => log.warn({ err: err.message }, 'job queue connection error'));
  });
  return pool;
}

/** Runs the queue's tasks until stopped. Signals are the caller's business (noHandleSignals). */
export async function startWorker(opts: StartWorkerOptions): Promise<Worker> {
  const concurrency = opts.concurrency ?? 2;
  const tasks = createTaskList(opts);
  // graphile-worker's own default: concurrency + 2 (the LISTEN client and one spare).
  const pool = createQueuePool(opts.connectionString, concurrency + 2, opts.log);
  let runner: Awaited<ReturnType<typeof run>>;
  try {
    runner = await run({
      pgPool: pool,
      concurrency,
      pollInterval: opts.pollInterval ?? 2000,
      noHandleSignals: true,
      logger: graphileLogger(opts.log),
      taskList: tasks.taskList,
      crontab: CRONTAB,
    });
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  opts.log.info({ concurrency }, 'job worker started');
  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= runner
        .stop()
        .then(() => pool.end())
        .then(() => tasks.close())
        .then(() => {
          opts.log.info({}, 'job worker stopped');
        })),
    done: runner.promise,
  };
}

/**
 * Runs every job that is due now, then returns (tests, one-off scripts). `only`: run just these
 * tasks; jobs of the others stay queued as they are.
 */
export async function runJobsOnce(deps: WorkerDeps & { only?: readonly string[] }): Promise<void> {
  const tasks = createTaskList(deps);
  const taskList = deps.only
    ? Object.fromEntries(Object.entries(tasks.taskList).filter(([name]) => deps.only!.includes(name)))
    : tasks.taskList;
  const pool = createQueuePool(deps.connectionString, 2, deps.log);
  try {
    await runOnce({ pgPool: pool, noHandleSignals: true, logger: graphileLogger(deps.log) }, taskList);
  } finally {
    await pool.end();
    await tasks.close();
  }
}
