import { describe, expect, it } from 'vitest';
import { pageOffset, paginationMeta } from './pagination';
import { toMajor, toMinor } from './money';

describe('paginationMeta', () => {
  it('describes a middle page', () => {
    expect(paginationMeta(95, 2, 12)).toEqual({
      currentPage: 2,
      totalPages: 8,
      total: 95,
      hasNext: true,
      hasPrev: true,
    });
  });
  it('has no next page on the last page and no pages when empty', () => {
    expect(paginationMeta(24, 2, 12)).toMatchObject({ totalPages: 2, hasNext: false, hasPrev: true });
    expect(paginationMeta(0, 1, 12)).toMatchObject({ totalPages: 0, hasNext: false, hasPrev: false });
  });
  it('asks for the right offset', () => {
    expect(pageOffset(1, 12)).toBe(0);
    expect(pageOffset(3, 5)).toBe(10);
  });
});

describe('money', () => {
  it('round-trips decimal amounts through minor units', () => {
    expect(toMinor(19.99)).toBe(1999);
    expect(toMinor(0.29)).toBe(29);
    expect(toMajor(3499)).toBe(34.99);
    expect(toMajor(0)).toBe(0);
  });
});
