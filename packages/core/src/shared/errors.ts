/**
 * Errors a caller can cause. Domain code throws these; the API layer maps each code to an
 * HTTP status / tRPC code in exactly one place (packages/api/src/trpc.ts).
 */
export const APP_ERROR_CODES = [
  'BAD_REQUEST', // 400: input that passed the schema but makes no sense
  'UNAUTHORIZED', // 401: not signed in
  'FORBIDDEN', // 403: signed in, not allowed
  'NOT_FOUND', // 404
  'CONFLICT', // 409: already exists / already done
  'PAYMENT_REQUIRED', // 402: the feature has a price
  'UNPROCESSABLE', // 422: a business rule says no
  'TOO_MANY_REQUESTS', // 429
  'UNAVAILABLE', // 503: a service we depend on (the AI provider) failed or is not configured
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** The HTTP status of each code, for the few plain routes outside the router (uploads). */
export const APP_ERROR_HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYMENT_REQUIRED: 402,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Safe, user-facing details (e.g. a price, a retry delay). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** A 400 about one input field, shaped like a validation error so forms can show it by the field. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('BAD_REQUEST', message, { issues: [{ path: [field], message }] satisfies FieldIssue[] });
}

/** The field issues an AppError carries, if any. */
export function appErrorIssues(err: AppError): FieldIssue[] | undefined {
  const issues = err.details?.issues;
  return Array.isArray(issues) ? (issues as FieldIssue[]) : undefined;
}
