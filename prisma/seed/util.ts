// Deterministic time and id helpers for the demo data. Nothing here reads the clock or a random
// source, so two runs of the seed produce the same rows (ids included).
import { createHash } from 'node:crypto';

/** Every demo timestamp is an offset from this instant (a Monday morning, UTC). */
export const BASE_DATE = new Date('2026-01-05T09:00:00.000Z');

const DAY_MS = 86_400_000;

/** BASE_DATE shifted by whole days plus optional hours/minutes (negative = before the base date). */
export function at(days: number, hours = 0, minutes = 0): Date {
  return new Date(BASE_DATE.getTime() + days * DAY_MS + hours * 3_600_000 + minutes * 60_000);
}

/** A fixed calendar instant, independent of BASE_DATE (for events far in the future). */
export function utc(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Bad date in seed data: ${iso}`);
  return d;
}

export function addMinutes(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** Midnight UTC of the day (for `@db.Date` columns). */
export function dayOf(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/**
 * A UUIDv7-shaped id that is a pure function of (key, time): the first 48 bits are the time in
 * milliseconds (so ids sort like their rows' creation times, as real UUIDv7s do), the remaining
 * bits come from sha256 of the key. Stable across runs, unique as long as keys are unique.
 */
export function seedId(key: string, time: Date): string {
  const ms = BigInt(time.getTime());
  const bytes = Buffer.alloc(16);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  const h = createHash('sha256').update(`learningpt-demo:${key}`).digest();
  h.copy(bytes, 6, 0, 10);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f); // version 7
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Throws when a condition the demo data relies on does not hold (checked when the module loads). */
export function invariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`Demo data is inconsistent: ${message}`);
}

/** Counts items per key, keys in first-seen order. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
