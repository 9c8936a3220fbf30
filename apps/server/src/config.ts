import { isIP } from 'node:net';
import { z } from 'zod';
import { redactUrl } from '@learningpt/db/postgres';
import { isUploadThingToken } from '@learningpt/storage/token';
import { parseSigningKey } from '@learningpt/certificates/credentials';

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ message: `${name} must be a port number from 1 to 65535` })
    .int(`${name} must be a whole port number from 1 to 65535`)
    .min(1, `${name} must be a port number from 1 to 65535`)
    .max(65_535, `${name} must be a port number from 1 to 65535`)
    .default(fallback);

/** An http(s) base URL of an API (a path like /v1 allowed), e.g. https://api.openai.com/v1. */
const httpUrl = (name: string, example: string) =>
  z
    .string()
    .refine(
      (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol),
      `${name} must be the http(s) base URL of the API, like ${example}`,
    )
    .transform((u) => u.replace(/\/+$/, ''));

const days = (name: string, fallback: number, min = 0.001) =>
  z.coerce
    .number({ message: `${name} must be a number of days` })
    .min(min, `${name} must be ${min === 0 ? 'zero or more' : 'more than 0'} days`)
    .max(3650, `${name} can be at most 3650 days`)
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

/** An IPv4/IPv6 address, or one with a /prefix (proxy-addr's forms, plus its names loopback etc.). */
function isAddressOrCidr(v: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(v)) return true;
  const [addr, prefix, ...rest] = v.split('/');
  if (rest.length || !addr) return false;
  const kind = isIP(addr);
  if (!kind) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (kind === 4 ? 32 : 128);
}

