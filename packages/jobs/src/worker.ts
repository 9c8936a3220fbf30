import { SEND_EMAIL_TASK, type EmailTemplate } from '@learningpt/core';
import type { EmailTemplateName, Mailer } from '@learningpt/mail';
import { run, runOnce, type TaskList } from 'graphile-worker';
import { graphileLogger, type JobLog } from './log';
import { createSendEmailTask } from './send-email';

// The job names core enqueues and the templates mail renders are the same set.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const templatesMatch: Same<EmailTemplate, EmailTemplateName> = true;
void templatesMatch;

export interface WorkerDeps {
  connectionString: string;
  mailer: Mailer;
  log: JobLog;
}

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

export function createTaskList(deps: Pick<WorkerDeps, 'mailer' | 'log'>): TaskList {
  return { [SEND_EMAIL_TASK]: createSendEmailTask(deps) };
}

/** Runs the queue's tasks until stopped. Signals are the caller's business (noHandleSignals). */
export async function startWorker(opts: StartWorkerOptions): Promise<Worker> {
  const runner = await run({
    connectionString: opts.connectionString,
    concurrency: opts.concurrency ?? 2,
    pollInterval: opts.pollInterval ?? 2000,
    noHandleSignals: true,
    logger: graphileLogger(opts.log),
    taskList: createTaskList(opts),
  });
  opts.log.info({ concurrency: opts.concurrency ?? 2 }, 'job worker started');
  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= runner.stop().then(() => {
        opts.log.info({}, 'job worker stopped');
      })),
    done: runner.promise,
  };
}

/** Runs every job that is due now, then returns (tests, one-off scripts). */
export async function runJobsOnce(deps: WorkerDeps): Promise<void> {
  await runOnce(
    { connectionString: deps.connectionString, noHandleSignals: true, logger: graphileLogger(deps.log) },
    createTaskList(deps),
  );
}
