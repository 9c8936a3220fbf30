import { z } from 'zod';
import { redactUrl } from '@learningpt/db/postgres';

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ message: `${name} must be a port number from 1 to 65535` })
    .int(`${name} must be a whole port number from 1 to 65535`)
    .min(1, `${name} must be a port number from 1 to 65535`)
    .max(65_535, `${name} must be a port number from 1 to 65535`)
    .default(fallback);

const origins = z
  .string()
  .default('http://localhost:5173,http://localhost:5174')
  .transform((s) =>
    s
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .refine(
          (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol) && new URL(u).origin === u.replace(/\/$/, ''),
          'APP_ORIGINS must be a comma-separated list of bare origins like http://localhost:5173 (scheme://host[:port], no path)',
        ),
    ),
  );

/** Every setting the server reads, validated once at start (see .env.example and the README). */
export const ZConfig = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { message: 'NODE_ENV must be development, test or production' })
    .default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port('PORT', 3000),
  DATABASE_URL: z
    .string({ message: 'DATABASE_URL is required: a postgresql:// connection string (pnpm dev provides one)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// connection string'),
  DATABASE_POOL_MAX: z.coerce
    .number({ message: 'DATABASE_POOL_MAX must be a number of connections' })
    .int()
    .min(1, 'DATABASE_POOL_MAX must be at least 1')
    .max(200, 'DATABASE_POOL_MAX can be at most 200')
    .default(10),
  APP_ORIGINS: origins,
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false'], { message: 'TRUST_PROXY must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
});
export type Config = z.infer<typeof ZConfig>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration from an environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty value counts as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ZConfig.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const name = String(i.path[0] ?? 'config');
    const got = cleaned[name];
    const shown =
      got === undefined ? 'it is not set' : `got ${JSON.stringify(name.includes('URL') ? redactUrl(got) : got)}`;
    return `  ${name}: ${i.message} (${shown})`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
