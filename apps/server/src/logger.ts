import type { Config } from './config';

/** pino options for the server and the worker: pretty in development, JSON otherwise, secrets redacted. */
export function loggerOptions(config: Config) {
  if (config.LOG_LEVEL === 'silent' || config.NODE_ENV === 'test') return false;
  return {
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    ...(config.NODE_ENV === 'development'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname', singleLine: true },
          },
        }
      : {}),
  };
}
