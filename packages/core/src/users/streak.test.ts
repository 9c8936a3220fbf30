import { describe, expect, it } from 'vitest';
import { computeStreaks } from './streak';

describe('computeStreaks', () => {
  it('is zero without activity', () => {
    expect(computeStreaks([], '2026-11-23')).toEqual({ current: 0, longest: 0 });
  });
  it('counts back from today, or from yesterday when today is still empty', () => {
    const days = ['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-22'];
    expect(computeStreaks(days, '2026-11-23')).toEqual({ current: 3, longest: 3 });
    expect(computeStreaks(days.slice(0, 2), '2026-11-23')).toEqual({ current: 2, longest: 2 });
  });
  it('drops the current streak after a missed day but keeps the longest', () => {
    const days = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-11-20'];
    expect(computeStreaks(days, '2026-11-23')).toEqual({ current: 0, longest: 4 });
  });
  it('crosses month ends and ignores future days', () => {
    expect(computeStreaks(['2026-10-31', '2026-11-01', '2026-11-02', '2026-12-01'], '2026-11-02')).toEqual({
      current: 3,
      longest: 3,
    });
  });
});
