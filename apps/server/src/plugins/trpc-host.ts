// The tRPC face on Fastify. The stock adapter turns every request into a Fetch Request (headers,
// a body stream, abort signals) and its answer into a Fetch Response, which costs several times
// the procedure itself for a small call. The common calls are answered here directly with tRPC's
// own pieces (its procedure call, error shape, status rule and transformer), the same bytes the
// adapter would send: a single query or mutation with JSON, and a batch of queries by GET (what
// the apps' httpBatchLink sends). Everything else (streaming, subscriptions, an unknown
// procedure, a wrong method, input that is not JSON, a batch over the size limit or with
// anything but queries) goes to the stock adapter unchanged. TRPC_FAST_PATH=off sends everything
// to the adapter.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fastifyRequestHandler, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
  type AnyRouter,
} from '@trpc/server/unstable-core-do-not-import';

type TrpcOptions<R extends AnyRouter> = FastifyTRPCPluginOptions<R>['trpcOptions'];

/** A procedure as the router holds it (callable, with its type). */
type Callable = ((opts: {
  path: string;
  ctx: unknown;
  type: 'query' | 'mutation';
  getRawInput: () => Promise<unknown>;
  signal: AbortSignal | undefined;
  batchIndex: number;
}) => Promise<unknown>) & { _def: { type: 'query' | 'mutation' | 'subscription' } };

const METHOD = { query: 'GET', mutation: 'POST' } as const;

export interface TrpcHostStats {
  /** How many tRPC requests were answered directly (not by the stock adapter). */
  readonly directAnswers: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's tRPC host (apps/server/src/app.ts). */
    trpcHost: TrpcHostStats;
  }
}
const NO_INPUT = Symbol('no input');

