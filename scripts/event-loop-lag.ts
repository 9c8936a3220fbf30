// Event-loop lag for the benchmarks: how late a timer that should fire every `resolution` ms
// fires. Node's histogram records the whole interval, so the resolution is taken off each figure
// (as @fastify/under-pressure does); an idle loop reads about 0 ms.
import { monitorEventLoopDelay } from 'node:perf_hooks';

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
