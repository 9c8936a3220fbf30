import { describe, expect, it } from 'vitest';
import { limitLines, orderState } from './billing-labels';

const order = (o: Partial<Parameters<typeof orderState>[0]>) => ({
  status: 'pending' as const,
  paymentStatus: 'pending' as const,
  paidAt: null,
  amountRefunded: 0,
  ...o,
});

describe('billing labels', () => {
  it("says an order's state in one word from its two statuses", () => {
    expect(orderState(order({}))).toBe('pending');
    expect(orderState(order({ paymentStatus: 'failed' }))).toBe('failed');
    expect(orderState(order({ status: 'cancelled', paymentStatus: 'failed' }))).toBe('cancelled');
    const paid = { status: 'completed' as const, paymentStatus: 'completed' as const, paidAt: new Date() };
    expect(orderState(order(paid))).toBe('paid');
    expect(orderState(order({ ...paid, amountRefunded: 5 }))).toBe('partly-refunded');
    expect(orderState(order({ ...paid, status: 'cancelled', paymentStatus: 'refunded', amountRefunded: 34.99 }))).toBe(
      'refunded',
    );
  });

  it("says a plan's limits in words, -1 being unlimited", () => {
    // Not literals: the limits may carry more than the lines are about.
    const free = { aiMessages: 10, aiTokensPerMessage: 500, programs: 5, aiPriority: false };
    const premium = { aiMessages: -1, aiTokensPerMessage: 2000, programs: -1, aiPriority: true };
    expect(limitLines(free)).toEqual([
      '10 AI tutor messages a day',
      'AI answers up to 500 tokens',
      'Up to 5 programs at once',
    ]);
    expect(limitLines(premium)).toEqual([
      'Unlimited AI tutor messages',
      'AI answers up to 2,000 tokens',
      'Enroll in any number of programs',
    ]);
  });
});
