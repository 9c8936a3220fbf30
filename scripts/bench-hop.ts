// The cost of the tRPC hop in `pnpm bench`: a trivial procedure (our procedure base with its
// middlewares, superjson) mounted as the app mounts it (apps/server/src/plugins/trpc-host.ts) and
// through the stock Fastify adapter alone, against a plain Fastify route answering the same JSON,
// all on one Fastify instance, measured alike at 50 connections.
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import superjson from 'superjson';
import { createTRPCRouter, publicProcedure, type AppContext } from '../packages/api/src/trpc';
import { registerTrpcHost } from '../apps/server/src/plugins/trpc-host';
import { httpLoad } from './bench-tools';

const CONNECTIONS = 50;

/** The load from a worker thread, and the server's own cost: its event loop's busy time per request. */
async function measure(url: string, ms: number) {
  const before = performance.eventLoopUtilization();
  const f = await httpLoad({ url, connections: CONNECTIONS, durationMs: ms });
  if (f.errors > 0) throw new Error(`${url}: ${f.errors} requests failed`);
  const busyMs = performance.eventLoopUtilization(before).active;
  return { ...f, usPerRequest: (busyMs * 1000) / f.count };
}

export async function benchTrpcHop({ durationMs }: { durationMs: number }) {
  const router = createTRPCRouter({ ping: publicProcedure.query(() => ({ ok: true, at: 'hop' })) });
  const app = Fastify({ logger: false });
  // The procedure reads nothing of the context here; the hop is what is measured.
  const trpcOptions = { router, createContext: () => ({}) as AppContext };
  await registerTrpcHost(app, { prefix: '/trpc', trpcOptions, fastPath: true });
  await registerTrpcHost(app, { prefix: '/stock', trpcOptions, fastPath: false });
  app.get('/plain/ping', () => ({ result: { data: superjson.serialize({ ok: true, at: 'hop' }) } }));
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const trpcUrl = `${base}/trpc/ping`;
    const stockUrl = `${base}/stock/ping`;
    const plainUrl = `${base}/plain/ping`;
    const [a, b, c] = await Promise.all([trpcUrl, stockUrl, plainUrl].map(async (u) => (await fetch(u)).text()));
    if (a !== c || b !== c) throw new Error(`the routes answer differently: ${a} / ${b} / ${c}`);
    const trpc = await measure(trpcUrl, durationMs);
    const stock = await measure(stockUrl, durationMs);
    const plain = await measure(plainUrl, durationMs);
    // A batch of three, as the apps' httpBatchLink sends their queries.
    const batch = (prefix: string) => `${base}/${prefix}/ping,ping,ping?batch=1`;
    const [ba, bb] = await Promise.all([batch('trpc'), batch('stock')].map(async (u) => (await fetch(u)).text()));
    if (ba !== bb) throw new Error(`the batch routes answer differently: ${ba} / ${bb}`);
    const trpcBatch = await measure(batch('trpc'), durationMs);
    const stockBatch = await measure(batch('stock'), durationMs);
    const row = (name: string, f: Awaited<ReturnType<typeof measure>>) =>
      console.log(
        name.padEnd(64),
        f.rps.toFixed(0).padStart(8),
        f.p50.toFixed(2).padStart(8),
        ''.padStart(8),
        f.p99.toFixed(2).padStart(8),
        `${f.usPerRequest.toFixed(0).padStart(6)} µs`,
      );
    console.log(`\ntRPC hop (${CONNECTIONS} connections; last column: the server's busy time per request)`);
    row('tRPC  GET /trpc/ping (trivial procedure, as the app hosts it)', trpc);
    row('tRPC  GET /stock/ping (the same, stock Fastify adapter)', stock);
    row('plain GET /plain/ping (same JSON)', plain);
    row('tRPC  GET /trpc/ping,ping,ping?batch=1 (as hosted)', trpcBatch);
    row('tRPC  GET /stock/ping,ping,ping?batch=1 (stock adapter)', stockBatch);
    console.log(
      `      a trivial procedure costs ${(trpc.usPerRequest / plain.usPerRequest).toFixed(2)}× a plain route's ` +
        `server time as hosted (target ≤ 2×), ${(stock.usPerRequest / plain.usPerRequest).toFixed(2)}× through ` +
        `the stock adapter (throughput: ${(plain.rps / trpc.rps).toFixed(2)}× and ${(plain.rps / stock.rps).toFixed(2)}×, ` +
        `held down by the one client thread)`,
    );
    console.log(
      `      a batch of three: ${(trpcBatch.usPerRequest / plain.usPerRequest).toFixed(2)}× a plain route's server ` +
        `time as hosted, ${(stockBatch.usPerRequest / plain.usPerRequest).toFixed(2)}× through the stock adapter`,
    );
  } finally {
    await app.close();
  }
}
