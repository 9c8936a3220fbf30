export { installJobQueue } from './install';
export {
  startWorker,
  runJobsOnce,
  createTaskList,
  type StartWorkerOptions,
  type Worker,
  type WorkerDeps,
} from './worker';
export { createSendEmailTask, maskAddress, PermanentJobError } from './send-email';
export { silentJobLog, type JobLog } from './log';