/** Every setting the server reads, validated once at start (see .env.example and the README). */
export const ZConfig = z.object({
  // Unset means production: development aids (/dev/mail, local stand-ins, generated keys) only
  // come on when NODE_ENV=development is said explicitly (pnpm dev does).
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { message: 'NODE_ENV must be development, test or production' })
    .default('production'),
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
  // Which proxies may tell us the client's address (X-Forwarded-For): a hop count or a list of
  // proxy addresses/CIDRs, as Fastify's trustProxy takes them. Never "trust everyone": a client
  // could then choose its own address and walk around every per-IP limit.
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): false | number | string[] => {
      const t = v.trim();
      if (t === 'false' || t === '0') return false;
      if (/^\d+$/.test(t)) return Number(t);
      const list = t
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (t !== 'true' && list.length > 0 && list.every(isAddressOrCidr)) return list;
      ctx.addIssue({
        code: 'custom',
        message:
          'TRUST_PROXY must be false, the number of proxy hops in front of the server (e.g. 1), or a comma-separated list of proxy addresses/CIDRs (e.g. 10.0.0.0/8,127.0.0.1); "true" (trust every hop) is not accepted',
      });
      return z.NEVER;
    }),
  // Email (see @learningpt/mail): Resend when RESEND_API_KEY is set, else the dev mailbox (.data/mail).
  RESEND_API_KEY: z
    .string()
    .regex(/^re_[\w-]+$/, 'RESEND_API_KEY must be a Resend API key (it starts with re_)')
    .optional(),
  RESEND_BASE_URL: z
    .string()
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'RESEND_BASE_URL must be an http(s) URL')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^[^<>]*<[^\s<>@]+@[^\s<>@]+>$|^[^\s<>@]+@[^\s<>@]+$/, 'MAIL_FROM must be an address, or Name <address>')
    .default('LearninGPT <no-reply@learningpt.dev>'),
  // Where the dev mailbox keeps messages (when RESEND_API_KEY is unset). Default <repo>/.data/mail.
  MAIL_DEV_DIR: z.string().min(1).optional(),
  // Background jobs (email): run the worker inside the server (default in development only).
  WORKER_IN_PROCESS: z
    .enum(['true', 'false'], { message: 'WORKER_IN_PROCESS must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
  // Anonymous catalog reads answered from memory until PostgreSQL notifies a catalog change
  // (plugins/catalog-cache.ts). `off` answers every request from the database.
  CATALOG_CACHE: z.enum(['on', 'off'], { message: 'CATALOG_CACHE must be on or off' }).default('on'),
  // Auth (sessions, email links, account deletion); see README "Configuration".
  SESSION_IDLE_TIMEOUT_DAYS: days('SESSION_IDLE_TIMEOUT_DAYS', 7),
  SESSION_MAX_AGE_DAYS: days('SESSION_MAX_AGE_DAYS', 30),
  ACCOUNT_ERASURE_DELAY_DAYS: days('ACCOUNT_ERASURE_DELAY_DAYS', 30, 0),
  PUBLIC_WEB_URL: z
    .string()
    .refine(
      (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol),
      "PUBLIC_WEB_URL must be the web app's http(s) URL, like http://localhost:5173",
    )
    .transform((u) => u.replace(/\/+$/, ''))
    .default('http://localhost:5173'),
  AUTH_RESPONSE_FLOOR_MS: z.coerce
    .number({ message: 'AUTH_RESPONSE_FLOOR_MS must be a number of milliseconds' })
    .int('AUTH_RESPONSE_FLOOR_MS must be a whole number of milliseconds')
    .min(0, 'AUTH_RESPONSE_FLOOR_MS cannot be negative')
    .max(10_000, 'AUTH_RESPONSE_FLOOR_MS can be at most 10000')
    .default(250),
  // Uploads (see @learningpt/storage): UploadThing when UPLOADTHING_TOKEN is set, else the local disk.
  UPLOADTHING_TOKEN: z
    .string()
    .refine(
      isUploadThingToken,
      'UPLOADTHING_TOKEN must be the token from the UploadThing dashboard (base64 JSON with apiKey, appId, regions)',
    )
    .optional(),
  UPLOADTHING_API_URL: z
    .string()
    .refine(
      (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol),
      'UPLOADTHING_API_URL must be an http(s) URL',
    )
    .optional(),
  UPLOADTHING_INGEST_URL: z
    .string()
    .refine(
      (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol),
      'UPLOADTHING_INGEST_URL must be an http(s) URL',
    )
    .optional(),
  // Where the local disk keeps uploads (when UPLOADTHING_TOKEN is unset). Default <repo>/.data/uploads.
  UPLOADS_DIR: z.string().min(1).optional(),
  PUBLIC_API_URL: z
    .string()
    .refine(
      (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol),
      "PUBLIC_API_URL must be the API's public http(s) URL, like http://localhost:3000",
    )
    .transform((u) => u.replace(/\/+$/, ''))
    .default('http://localhost:3000'),
  AVATAR_MAX_BYTES: z.coerce
    .number({ message: 'AVATAR_MAX_BYTES must be a number of bytes' })
    .int('AVATAR_MAX_BYTES must be a whole number of bytes')
    .min(1024, 'AVATAR_MAX_BYTES must be at least 1024')
    .max(50 * 1024 * 1024, 'AVATAR_MAX_BYTES can be at most 52428800 (50 MiB)')
    .default(2 * 1024 * 1024),
  THUMBNAIL_MAX_BYTES: z.coerce
    .number({ message: 'THUMBNAIL_MAX_BYTES must be a number of bytes' })
    .int('THUMBNAIL_MAX_BYTES must be a whole number of bytes')
    .min(1024, 'THUMBNAIL_MAX_BYTES must be at least 1024')
    .max(50 * 1024 * 1024, 'THUMBNAIL_MAX_BYTES can be at most 52428800 (50 MiB)')
    .default(5 * 1024 * 1024),
  // argon2 runs at once per process (19 MiB each); more sign-ins wait their turn.
  PASSWORD_HASH_CONCURRENCY: z.coerce
    .number({ message: 'PASSWORD_HASH_CONCURRENCY must be a number' })
    .int('PASSWORD_HASH_CONCURRENCY must be a whole number')
    .min(1, 'PASSWORD_HASH_CONCURRENCY must be at least 1')
    .max(64, 'PASSWORD_HASH_CONCURRENCY can be at most 64')
    .optional(),
  // tRPC: the most calls one batched request may carry (queries; mutations are never batched).
  TRPC_MAX_BATCH_SIZE: z.coerce
    .number({ message: 'TRPC_MAX_BATCH_SIZE must be a number of calls' })
    .int('TRPC_MAX_BATCH_SIZE must be a whole number')
    .min(1, 'TRPC_MAX_BATCH_SIZE must be at least 1')
    .max(100, 'TRPC_MAX_BATCH_SIZE can be at most 100')
    .default(10),
  // tRPC: single calls answered without the adapter's Fetch Request/Response (plugins/trpc-host.ts).
  TRPC_FAST_PATH: z.enum(['on', 'off'], { message: 'TRPC_FAST_PATH must be on or off' }).default('on'),
  // Certificates' Open Badges credentials are signed with this Ed25519 key (PKCS#8 PEM; newlines
  // may be written as \n). Unset: development keeps a generated one in .data/, tests make one.
  CREDENTIAL_SIGNING_KEY: z
    .string()
    .transform((v) => v.replace(/\\n/g, '\n').trim() + '\n')
    .refine((pem) => {
      try {
        parseSigningKey(pem);
        return true;
      } catch {
        return false;
      }
    }, 'CREDENTIAL_SIGNING_KEY must be an Ed25519 private key as PKCS#8 PEM (openssl genpkey -algorithm ed25519)')
    .optional(),
  WORKER_CONCURRENCY: z.coerce
    .number({ message: 'WORKER_CONCURRENCY must be a number of jobs' })
    .int()
    .min(1, 'WORKER_CONCURRENCY must be at least 1')
    .max(50, 'WORKER_CONCURRENCY can be at most 50')
    .default(2),
  // Payments (see @learningpt/billing): Stripe when STRIPE_SECRET_KEY is set; without it, in
  // development, the local Stripe that pnpm dev starts (127.0.0.1:STRIPE_EMULATOR_PORT).
  STRIPE_SECRET_KEY: z
    .string()
    .regex(
      /^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/,
      'STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_... or sk_live_..., from the Dashboard → Developers → API keys)',
    )
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(
      /^whsec_[A-Za-z0-9_]+$/,
      'STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_..., from the endpoint in the Dashboard or from `stripe listen`)',
    )
    .optional(),
  STRIPE_API_BASE: z
    .string()
    .refine(
      (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol) && new URL(u).pathname === '/',
      'STRIPE_API_BASE must be the http(s) address of a Stripe API, without a path (like http://127.0.0.1:12111)',
    )
    .optional(),
  STRIPE_EMULATOR_PORT: port('STRIPE_EMULATOR_PORT', 12111),
  STRIPE_PRICE_BASIC: z
    .string()
    .regex(
      /^price_[A-Za-z0-9_]+$/,
      'STRIPE_PRICE_BASIC must be a Stripe price id (price_...; pnpm stripe:setup prints it)',
    )
    .optional(),
  STRIPE_PRICE_PREMIUM: z
    .string()
    .regex(
      /^price_[A-Za-z0-9_]+$/,
      'STRIPE_PRICE_PREMIUM must be a Stripe price id (price_...; pnpm stripe:setup prints it)',
    )
    .optional(),
  // The AI tutor (see @learningpt/ai): OpenAI or Mistral through the AI SDK; with neither key, the
  // offline tutor (answers from the course's own passages, no provider).
  AI_PROVIDER: z
    .enum(['openai', 'mistral', 'offline'], {
      message:
        'AI_PROVIDER must be openai, mistral or offline (unset: openai with OPENAI_API_KEY, else mistral with MISTRAL_API_KEY, else offline)',
    })
    .optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: httpUrl('OPENAI_BASE_URL', 'https://api.openai.com/v1').optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  // responses: the Responses API (/v1/responses, OpenAI's default); chat: /v1/chat/completions
  // (for OpenAI-compatible servers that only have that).
  OPENAI_API: z.enum(['responses', 'chat'], { message: 'OPENAI_API must be responses or chat' }).default('responses'),
  MISTRAL_API_KEY: z.string().min(1).optional(),
  MISTRAL_BASE_URL: httpUrl('MISTRAL_BASE_URL', 'https://api.mistral.ai/v1').optional(),
  MISTRAL_MODEL: z.string().min(1).default('mistral-small-latest'),
  // provider: the provider's moderation endpoint checks each message first; local: a small local check.
  AI_MODERATION: z
    .enum(['provider', 'local'], { message: 'AI_MODERATION must be provider or local' })
    .default('provider'),
  AI_TIMEOUT_MS: z.coerce
    .number({ message: 'AI_TIMEOUT_MS must be a number of milliseconds' })
    .int()
    .min(1000, 'AI_TIMEOUT_MS must be at least 1000')
    .max(600_000, 'AI_TIMEOUT_MS can be at most 600000 (10 minutes)')
    .default(60_000),
  // Model calls in flight at once per server process; beyond it calls wait (premium first).
  AI_MAX_IN_FLIGHT: z.coerce
    .number({ message: 'AI_MAX_IN_FLIGHT must be a number of calls' })
    .int()
    .min(1, 'AI_MAX_IN_FLIGHT must be at least 1')
    .max(1000, 'AI_MAX_IN_FLIGHT can be at most 1000')
    .default(16),
  // Tax added to every order, in percent of the price after the coupon (e.g. 18 for GST). 0: none.
  TAX_RATE_PERCENT: z.coerce
    .number({ message: 'TAX_RATE_PERCENT must be a number (percent), like 18 or 7.5' })
    .min(0, 'TAX_RATE_PERCENT cannot be negative')
    .max(100, 'TAX_RATE_PERCENT can be at most 100')
    .default(0),
});
export type Config = Omit<z.infer<typeof ZConfig>, 'WORKER_IN_PROCESS'> & { WORKER_IN_PROCESS: boolean };

