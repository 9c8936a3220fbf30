import { Logger, type LogFunctionFactory } from 'graphile-worker';

/** What the queue logs through: a pino / Fastify logger fits. */
export interface JobLog {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentJobLog: JobLog = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * graphile-worker's logger, writing to ours. Its own "info" lines (connected, completed task …)
 * are routine, so they go out at debug; our task logs one line per email instead.
 */
export function graphileLogger(log: JobLog): Logger {
  const factory: LogFunctionFactory = (scope) => (level, message, meta) => {
    const obj = { queue: 'graphile-worker', ...scope, ...meta };
    switch (level as string) {
      case 'error':
        return log.error(obj, message);
      case 'warning':
        return log.warn(obj, message);
      default:
        return log.debug(obj, message);
    }
  };
  return new Logger(factory);
}
