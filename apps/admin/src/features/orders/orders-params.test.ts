import { describe, expect, it } from 'vitest';
import { allowedStatuses, refundable } from './order-badges';
import { parseOrderParams, toOrderParams } from './orders-params';

describe('orders filters in the URL', () => {
  it('reads what it understands and drops the rest', () => {
    const f = parseOrderParams(
      new URLSearchParams('q=%20LG-2026%20&status=completed&payment=refunded&from=2026-11-01&to=2026-11-30&page=3'),
    );
    expect(f).toEqual({
      page: 3,
      search: 'LG-2026',
      status: 'completed',
      paymentStatus: 'refunded',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(parseOrderParams(new URLSearchParams('status=lost&payment=x&from=yesterday&page=-2'))).toEqual({ page: 1 });
  });

  it('writes them back the same way, page 1 left out', () => {
    const params = toOrderParams({ page: 1, search: 'ann@example.com', paymentStatus: 'failed', to: '2026-12-01' });
    expect(params.toString()).toBe('q=ann%40example.com&payment=failed&to=2026-12-01');
    expect(parseOrderParams(params)).toEqual({
      page: 1,
      search: 'ann@example.com',
      paymentStatus: 'failed',
      to: '2026-12-01',
    });
  });
});

describe('what an admin may do with an order', () => {
  const paid = {
    status: 'completed' as const,
    paymentStatus: 'completed' as const,
    paidAt: new Date(),
    paymentMethod: 'stripe' as const,
    total: 34.99,
    amountRefunded: 0,
    refunds: [],
  };

  it('moves a paid order between its fulfilment states, an unpaid one only to cancelled', () => {
    expect(allowedStatuses(paid)).toEqual(['confirmed', 'processing', 'completed']);
    expect(allowedStatuses({ status: 'pending', paymentStatus: 'pending', paidAt: null })).toEqual([
      'pending',
      'cancelled',
    ]);
    expect(allowedStatuses({ status: 'cancelled', paymentStatus: 'failed', paidAt: null })).toEqual([]);
    expect(allowedStatuses({ ...paid, status: 'cancelled', paymentStatus: 'refunded' })).toEqual([]);
  });

  it('refunds what was paid through Stripe and is not refunded or being refunded', () => {
    expect(refundable(paid)).toBe(34.99);
    const pending = { id: 'r', amount: 10, status: 'pending' as const, reason: null, createdAt: new Date() };
    expect(refundable({ ...paid, amountRefunded: 4.99, refunds: [pending] })).toBe(20);
    expect(refundable({ ...paid, paymentStatus: 'refunded' })).toBe(0);
    expect(refundable({ ...paid, paymentMethod: 'manual' })).toBe(0);
    expect(refundable({ ...paid, paidAt: null })).toBe(0);
  });
});
