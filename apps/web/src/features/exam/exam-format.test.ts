import { describe, expect, it } from 'vitest';
import { formatClock, formatPoints, formatSpan } from './exam-format';

describe('exam formats', () => {
  it('shows the countdown as a clock face', () => {
    expect(formatClock(600)).toBe('10:00');
    expect(formatClock(59.4)).toBe('0:59');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(-3)).toBe('0:00');
  });
  it('says a time taken in words', () => {
    expect(formatSpan(0)).toBe('0 s');
    expect(formatSpan(45)).toBe('45 s');
    expect(formatSpan(754)).toBe('12 min 34 s');
    expect(formatSpan(3600)).toBe('1 h');
  });
  it('keeps partial credit readable', () => {
    expect(formatPoints(8)).toBe('8');
    expect(formatPoints(7.5)).toBe('7.5');
    expect(formatPoints(1 / 3)).toBe('0.3');
  });
});
