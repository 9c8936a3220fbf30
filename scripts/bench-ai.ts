// The AI tutor's relay in `pnpm bench` (issue 11): how much time the server adds between the
// provider's first token and the client's (the fake provider holds its first token until the
// client's request is under way, then both clocks are this process's), side by side with a raw
// Fastify route that pipes the provider's bytes through untouched; and the event-loop lag while
// many answers stream at once.
import { performance } from 'node:perf_hooks';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeAiServer, type FakeAiServer } from '@learningpt/ai/testing';
import { Worker } from 'node:worker_threads';
import type { LoadMessage, LoadReport } from './bench-ai-load';
import { lagMonitor, startProfile } from './bench-tools';
import { createSession, systemClock } from '@learningpt/core';
import type { Db } from '@learningpt/db';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { authSettingsFrom } from '../apps/server/src/plugins/session';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
};

/** Reads a response until the first chunk that carries a text delta; answers when it arrived. */
async function firstDelta(res: Response, marker: string): Promise<number> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error('the stream ended before a text delta');
    buf += value;
    if (buf.includes(marker)) {
      const at = performance.now();
      // Drain the rest so the connection is reused cleanly.
      void (async () => {
        while (!(await reader.read()).done);
      })().catch(() => {});
      return at;
    }
  }
}

async function waitHeld(fake: FakeAiServer, count: number) {
  await fake.waitForModelCalls(count);
  // The provider's call is open and its headers and opening events are out; the token is held.
  await new Promise((r) => setTimeout(r, 20));
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1]! };
};

