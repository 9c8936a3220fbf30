// A cap on model calls in flight in this process (AI_MAX_IN_FLIGHT). When it is reached, calls
// wait in line; priority callers (plans with aiPriority) go ahead of the others, first come first
// served within each class. A waiting caller that gives up (client gone) leaves the line.

export interface ModelGate {
  /** Waits for a slot; the returned function frees it (call it exactly once). */
  acquire(opts: { priority: boolean; signal?: AbortSignal }): Promise<() => void>;
  readonly inFlight: number;
  readonly waiting: number;
}

const abortError = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new Error('The request was aborted while waiting for a model slot');

export function createModelGate(maxInFlight: number): ModelGate {
  let inFlight = 0;
  const lines: { priority: (() => void)[]; normal: (() => void)[] } = { priority: [], normal: [] };

  const release = () => {
    const next = lines.priority.shift() ?? lines.normal.shift();
    if (next) next();
    else inFlight--;
  };
  const once = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  };

  return {
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return lines.priority.length + lines.normal.length;
    },
    acquire({ priority, signal }) {
      if (inFlight < maxInFlight) {
        inFlight++;
        return Promise.resolve(once());
      }
      return new Promise((resolve, reject) => {
        const line = priority ? lines.priority : lines.normal;
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(once()); // the slot passes from the releaser to this caller
        };
        const onAbort = () => {
          const i = line.indexOf(grant);
          if (i >= 0) line.splice(i, 1);
          reject(abortError(signal!));
        };
        if (signal?.aborted) return reject(abortError(signal));
        signal?.addEventListener('abort', onAbort, { once: true });
        line.push(grant);
      });
    },
  };
}
