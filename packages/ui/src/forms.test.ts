import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { readServerError } from './forms';

/** A failed call as the tRPC client reports it: the error shape's data and, for a 429, the response. */
function apiError(message: string, data: Record<string, unknown>, headers?: Record<string, string>) {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32600, data } },
    ...(headers && { meta: { response: new Response(null, { status: 429, headers }) } }),
  });
}

describe('readServerError', () => {
  it('puts validation issues under their fields', () => {
    const error = apiError('Invalid input', {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      issues: [
        { path: ['email'], message: 'email must be a valid email address' },
        { path: ['email'], message: 'a later message' },
        { path: ['socialLinks', 'github'], message: 'must be https' },
      ],
    });
    expect(readServerError(error)).toEqual({
      fieldErrors: { email: 'email must be a valid email address', 'socialLinks.github': 'must be https' },
      claimed: true,
      retryAfter: undefined,
    });
  });

  it('gives a refusal that names a listed field to that field, and others to the form', () => {
    const common = apiError('password is one of the most common passwords', { code: 'BAD_REQUEST', httpStatus: 400 });
    expect(readServerError(common, ['password'])).toMatchObject({
      fieldErrors: { password: 'password is one of the most common passwords' },
      claimed: true,
    });
    expect(readServerError(common)).toMatchObject({ fieldErrors: {}, claimed: false });
    const expired = apiError('This link has expired', { code: 'BAD_REQUEST', httpStatus: 400 });
    expect(readServerError(expired, ['password'])).toMatchObject({ fieldErrors: {}, claimed: false });
  });

  it('reads the wait after a 429 and leaves the message to the form', () => {
    const error = apiError(
      'Too many attempts',
      { code: 'TOO_MANY_REQUESTS', httpStatus: 429 },
      { 'retry-after': '29.2' },
    );
    expect(readServerError(error, ['password'])).toEqual({ fieldErrors: {}, claimed: false, retryAfter: 30 });
  });

  it('claims nothing for an error that is not the API answering', () => {
    expect(readServerError(new TypeError('Failed to fetch'))).toEqual({
      fieldErrors: {},
      claimed: false,
      retryAfter: undefined,
    });
  });
});