export async function benchAiRelay({ db, url, env }: { db: Db; url: string; env: Record<string, string> }) {
  const fake = await startFakeAiServer();
  const aiEnv = {
    DATABASE_URL: url,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    AI_PROVIDER: 'openai',
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_MODEL: 'gpt-bench',
    AI_MODERATION: 'local',
    AI_MAX_IN_FLIGHT: '1000',
  };
  const config = loadConfig({ ...env, ...aiEnv, OPENAI_BASE_URL: fake.baseUrl });
  const app = await buildApp({ config, db, clock: systemClock }, { closeDb: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });

  // The raw floor: the provider's bytes piped through a plain Node HTTP handler, nothing parsed or saved.
  const raw = createServer((req, res) => {
    req.resume();
    void (async () => {
      const upstream = await fetch(`${fake.baseUrl}/responses`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-bench', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-bench', stream: true, input: [{ role: 'user', content: 'hi' }] }),
      });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for await (const chunk of upstream.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
    })().catch(() => res.destroy());
  });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  const rawBase = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;

  // A premium learner (no daily limit), signed in.
  const user = await db.user.create({
    data: { email: `bench.ai.${Date.now()}@example.org`, name: 'Bench learner', emailVerified: true },
  });
  const now = Date.now();
  await db.subscription.create({
    data: {
      userId: user.id,
      planId: 'premium',
      status: 'active',
      currentPeriodStart: new Date(now - 86_400_000),
      currentPeriodEnd: new Date(now + 30 * 86_400_000),
    },
  });
  const { token } = await createSession({ db, clock: systemClock, policy: authSettingsFrom(config), userId: user.id });
  const ask = (message: string) =>
    fetch(`${base}/api/ai/chat/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message }),
    });

  const ROUNDS = Number(process.env.BENCH_AI_ROUNDS ?? 40);
  const measure = async (kind: 'tutor' | 'raw') => {
    const out: number[] = [];
    for (let i = 0; i < ROUNDS + 5; i++) {
      fake.reset();
      const g = gate();
      fake.enqueue({ chunks: ['FIRSTTOKEN ', 'and the rest.'], holdBefore: { index: 0, until: g.opened } });
      const res = await (kind === 'tutor' ? ask(`Relay question ${i}`) : fetch(`${rawBase}/relay`, { method: 'POST' }));
      if (!res.ok) throw new Error(`${kind} answered ${res.status}: ${await res.text()}`);
      const arrived = firstDelta(res, 'FIRSTTOKEN');
      await waitHeld(fake, 1);
      const released = performance.now();
      g.open();
      const at = await arrived;
      if (i >= 5) out.push(at - released); // the first rounds warm up
    }
    return stats(out);
  };
  const tutor = await measure('tutor');
  const floor = await measure('raw');

  console.log(
    '\nAI tutor relay: provider first token → client (target ≤ 5 ms)'.padEnd(64),
    'p50 ms'.padStart(8),
    'p95 ms'.padStart(8),
    'max ms'.padStart(8),
  );
  const row = (name: string, s: ReturnType<typeof stats>) =>
    console.log(
      name.padEnd(64),
      s.p50.toFixed(2).padStart(8),
      s.p95.toFixed(2).padStart(8),
      s.max.toFixed(2).padStart(8),
    );
  row('POST /api/ai/chat/stream (AI SDK, UI message stream, saved)', tutor);
  row('raw Node HTTP handler piping the provider bytes (floor)', floor);
  console.log(`${'overhead over the floor (p50)'.padEnd(64)} ${(tutor.p50 - floor.p50).toFixed(2).padStart(8)}`);

  // Streams held open at once: each answer trickles a token every 50 ms for ~3 s, the requests
  // arriving over one second. The provider and the learners run in a worker thread (in production
  // they are other machines), so the lag measured is the API's own. Measured twice: while all
  // are held open (every stream has its first token; the target), and over the second they open
  // in (each request's checks and writes before its stream starts).
  const sizes = (process.env.BENCH_AI_STREAMS ?? '100,200,400').split(',').map(Number);
  // A worker runs TypeScript through tsx's loader, registered in the worker before the import.
  const load = new Worker(
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
       .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.resolve('./bench-ai-load.ts'))}); })`,
    { eval: true },
  );
  const reports: LoadReport[] = [];
  let wake = () => {};
  load.on('message', (m: LoadReport) => {
    reports.push(m);
    wake();
  });
  const next = async <T extends LoadReport['type']>(type: T) => {
    for (;;) {
      const i = reports.findIndex((r) => r.type === type);
      if (i >= 0) return reports.splice(i, 1)[0] as Extract<LoadReport, { type: T }>;
      await new Promise<void>((r) => (wake = r));
    }
  };
  const { baseUrl } = await next('fake');
  const loadConfigured = loadConfig({ ...env, ...aiEnv, OPENAI_BASE_URL: baseUrl });
  const loadApp = await buildApp({ config: loadConfigured, db, clock: systemClock }, { closeDb: false });
  const loadBase = await loadApp.listen({ host: '127.0.0.1', port: 0 });
  const ms = (lag: number) => lag.toFixed(1).padStart(8);
  console.log(
    `${'streams held open at once (a token each 50 ms): event-loop lag'.padEnd(64)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
  );
  for (const open of sizes) {
    const burst = lagMonitor();
    const held = lagMonitor();
    burst.enable();
    load.postMessage({ type: 'run', base: loadBase, token, open, spacingMs: 1000 / open } satisfies LoadMessage);
    await next('all-open');
    burst.disable();
    held.enable();
    const profile = await startProfile();
    const { refused, statuses } = await next('done');
    await profile.stop(`ai-held-${open}`);
    held.disable();
    const note = refused > 0 ? `  (${refused} refused: ${JSON.stringify(statuses)})` : '';
    console.log(
      `${`  ${open} streams, all open (target lag ≤ 20 ms)`.padEnd(64)} ${ms(held.percentile(50))} ${ms(held.percentile(99))} ${ms(held.max)}${note}`,
    );
    console.log(
      `${`  ${open} streams, while they open (requests' checks and writes)`.padEnd(64)} ${ms(burst.percentile(50))} ${ms(burst.percentile(99))} ${ms(burst.max)}`,
    );
  }
  load.postMessage({ type: 'close' } satisfies LoadMessage);
  await loadApp.close();

  await app.close();
  raw.closeAllConnections();
  await new Promise((r) => raw.close(r));
  await fake.close();
}
