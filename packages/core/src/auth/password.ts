import { availableParallelism } from 'node:os';
import argon2 from 'argon2';

// OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * At most this many argon2 runs at once in this process (each holds 19 MiB and a libuv thread);
 * a burst of sign-ins waits its turn instead of exhausting memory and starving other I/O.
 * The host sets it from its configuration (PASSWORD_HASH_CONCURRENCY).
 */
let maxConcurrency = Math.min(4, availableParallelism());

export function configurePasswordHasher({ concurrency }: { concurrency: number }): void {
  maxConcurrency = Math.max(1, Math.floor(concurrency));
}

let running = 0;
const waiting: (() => void)[] = [];
let peak = 0;

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrency) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  peak = Math.max(peak, running);
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Runs now and waiting (for tests and metrics): how busy the password hasher is. */
export function passwordHasherLoad(): { running: number; waiting: number; peak: number; max: number } {
  return { running, waiting: waiting.length, peak, max: maxConcurrency };
}

/** Resets the peak counter (tests). */
export function resetPasswordHasherPeak(): void {
  peak = running;
}

export function hashPassword(plain: string): Promise<string> {
  return bounded(() => argon2.hash(plain, PASSWORD_HASH_OPTIONS));
}

export function verifyPassword(hash: string, plain: string): Promise<boolean> {
  return bounded(() => argon2.verify(hash, plain));
}

/** True when a stored hash was made with other parameters and should be replaced at next sign-in. */
export function passwordNeedsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, PASSWORD_HASH_OPTIONS);
}
