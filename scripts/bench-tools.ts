// What the benchmarks share: an HTTP load from a worker thread, a CPU profile of a timed phase,
// and the event-loop lag.
import { mkdir, writeFile } from 'node:fs/promises';
import inspector from 'node:inspector/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

// The load runs in a worker thread: the server's event loop is not shared with its clients
// (on 2 cores the worker, the server and PostgreSQL still share the machine).
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const { performance } = require('node:perf_hooks');
const { url, connections, duration } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const get = () => new Promise((resolve, reject) => {
  const req = request(url, { agent }, (res) => {
    res.on('data', () => {});
    res.on('end', () => resolve(res.statusCode));
    res.on('error', reject);
  });
  req.on('error', reject);
  req.end();
});
(async () => {
  for (let i = 0; i < 100; i++) await get();
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const end = started + duration;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < end) {
      const t = performance.now();
      // Failures (a 500 of a pool timeout under load) are counted and shown, not timed.
      if ((await get()) !== 200) errors++;
      else latencies.push(performance.now() - t);
    }
  }));
  agent.destroy();
  parentPort.postMessage({ latencies, errors, seconds: (performance.now() - started) / 1000 });
})();
`;

/** GETs `url` over `connections` keep-alive connections for `durationMs`, from a worker thread. */
export async function httpLoad({
  url,
  connections,
  durationMs,
}: {
  url: string;
  connections: number;
  durationMs: number;
}) {
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: { url, connections, duration: durationMs },
  });
  const { latencies, errors, seconds } = await new Promise<{ latencies: number[]; errors: number; seconds: number }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  await worker.terminate();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  if (latencies.length === 0) return { rps: 0, p50: NaN, p99: NaN, errors, count: 0 };
  return { rps: latencies.length / seconds, p50: q(0.5), p99: q(0.99), errors, count: latencies.length };
}

/** BENCH_CPU_PROFILE=<dir>: a CPU profile of this process over the timed phase (open it in DevTools). */
export async function startProfile() {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return { stop: async (_name: string) => {} };
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async (name: string) => {
      const { profile } = await session.post('Profiler.stop');
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

// Event-loop lag: how late a timer that should fire every `resolution` ms fires. Node's histogram
// records the whole interval, so the resolution is taken off each figure (as
// @fastify/under-pressure does); an idle loop reads about 0 ms.
const RESOLUTION_MS = 5;

export function lagMonitor() {
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  const lag = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  return {
    enable: () => h.enable(),
    disable: () => h.disable(),
    /** Lag in ms at a percentile (0..100). */
    percentile: (p: number) => lag(h.percentile(p)),
    get max() {
      return lag(h.max);
    },
  };
}