/**
 * Settings that have a local default but must be given in production, with why: a default there
 * would send people to localhost, accept the wrong browsers, or keep email on the disk.
 * Other modules add theirs here (payments, credential signing).
 */
export const PRODUCTION_REQUIRED: Readonly<Record<string, string>> = {
  APP_ORIGINS: 'the browser origins of the web app and admin panel (CORS and the cross-site check)',
  PUBLIC_WEB_URL: "the web app's public address (links in emails and certificates)",
  PUBLIC_API_URL: "the API's public address (URLs of uploaded files)",
  RESEND_API_KEY: 'email must really be sent (without it, it would stay in a local mailbox)',
  MAIL_FROM: 'the sender address of a domain verified at Resend',
  CREDENTIAL_SIGNING_KEY:
    "certificates' credentials are signed with it (a generated key would differ per process and restart, and what was issued would stop verifying)",
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration from an environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty value counts as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ZConfig.safeParse(cleaned);
  // Settings that need another: a Stripe key without its webhook secret would take payments whose
  // confirmations are refused.
  const pairIssues: string[] =
    cleaned.STRIPE_SECRET_KEY !== undefined && cleaned.STRIPE_WEBHOOK_SECRET === undefined
      ? [
          '  STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set: the signing secret of the webhook endpoint (whsec_...), or payments would never be confirmed (it is not set)',
        ]
      : [];
  // A chosen provider without its key.
  for (const [provider, key] of [
    ['openai', 'OPENAI_API_KEY'],
    ['mistral', 'MISTRAL_API_KEY'],
  ] as const) {
    if (cleaned.AI_PROVIDER === provider && cleaned[key] === undefined) {
      pairIssues.push(`  ${key}: required when AI_PROVIDER=${provider} (it is not set)`);
    }
  }
  const missing =
    (cleaned.NODE_ENV ?? 'production') === 'production'
      ? Object.entries(PRODUCTION_REQUIRED).filter(([name]) => cleaned[name] === undefined)
      : [];
  if (result.success && missing.length === 0 && pairIssues.length === 0) {
    // Defaults that depend on another setting.
    return {
      ...result.data,
      WORKER_IN_PROCESS: result.data.WORKER_IN_PROCESS ?? result.data.NODE_ENV === 'development',
    };
  }
  const issues = result.success ? [] : result.error.issues;
  const lines = issues.map((i) => {
    const name = String(i.path[0] ?? 'config');
    const got = cleaned[name];
    const shown =
      got === undefined
        ? 'it is not set'
        : /KEY|SECRET|TOKEN|PASSWORD/.test(name)
          ? 'value hidden'
          : `got ${JSON.stringify(name.includes('URL') ? redactUrl(got) : got)}`;
    return `  ${name}: ${i.message} (${shown})`;
  });
  for (const [name, why] of missing) {
    if (!issues.some((i) => i.path[0] === name)) lines.push(`  ${name}: required when NODE_ENV=production: ${why}`);
  }
  lines.push(...pairIssues);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
