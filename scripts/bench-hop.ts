// The cost of the tRPC hop in `pnpm bench`: a trivial procedure (our procedure base with its
// middlewares, superjson, the stock Fastify adapter, as the app mounts it) against a plain Fastify
// route answering the same JSON, both on one Fastify instance, measured alike at 50 connections.
// The client runs in this process too, so its cost is in both figures: the ratio is a lower bound
// of what the hop costs the server alone.
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import superjson from 'superjson';
import { createTRPCRouter, publicProcedure, type AppContext } from '../packages/api/src/trpc';

const CONNECTIONS = 50;

async function measure(url: string, ms: number) {
  for (let i = 0; i < 200; i++) await (await fetch(url)).arrayBuffer();
  const latencies: number[] = [];
  const end = performance.now() + ms;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${url} answered ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { rps: latencies.length / (ms / 1000), p50: q(0.5), p99: q(0.99) };
}

export async function benchTrpcHop({ durationMs }: { durationMs: number }) {
  const router = createTRPCRouter({ ping: publicProcedure.query(() => ({ ok: true, at: 'hop' })) });
  const app = Fastify({ logger: false });
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    // The procedures read nothing of the context here; the hop is what is measured.
    trpcOptions: { router, createContext: () => ({}) as AppContext },
  });
  app.get('/plain/ping', () => ({ result: { data: superjson.serialize({ ok: true, at: 'hop' }) } }));
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const trpcUrl = `${base}/trpc/ping`;
    const plainUrl = `${base}/plain/ping`;
    const [a, b] = await Promise.all([(await fetch(trpcUrl)).text(), (await fetch(plainUrl)).text()]);
    if (a !== b) throw new Error(`the plain route answers differently: ${a} vs ${b}`);
    const trpc = await measure(trpcUrl, durationMs);
    const plain = await measure(plainUrl, durationMs);
    const row = (name: string, f: { rps: number; p50: number; p99: number }) =>
      console.log(
        name.padEnd(64),
        f.rps.toFixed(0).padStart(8),
        f.p50.toFixed(2).padStart(8),
        ''.padStart(8),
        f.p99.toFixed(2).padStart(8),
      );
    console.log(`\ntRPC hop (${CONNECTIONS} connections)`);
    row('tRPC  GET /trpc/ping (trivial procedure, stock Fastify adapter)', trpc);
    row('plain GET /plain/ping (same JSON)', plain);
    console.log(`      a trivial procedure costs ${(plain.rps / trpc.rps).toFixed(2)}× a plain route (target ≤ 2×)`);
  } finally {
    await app.close();
  }
}
