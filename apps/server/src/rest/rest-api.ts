import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isProcedure, ORPCError, Procedure, type AnyProcedure } from '@orpc/server';
import { OpenAPIHandler } from '@orpc/openapi/fastify';
import { OpenAPIGenerator } from '@orpc/openapi';
import { SmartCoercionPlugin } from '@orpc/json-schema';
import { ZodToJsonSchemaConverter } from '@orpc/zod/zod4';
import { toORPCRouter } from '@orpc/trpc';
import { TRPCError } from '@trpc/server';
import { ZodError, type ZodType } from 'zod';
import { AppError } from '@learningpt/core';
import {
  appRouter,
  errorAnswer,
  errorIssues,
  invalidFieldsMessage,
  zodIssues,
  INTERNAL_ERROR_MESSAGE,
  REST_ALIASES,
  type AppContext,
} from '@learningpt/api';
import { sendError } from '../errors';
import { wrapDocumentInEnvelope } from './openapi-envelope';
import { aliasAnswer, aliasInput, aliasInputSchema, aliasOutputSchema } from './rest-alias-fields';

/**
 * The REST face: the same procedures as /trpc, on the spec's paths under /api, answering
 * `{ success: true, ...fields }` or `{ success: false, error: { code, message, issues? } }`.
 */
export async function registerRestApi(
  app: FastifyInstance,
  { createContext }: { createContext: (req: FastifyRequest, reply: FastifyReply) => AppContext },
) {
  const router = withRestAliases(toORPCRouter(appRouter));
  const converter = new ZodToJsonSchemaConverter();

  const handler = new OpenAPIHandler<AppContext>(router, {
    // Query strings arrive as text: coerce them by the input schema (page=2 -> 2, free=false -> false).
    plugins: [new SmartCoercionPlugin({ schemaConverters: [converter] })],
    // Reshape oRPC's encoded bodies into the envelope before they are written.
    // Root interceptors see every response, errors included (these are encoded outside `interceptors`).
    rootInterceptors: [
      async (options) => {
        const result = await options.next();
        if (result.matched) {
          result.response.body = envelope(result.response.status, result.response.body);
        }
        return result;
      },
    ],
    clientInterceptors: [
      async (options) => {
        try {
          return await options.next();
        } catch (error) {
          throw withIssues(error);
        }
      },
    ],
  });

  const document = wrapDocumentInEnvelope(
    await new OpenAPIGenerator({ schemaConverters: [converter] }).generate(router, {
      info: {
        title: 'LearninGPT API',
        version: '1.0.0',
        description:
          'The REST face of the LearninGPT platform. Every operation is also available to TypeScript clients over tRPC at /trpc. Authenticate with `Authorization: Bearer <session token>` or the session cookie.',
      },
      servers: [{ url: '/api' }],
    }),
  );

  app.get('/api/openapi.json', { logLevel: 'warn' }, async () => document);

  const handle = async (req: FastifyRequest, reply: FastifyReply) => {
    const { matched } = await handler.handle(req, reply, { prefix: '/api', context: createContext(req, reply) });
    if (!matched) return sendError(reply, 404, 'NOT_FOUND', `No API route for ${req.method} ${req.url.split('?')[0]}`);
  };
  app.all('/api/*', handle);
  app.all('/api', handle);

  return { document };
}

/**
 * The router plus one extra REST route per alias (REST_ALIASES): the same procedure definition
 * (input, output, middlewares, handler) on a second method + path. The alias's own field names
 * (acceptAlso, acceptValues, answerAlso) are turned into ours before the procedure reads its
 * input and added to its answer after, on that route only; its schemas in the document show them.
 * Fails at start on a typo (an unknown procedure or field).
 */
function withRestAliases<T extends object>(router: T): T {
  const aliases: Record<string, AnyProcedure> = {};
  for (const alias of REST_ALIASES) {
    const target = alias.of.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], router);
    if (!isProcedure(target)) throw new Error(`REST alias ${alias.method} ${alias.path}: no procedure ${alias.of}`);
    const def = target['~orpc'];
    const key = `${alias.of.replaceAll('.', '_')}_${alias.method.toLowerCase()}_alias`;
    aliases[key] = new Procedure({
      ...def,
      inputSchema: aliasInputSchema(alias, def.inputSchema as ZodType | undefined),
      outputSchema: aliasOutputSchema(alias, def.outputSchema as ZodType | undefined),
      handler: async (options) =>
        aliasAnswer(alias, await def.handler({ ...options, input: aliasInput(alias, options.input) })),
      route: {
        ...def.route,
        method: alias.method,
        path: alias.path,
        operationId: key,
        description: `Alias of ${alias.of} (${alias.note}).`,
      },
    });
  }
  return { ...router, restAliases: aliases };
}

function envelope(status: number, payload: unknown): unknown {
  if (status < 400) {
    return payload !== null && typeof payload === 'object' && !Array.isArray(payload)
      ? { success: true, ...payload }
      : { success: true, data: payload ?? null };
  }
  const body = (payload ?? {}) as {
    code?: string;
    message?: string;
    data?: { issues?: unknown; upgradeUrl?: unknown };
  };
  const upgradeUrl = typeof body.data?.upgradeUrl === 'string' ? { upgradeUrl: body.data.upgradeUrl } : {};
  return {
    success: false,
    error: {
      code: body.code ?? 'ERROR',
      message: body.message ?? 'Request failed',
      ...(body.data?.issues ? { issues: body.data.issues } : {}),
      ...upgradeUrl,
    },
    // The seed's 429 has it beside the error.
    ...upgradeUrl,
  };
}

/** Invalid input: keep zod's issues (path + message) so a client can show them next to the fields. */
function withIssues(error: unknown): unknown {
  if (!(error instanceof ORPCError)) return error;
  const trpc = error.cause instanceof TRPCError ? error.cause : null;
  if (trpc?.cause instanceof ZodError) {
    return new ORPCError('BAD_REQUEST', {
      status: 400,
      message: invalidFieldsMessage(zodIssues(trpc.cause)),
      data: { issues: zodIssues(trpc.cause) },
      cause: error,
    });
  }
  // A domain error: its status and message as errorAnswer gives them (a 503 of an unavailable
  // service stays a 503), with the fields it names and the upgrade hint of a plan's limit.
  if (trpc?.cause instanceof AppError) {
    const answer = errorAnswer(trpc);
    const data = {
      ...(answer.issues ? { issues: answer.issues } : {}),
      ...(answer.upgradeUrl ? { upgradeUrl: answer.upgradeUrl } : {}),
    };
    return new ORPCError(error.code, { status: answer.status, message: answer.message, data, cause: error });
  }
  const issues = trpc ? errorIssues(trpc) : undefined;
  if (issues) {
    return new ORPCError(error.code, { status: error.status, message: error.message, data: { issues }, cause: error });
  }
  if (error.status >= 500 && !(trpc?.cause instanceof AppError)) {
    return new ORPCError('INTERNAL_SERVER_ERROR', {
      status: 500,
      message: INTERNAL_ERROR_MESSAGE,
      cause: error,
    });
  }
  return error;
}
