// Coupons: percent or fixed, a validity window, a maximum of redemptions and one per user — held by
// the database under concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProgram, makeUser, outcome, type TestUser } from '../../testing/learning-fixtures';
import { payOnHostedPage, startBillingServer, type BillingTestServer } from './billing-testing';

let s: BillingTestServer;
let owner: TestUser;
beforeAll(async () => {
  s = await startBillingServer();
  owner = await makeUser(s, 'instructor');
});
afterAll(() => s.close());

const DAY = 86_400_000;
let n = 0;
async function coupon(data: {
  percentOff?: number;
  amountOff?: number;
  currency?: string;
  maxRedemptions?: number;
  validFrom?: Date;
  validUntil?: Date;
}) {
  return s.db.coupon.create({ data: { code: `TEST${Date.now()}${n++}`, ...data } });
}

describe('coupons', () => {
  it('50 concurrent orders on a coupon with 5 redemptions: exactly 5 discounted, the others refused', async () => {
    const c = await coupon({ percentOff: 20, maxRedemptions: 5, validFrom: new Date(s.clock.now().getTime() - DAY) });
    const program = await makeProgram(s, { ownerId: owner.id, prices: [999, 1499, 1999, 3499] });
    const buyers = await Promise.all(Array.from({ length: 50 }, () => makeUser(s, 'student')));
    const results = await Promise.allSettled(
      buyers.map((b) =>
        b.caller.payments.createIntent({
          programId: program.id,
          accessType: 'bundle',
          couponCode: c.code.toLowerCase(),
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(45);
    for (const r of refused)
      expect(r.reason).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', message: `Coupon ${c.code} has been used up.` });
    // 20% of 34.99 = 7.00 (rounded to the cent): 27.99 to pay.
    for (const o of ok)
      expect(o.order).toMatchObject({ subtotal: 34.99, discount: 7, total: 27.99, couponCode: c.code });
    const orders = await s.db.order.findMany({ where: { couponId: c.id } });
    expect(orders).toHaveLength(5);
    expect(await s.db.couponRedemption.count({ where: { couponId: c.id } })).toBe(5);
    expect((await s.db.coupon.findUniqueOrThrow({ where: { id: c.id } })).redeemedCount).toBe(5);
    // The PaymentIntents charge the discounted total.
    const pi = await s.sdk.paymentIntents.retrieve(ok[0]!.paymentIntentId!);
    expect(pi.amount).toBe(2799);
  });

  it('once per user; a fixed amount only in its currency; only inside its validity window', async () => {
    const now = s.clock.now().getTime();
    const program = await makeProgram(s, { ownerId: owner.id, prices: [999, 1499, 1999, 3499] });
    const other = await makeProgram(s, { ownerId: owner.id, prices: [999, 1499, 1999, 3499] });
    const buyer = await makeUser(s, 'student');
    const fixed = await coupon({ amountOff: 500, currency: 'USD', maxRedemptions: 100 });
    const first = await buyer.caller.payments.createIntent({ programId: program.id, couponCode: fixed.code });
    expect(first.order).toMatchObject({ discount: 5, total: 29.99 });
    await expect(
      buyer.caller.payments.createIntent({ programId: other.id, couponCode: fixed.code }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `You have already used coupon ${fixed.code}.`,
    });

    const rupees = await coupon({ amountOff: 10_000, currency: 'INR' });
    await expect(
      buyer.caller.payments.createIntent({ programId: other.id, couponCode: rupees.code }),
    ).rejects.toMatchObject({
      message: `Coupon ${rupees.code} is for INR prices; this is sold in USD.`,
    });
    const expired = await coupon({
      percentOff: 10,
      validFrom: new Date(now - 10 * DAY),
      validUntil: new Date(now - DAY),
    });
    expect(await outcome(buyer.caller.payments.createIntent({ programId: other.id, couponCode: expired.code }))).toBe(
      'UNPROCESSABLE_CONTENT',
    );
    const early = await coupon({ percentOff: 10, validFrom: new Date(now + DAY) });
    await expect(
      buyer.caller.payments.createIntent({ programId: other.id, couponCode: early.code }),
    ).rejects.toMatchObject({
      message: `Coupon ${early.code} is not valid yet.`,
    });
    await expect(
      buyer.caller.payments.createIntent({ programId: other.id, couponCode: 'NO-SUCH-CODE' }),
    ).rejects.toMatchObject({
      message: 'Coupon NO-SUCH-CODE does not exist or is no longer active.',
    });
    expect(await s.db.order.count({ where: { userId: buyer.id } })).toBe(1);
  });

  it('gives the redemption back when the order ends unpaid', async () => {
    const c = await coupon({ percentOff: 50, maxRedemptions: 1 });
    const program = await makeProgram(s, { ownerId: owner.id, prices: [999, 1499, 1999, 3499] });
    const a = await makeUser(s, 'student');
    const b = await makeUser(s, 'student');
    const checkout = await a.caller.payments.createCheckout({ programId: program.id, couponCode: c.code });
    // Half of 34.99 is 17.495: the discount rounds to 17.50, leaving 17.49.
    expect(checkout.amount).toBe(17.49);
    expect(await outcome(b.caller.payments.createCheckout({ programId: program.id, couponCode: c.code }))).toBe(
      'UNPROCESSABLE_CONTENT',
    );

    await s.sdk.checkout.sessions.expire(checkout.sessionId!);
    await s.settle();
    expect(await s.db.order.findUniqueOrThrow({ where: { id: checkout.orderId } })).toMatchObject({
      status: 'cancelled',
      paidAt: null,
    });
    expect((await s.db.coupon.findUniqueOrThrow({ where: { id: c.id } })).redeemedCount).toBe(0);

    const second = await b.caller.payments.createCheckout({ programId: program.id, couponCode: c.code });
    expect(second.amount).toBe(17.49);
    await payOnHostedPage(second.url);
    await s.settle();
    expect(await s.db.order.findUniqueOrThrow({ where: { id: second.orderId } })).toMatchObject({
      paymentStatus: 'completed',
      discount: 1750,
    });
  });
});