export async function registerTrpcHost<R extends AnyRouter>(
  app: FastifyInstance,
  { prefix, trpcOptions, fastPath }: { prefix: string; trpcOptions: TrpcOptions<R>; fastPath: boolean },
) {
  const router = trpcOptions.router;
  // The router's root config (transformer, error formatter), as the adapter reads it.
  const config = router._def._config as Parameters<typeof transformTRPCResponse>[0];
  const procedures = router._def.procedures as Record<string, Callable | undefined>;
  const maxBatchSize = trpcOptions.maxBatchSize;
  const stats = { directAnswers: 0 };

  /** The raw JSON input of a single call, or undefined when the stock adapter should answer. */
  const rawInput = (req: FastifyRequest): { value: unknown } | undefined => {
    try {
      if (req.method === 'GET') {
        const input = (req.query as Record<string, unknown>).input;
        if (input === undefined) return { value: NO_INPUT };
        return typeof input === 'string' ? { value: JSON.parse(input) as unknown } : undefined;
      }
      const type = req.headers['content-type'];
      if (typeof type !== 'string' || type.split(';', 1)[0]!.trim().toLowerCase() !== 'application/json') return;
      const body = req.body;
      if (typeof body !== 'string') return;
      return { value: body === '' ? NO_INPUT : (JSON.parse(body) as unknown) };
    } catch {
      return undefined; // the adapter answers the parse error in its own words
    }
  };

  /** The answer, with the adapter's status, headers and bytes. */
  const send = (reply: FastifyReply, answer: Parameters<typeof getHTTPStatusCode>[0]) =>
    reply
      .code(getHTTPStatusCode(answer))
      .header('vary', 'trpc-accept, accept')
      .header('content-type', 'application/json')
      // Bytes, as the adapter sends them (a string would gain "; charset=utf-8").
      .send(Buffer.from(JSON.stringify(transformTRPCResponse(config, answer))));

  const direct = async (req: FastifyRequest, reply: FastifyReply, path: string, proc: Callable) => {
    const type = proc._def.type as 'query' | 'mutation';
    const raw = rawInput(req);
    if (!raw) return false;
    let input: unknown;
    let ctx: unknown;
    let body: unknown;
    try {
      ctx = await trpcOptions.createContext?.({ req, res: reply, info: undefined as never });
      const data = await proc({
        path,
        ctx,
        type,
        getRawInput: async () =>
          (input = raw.value === NO_INPUT ? undefined : (config.transformer.input.deserialize(raw.value) as unknown)),
        signal: undefined,
        batchIndex: 0,
      });
      body = { result: { data } };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      body = { error: getErrorShape({ config, ctx, error, input, path, type }) as unknown };
    }
    stats.directAnswers++;
    await send(reply, body as Parameters<typeof getHTTPStatusCode>[0]);
    return true;
  };

  /**
   * A batch of queries by GET (`/a,b?batch=1&input={"0":…,"1":…}`), answered as the adapter does
   * when it does not stream: one context for the batch, the calls run together, an array of
   * results or error shapes, 200 when all succeed and otherwise the status rule's (207 when they
   * differ). False when the adapter should answer.
   */
  const directBatch = async (req: FastifyRequest, reply: FastifyReply, paths: string[]) => {
    if (maxBatchSize !== undefined && paths.length > maxBatchSize) return false;
    const procs = paths.map((p) => procedures[p]);
    if (!procs.every((p): p is Callable => p !== undefined && p._def.type === 'query')) return false;
    let inputs: Record<string, unknown>;
    try {
      const text = (req.query as Record<string, unknown>).input;
      if (text !== undefined && typeof text !== 'string') return false;
      const parsed: unknown = text ? JSON.parse(text) : {};
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
      inputs = {};
      for (const i of paths.keys()) {
        const raw = (parsed as Record<string, unknown>)[i];
        if (raw !== undefined) inputs[i] = config.transformer.input.deserialize(raw);
      }
    } catch {
      return false; // the adapter answers the parse error in its own words
    }
    let ctx: unknown;
    let ctxError: unknown;
    try {
      ctx = await trpcOptions.createContext?.({ req, res: reply, info: undefined as never });
    } catch (cause) {
      ctxError = cause;
    }
    const failed = (cause: unknown, i: number) => ({
      error: getErrorShape({
        config,
        ctx,
        error: getTRPCErrorFromUnknown(cause),
        input: inputs[i],
        path: paths[i]!,
        type: 'query',
      }) as unknown,
    });
    const results = await Promise.all(
      procs.map(async (proc, i) => {
        // A context that could not be made fails every call, as in the adapter.
        if (ctxError !== undefined) return failed(ctxError, i);
        try {
          const data = await proc({
            path: paths[i]!,
            ctx,
            type: 'query',
            getRawInput: () => Promise.resolve(inputs[i]),
            signal: undefined,
            batchIndex: i,
          });
          return { result: { data } };
        } catch (cause) {
          return failed(cause, i);
        }
      }),
    );
    stats.directAnswers++;
    await send(reply, results as Parameters<typeof getHTTPStatusCode>[0]);
    return true;
  };

  await app.register(async (scope) => {
    // As the stock plugin does: bodies reach tRPC as text.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    scope.removeContentTypeParser('multipart/form-data');
    scope.addContentTypeParser('multipart/form-data', {}, (_req, body, done) => done(null, body));

    scope.all<{ Params: { path: string } }>(`${prefix}/:path`, async (req, reply) => {
      const path = req.params.path;
      if (fastPath) {
        const proc = procedures[path];
        const single =
          proc !== undefined &&
          proc._def.type !== 'subscription' &&
          req.method === METHOD[proc._def.type] &&
          (req.query as Record<string, unknown>).batch === undefined &&
          req.headers['trpc-accept'] === undefined;
        if (single && (await direct(req, reply, path, proc))) return reply;
        const batch =
          req.method === 'GET' &&
          (req.query as Record<string, unknown>).batch === '1' &&
          req.headers['trpc-accept'] === undefined;
        if (batch && (await directBatch(req, reply, path.split(',')))) return reply;
      }
      await fastifyRequestHandler({ ...trpcOptions, req, res: reply, path });
      return reply;
    });
  });
  return stats as TrpcHostStats;
}
