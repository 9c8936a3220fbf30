export { installJobQueue } from './install';
export {
  CRONTAB,
  startWorker,
  runJobsOnce,
  createTaskList,
  type StartWorkerOptions,
  type Worker,
  type WorkerDeps,
} from './worker';
export { createDeleteStoredFileTask } from './delete-stored-file';
export { createRenderCertificateTask } from './render-certificate';
export { PermanentJobError } from './permanent-failure';
export { createSendEmailTask, maskAddress } from './send-email';
export { silentJobLog, type JobLog } from './log';
export { createProcessStripeEventTask, type BillingTaskDeps } from './process-stripe-event';
export { createReconcileBillingTask } from './reconcile-billing';
export { createRefundEventTicketTask, createSendEventRemindersTask } from './event-jobs';
