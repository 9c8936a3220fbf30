// The one place where an error becomes an answer. tRPC's error formatter, the REST face, the
// plain Fastify routes (uploads, webhooks) and Fastify's own error handler all use it, so a
// domain refusal has the same status, code and message on every face, and an unexpected error
// always reads the same and never shows its details.
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { AppError, APP_ERROR_HTTP_STATUS, appErrorIssues, type AppErrorCode } from '@learningpt/core';
import { isDatabaseBusy } from '@learningpt/db';

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';
export const BUSY_MESSAGE = 'The service is busy right now. Please try again in a few seconds.';

/** Domain error codes as tRPC codes (and so HTTP statuses on both faces). */
export const APP_TO_TRPC: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYMENT_REQUIRED: 'PAYMENT_REQUIRED',
  UNPROCESSABLE: 'UNPROCESSABLE_CONTENT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

export interface ErrorIssue {
  path: (string | number)[];
  message: string;
  code?: string;
}

export function zodIssues(err: ZodError): ErrorIssue[] {
  return err.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
    code: i.code,
  }));
}

/** Field issues of a failed call: zod's for invalid input, or those a domain error names. */
export function errorIssues(error: unknown): ErrorIssue[] | undefined {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) return zodIssues(cause);
  if (cause instanceof AppError) return appErrorIssues(cause);
  return undefined;
}

export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  issues?: ErrorIssue[];
  /** For 429s: the Retry-After header. */
  retryAfterSeconds?: number;
  /** Where to upgrade, when a plan's limit refused the call (the seed's 429 body has it). */
  upgradeUrl?: string;
  /** True for a bug: log it (the answer says nothing about it). */
  unexpected: boolean;
}

const FASTIFY_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  406: 'NOT_ACCEPTABLE',
  408: 'TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Any thrown value as the answer a client gets. */
export function errorAnswer(error: unknown): ErrorAnswer {
  const cause = error instanceof TRPCError && error.cause instanceof AppError ? error.cause : error;
  if (cause instanceof AppError) {
    const retry = cause.details?.retryAfterSeconds;
    const upgradeUrl = cause.details?.upgradeUrl;
    return {
      ...(typeof upgradeUrl === 'string' ? { upgradeUrl } : {}),
      status: APP_ERROR_HTTP_STATUS[cause.code],
      code: cause.code,
      message: cause.message,
      issues: appErrorIssues(cause),
      retryAfterSeconds: typeof retry === 'number' ? Math.max(1, Math.ceil(retry)) : undefined,
      unexpected: false,
    };
  }
  if (cause instanceof ZodError) {
    const issues = zodIssues(cause);
    return { status: 400, code: 'BAD_REQUEST', message: invalidFieldsMessage(issues), issues, unexpected: false };
  }
  // Fastify's own 4xx (malformed JSON, body too large, unsupported media type) keep their message.
  const status = (cause as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      code: FASTIFY_CODES[status] ?? 'BAD_REQUEST',
      message: (cause as Error).message,
      unexpected: false,
    };
  }
  // Every database connection stayed busy past its wait: an overload to retry, not a bug. Logged
  // all the same (it says the pool or the database is too small for the load).
  if (isDatabaseBusy(error)) {
    return { status: 503, code: 'UNAVAILABLE', message: BUSY_MESSAGE, retryAfterSeconds: 2, unexpected: true };
  }
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_ERROR_MESSAGE, unexpected: true };
}

/** "Some fields are invalid: a.b: …; c: …" — the message of a validation failure. */
export function invalidFieldsMessage(issues: readonly ErrorIssue[]): string {
  return 'Some fields are invalid: ' + issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
}

/** The REST envelope of a failure (API.md). */
export function errorBody(answer: ErrorAnswer) {
  return {
    success: false as const,
    error: {
      code: answer.code,
      message: answer.message,
      ...(answer.issues ? { issues: answer.issues } : {}),
      ...(answer.upgradeUrl ? { upgradeUrl: answer.upgradeUrl } : {}),
    },
    // The seed's 429 puts it beside the error.
    ...(answer.upgradeUrl ? { upgradeUrl: answer.upgradeUrl } : {}),
  };
}
