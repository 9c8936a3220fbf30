import { randomFillSync } from 'node:crypto';

// Random bytes drawn 4 KiB at a time (as crypto.randomUUID caches its entropy): a graded attempt
// writes fifty rows, and one system call per id cost more than the rest of making it.
const pool = Buffer.alloc(16 * 256);
let used = pool.length;

/** A UUIDv7 like the ids Prisma generates, for rows written with raw SQL. */
export function uuid7(now = Date.now()): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const b = pool.subarray(used, (used += 16));
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
