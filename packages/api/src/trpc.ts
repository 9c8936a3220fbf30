import type { ORPCMeta } from '@orpc/trpc';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodRealError } from 'zod';
import { isDatabaseBusy, type Db } from '@learningpt/db';
import type { CertificateCredentialIssuer } from '@learningpt/core';
import type { PaymentGateway } from '@learningpt/billing';
import type { TutorModels } from '@learningpt/ai';
import type { ModelGate } from '@learningpt/core';
import { AppError, type AuthSettings, type BillingSettings, type Clock, type Viewer } from '@learningpt/core';
import { APP_TO_TRPC, BUSY_MESSAGE, errorAnswer, errorIssues, INTERNAL_ERROR_MESSAGE } from './error-answer';

/* ------------------------------------------------------------------------------------------------
 * 1. Context: what every procedure receives. Built per request by the host (apps/server) from its
 *    dependencies; tests build it the same way with a real database and an injected clock.
 * ---------------------------------------------------------------------------------------------- */

export interface SessionInfo {
  /** Session.id: the SHA-256 (hex) of the token, never the token itself. */
  sessionId: string;
  user: Viewer & { name: string; email: string };
  expiresAt: Date;
  absoluteExpiresAt: Date;
  /** How the request carried the token. */
  via: 'bearer' | 'cookie';
  /** The token as presented (auth.refresh / logout need it); never logged or returned elsewhere. */
  token: string;
}

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface AppContext {
  db: Db;
  clock: Clock;
  log: Logger;
  requestId: string;
  /** Null for anonymous callers. */
  session: SessionInfo | null;
  /** Session lifetimes, email link root, erasure delay (from the server's configuration). */
  auth: AuthSettings;
  /** The client's address (behind a proxy only with TRUST_PROXY) and user agent. */
  ip: string;
  userAgent: string | null;
  /** Sets the session cookie on the response (browsers); Bearer clients use the returned token. */
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
  /** Sets a response header on either face (Retry-After on 429s). */
  setHeader(name: string, value: string): void;
  /** Signs certificates as Open Badges credentials (the server's key); absent where none is set up. */
  credentials?: CertificateCredentialIssuer;
  /** The payment provider (Stripe, or the local Stripe in development); null when none is configured. */
  payments: PaymentGateway | null;
  /** Tax rate, return URLs and plan prices (from the server's configuration). */
  billing: BillingSettings;
  /** The AI tutor's models (OpenAI, Mistral or the offline tutor) and the cap on calls in flight. */
  ai: { models: TutorModels; gate: ModelGate };
}

/* ------------------------------------------------------------------------------------------------
 * 2. Setup: superjson on the tRPC face (Dates survive), and the error shape both faces share:
 *    a code, a message a person can act on, and zod's issues for invalid input.
 * ---------------------------------------------------------------------------------------------- */

export interface ApiMeta extends ORPCMeta {
  /** A human summary for the OpenAPI document. */
  summary?: string;
}

const t = initTRPC
  .context<AppContext>()
  .meta<ApiMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const issues = errorIssues(error);
      const { upgradeUrl } = errorAnswer(error);
      return {
        ...shape,
        // Unexpected errors keep their details in the log, never on the wire.
        message: error.code === 'INTERNAL_SERVER_ERROR' ? INTERNAL_ERROR_MESSAGE : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          issues,
          ...(upgradeUrl ? { upgradeUrl } : {}),
        },
      };
    },
  });

/** PostgreSQL text cannot hold NUL: input with one is refused (naming the field) before any handler reads it. */
export const NUL_REFUSED = 'Text cannot contain the NUL character (\\u0000 / %00): remove it and try again.';
/** Where the first NUL character is in a parsed input (a key or a string value), or null. */
export function nulPath(value: unknown, depth = 0): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? [] : null;
  if (depth > 64 || value === null || typeof value !== 'object' || value instanceof Uint8Array) return null;
  const array = Array.isArray(value);
  for (const [k, v] of Object.entries(value)) {
    const key = array ? Number(k) : k;
    if (k.includes('\u0000')) return [key];
    // The path is built only on the way back from a hit: a clean input allocates none.
    const inner = nulPath(v, depth + 1);
    if (inner) {
      inner.unshift(key);
      return inner;
    }
  }
  return null;
}

/**
 * Every procedure's one middleware (one layer of tRPC's middleware chain, not two): input with a
 * NUL character is refused, then domain errors become tRPC errors with their status, a saturated
 * database a 503 with Retry-After, and an unexpected failure is logged.
 */
const guard = t.middleware(async ({ ctx, next, path, getRawInput }) => {
  const at = nulPath(await getRawInput());
  if (at) {
    // As a validation failure, so both faces answer 400 with the field named.
    const cause = new ZodRealError([{ code: 'custom', path: at, message: NUL_REFUSED, input: undefined }]);
    throw new TRPCError({ code: 'BAD_REQUEST', message: `${at.join('.') || 'input'}: ${NUL_REFUSED}`, cause });
  }
  const result = await next();
  if (result.ok) return result;
  let cause = result.error.cause;
  if (isDatabaseBusy(cause)) {
    ctx.log.warn({ err: cause, path, requestId: ctx.requestId }, 'database busy: answered 503');
    cause = new AppError('UNAVAILABLE', BUSY_MESSAGE, { retryAfterSeconds: 2 });
  }
  if (cause instanceof AppError) {
    const { retryAfterSeconds } = errorAnswer(cause);
    if (retryAfterSeconds !== undefined) ctx.setHeader('Retry-After', String(retryAfterSeconds));
    throw new TRPCError({ code: APP_TO_TRPC[cause.code], message: cause.message, cause });
  }
  if (result.error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.log.error({ err: cause ?? result.error, path, requestId: ctx.requestId }, 'procedure failed');
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/* ------------------------------------------------------------------------------------------------
 * 3. Procedures: who may call. Handlers behind `authedProcedure` get a non-null session.
 * ---------------------------------------------------------------------------------------------- */

export const publicProcedure = t.procedure.use(guard);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in to continue.' });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

type Role = Viewer['role'];
export function roleProcedure(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.session.user.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'You do not have permission to do this.' });
    }
    return next();
  });
}

/** The caller as the domain sees them, or null when anonymous. */
export const viewerOf = (ctx: Pick<AppContext, 'session'>): Viewer | null =>
  ctx.session ? { userId: ctx.session.user.userId, role: ctx.session.user.role } : null;

/** The signed-in caller as the domain sees them (handlers behind authedProcedure or a role). */
export const signedIn = (ctx: { session: SessionInfo }): Viewer => ({
  userId: ctx.session.user.userId,
  role: ctx.session.user.role,
});

export const studentProcedure = roleProcedure('student');
export const instructorProcedure = roleProcedure('instructor', 'admin');
export const adminProcedure = roleProcedure('admin');
