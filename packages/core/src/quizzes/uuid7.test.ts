import { describe, expect, it } from 'vitest';
import { uuid7 } from './uuid7';

describe('uuid7', () => {
  it('is a version 7 UUID whose first 48 bits are the time given', () => {
    const at = Date.UTC(2026, 11, 3, 12, 0, 0, 123);
    const id = uuid7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('never repeats, across many refills of its random bytes, even within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, () => uuid7(1_000));
    expect(new Set(ids).size).toBe(ids.length);
    // The random part differs too (not only a counter).
    expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(ids.length);
  });

  it('sorts by time as text', () => {
    const ids = [3, 1, 2].map((t) => uuid7(1_700_000_000_000 + t));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });
});
