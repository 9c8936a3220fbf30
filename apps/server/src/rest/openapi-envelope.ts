import type { OpenAPI } from '@orpc/openapi';

type Doc = OpenAPI.Document;

const ERROR_SCHEMA = {
  type: 'object',
  required: ['success', 'error'],
  properties: {
    success: { const: false },
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', examples: ['NOT_FOUND'] },
        message: { type: 'string', examples: ['Program not found'] },
        issues: {
          type: 'array',
          description: 'Present on validation errors (400): one entry per invalid field.',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: {
              path: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
              message: { type: 'string' },
              code: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Invalid input: see error.issues',
  '401': 'Not signed in',
  '403': 'Not allowed',
  '404': 'Not found',
  '429': 'Too many requests: retry after the Retry-After header',
  '500': 'Unexpected server error',
};

interface ResponseLike {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface DocLike {
  paths?: Record<string, Record<string, { responses?: Record<string, ResponseLike> } | undefined>>;
  components?: { schemas?: Record<string, unknown> };
}

/**
 * oRPC documents each procedure's output as the body; the REST face wraps it in
 * `{ success: true, ...fields }` and answers errors as `{ success: false, error }`. Make the
 * document say exactly that.
 */
export function wrapDocumentInEnvelope(document: Doc): Doc {
  const doc = document as unknown as DocLike;
  doc.components ??= {};
  doc.components.schemas = { ...doc.components.schemas, ApiError: ERROR_SCHEMA };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const op = item[method];
      if (!op) continue;
      const responses: Record<string, ResponseLike> = {};
      for (const [status, res] of Object.entries(op.responses ?? {})) {
        if (Number(status) >= 400) continue;
        const schema = res.content?.['application/json']?.schema;
        responses[status] = {
          ...res,
          content: {
            'application/json': {
              schema: {
                allOf: [
                  { type: 'object', required: ['success'], properties: { success: { const: true } } },
                  ...(schema ? [schema] : []),
                ],
              },
            },
          },
        };
      }
      for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
        responses[status] = {
          description,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
        };
      }
      op.responses = responses;
    }
  }
  return document;
}
