import { TRPCClientError } from '@trpc/client';
import type { z } from 'zod';
import type { AppClientError } from './trpc';

/** Messages per field, keyed by the issue's path joined with dots (`socialLinks.github`). */
export type FieldErrors = Record<string, string>;

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** The first message for each field; later issues on the same field are dropped. */
export function issuesToFieldErrors(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Checks `values` with the server's own zod schema, so a person sees the same message before
 * submitting as the server would send back.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: issuesToFieldErrors(result.error.issues) };
}

/**
 * Field messages from a failed call: the zod issues the API sends with a validation error.
 * Some refusals come without issues but name their field first ("password is one of the most
 * common passwords…"); `namedFields` lists the fields whose such messages belong under the field.
 */
export function serverFieldErrors(error: unknown, namedFields: readonly string[] = []): FieldErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data = (error as AppClientError).data;
  if (Array.isArray(data?.issues) && data.issues.length > 0) return issuesToFieldErrors(data.issues);
  if (data?.code === 'BAD_REQUEST') {
    const field = namedFields.find((f) => error.message.startsWith(`${f} `));
    if (field) return { [field]: error.message };
  }
  return {};
}

/**
 * Seconds to wait after a 429, from the Retry-After header (the API sets it with its message);
 * undefined for other errors.
 */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  if ((error as AppClientError).data?.httpStatus !== 429) return undefined;
  const response = (error.meta as { response?: Response } | undefined)?.response;
  const header = response?.headers.get('retry-after');
  const seconds = header ? Number(header) : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/**
 * What a failed call means for a form: the messages that go under its fields, whether any field
 * claimed the error (if none did, the form shows it on top) and the seconds to wait after a 429.
 */
export function readServerError(
  error: unknown,
  namedFields: readonly string[] = [],
): { fieldErrors: FieldErrors; claimed: boolean; retryAfter: number | undefined } {
  const fieldErrors = serverFieldErrors(error, namedFields);
  return { fieldErrors, claimed: Object.keys(fieldErrors).length > 0, retryAfter: retryAfterSeconds(error) };
}
