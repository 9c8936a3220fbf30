// Refunds through Stripe (never more than was paid), what a full refund takes back, revenue net of
// refunds, the admin's order status, and the daily reconciliation repairing missed webhooks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileBilling } from '@learningpt/core';
import { makeProgram, makeUser, type TestUser } from '../../testing/learning-fixtures';
import { payOnHostedPage, startBillingServer, type BillingTestServer } from './billing-testing';

let s: BillingTestServer;
let owner: TestUser;
let admin: TestUser;
beforeAll(async () => {
  s = await startBillingServer();
  owner = await makeUser(s, 'instructor', 'Refund Teacher');
  admin = await makeUser(s, 'admin');
});
afterAll(() => s.close());

const MINUTE = 60_000;

/** A student who bought the bundle of a new program (34.99), paid at once with a test card. */
async function purchase(accessType: 'bundle' | 'chatbot' = 'bundle') {
  const user = await makeUser(s, 'student');
  const program = await makeProgram(s, { ownerId: owner.id, prices: [999, 1499, 1999, 3499] });
  const paid = await user.caller.payments.createIntent({
    programId: program.id,
    accessType,
    paymentMethodId: 'pm_card_visa',
  });
  expect(paid.order.paymentStatus).toBe('completed');
  return { user, program, orderId: paid.orderId, paymentIntentId: paid.paymentIntentId! };
}

const refund = (orderId: string, payload: object, token = admin.token) =>
  s.rest<{
    success: boolean;
    message: string;
    order: { paymentStatus: string; status: string; amountRefunded: number };
    error?: { message: string };
  }>({
    method: 'POST',
    url: `/api/orders/${orderId}/refund`,
    headers: s.bearer(token),
    payload,
  });
const enrollment = (userId: string, programId: string) =>
  s.db.enrollment.findUniqueOrThrow({ where: { userId_programId: { userId, programId } } });
const emailOf = async (u: TestUser) => (await s.db.user.findUniqueOrThrow({ where: { id: u.id } })).email;

describe('refunds', () => {
  it('a full refund goes through Stripe, cancels the order and takes the access back (once)', async () => {
    const { user, program, orderId, paymentIntentId } = await purchase();
    expect((await s.db.program.findUniqueOrThrow({ where: { id: program.id } })).enrolledCount).toBe(1);
    const res = await refund(orderId, { reason: 'Asked within 14 days' });
    expect(res.status).toBe(200);
    expect(res.body.order).toMatchObject({ paymentStatus: 'refunded', status: 'cancelled', amountRefunded: 34.99 });
    const atStripe = await s.sdk.refunds.list({ payment_intent: paymentIntentId });
    expect(atStripe.data.map((r) => [r.amount, r.status])).toEqual([[3499, 'succeeded']]);
    await s.settle(); // charge.refunded finds the refund already recorded
    expect(await s.db.refund.count({ where: { payment: { orderId } } })).toBe(1);
    expect(await enrollment(user.id, program.id)).toMatchObject({
      status: 'cancelled',
      chatbotAccess: false,
      examSimulatorAccess: false,
    });
    expect((await s.db.program.findUniqueOrThrow({ where: { id: program.id } })).enrolledCount).toBe(0);
    expect(JSON.stringify(await user.caller.programs.lessons({ id: program.id }))).not.toContain(
      'Content of lesson 2.1',
    );
    expect(await s.emails(await emailOf(user), 'refund-issued')).toHaveLength(1);
    expect((await refund(orderId, {})).status).toBe(409);
  });

  it('partial refunds keep the access; concurrent ones never exceed what was paid', async () => {
    const { user, program, orderId, paymentIntentId } = await purchase();
    expect((await refund(orderId, { amount: 10 })).body.order).toMatchObject({
      paymentStatus: 'completed',
      amountRefunded: 10,
    });
    expect(await enrollment(user.id, program.id)).toMatchObject({ status: 'active', documentationAccess: true });
    const tooMuch = await refund(orderId, { amount: 30 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error?.message).toBe('At most $24.99 can still be refunded for this order.');

    const results = await Promise.all(Array.from({ length: 5 }, () => refund(orderId, { amount: 10 })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 422, 422, 422]);
    const atStripe = await s.sdk.refunds.list({ payment_intent: paymentIntentId });
    const refunded = atStripe.data.reduce((sum, r) => sum + r.amount, 0);
    expect(refunded).toBe(3000);
    await s.settle();
    const rows = await s.db.refund.findMany({ where: { payment: { orderId }, status: 'succeeded' } });
    expect(rows.reduce((sum, r) => sum + r.amount, 0)).toBe(3000);
    expect(await enrollment(user.id, program.id)).toMatchObject({ status: 'active' });
  });

  it('a refund made in the Stripe Dashboard is recorded from the webhook; a full one revokes', async () => {
    const { user, program, orderId, paymentIntentId } = await purchase('chatbot');
    await s.sdk.refunds.create({ payment_intent: paymentIntentId });
    await s.settle();
    const order = await s.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ paymentStatus: 'refunded', status: 'cancelled' });
    expect(await s.db.refund.count({ where: { payment: { orderId }, status: 'succeeded', createdById: null } })).toBe(
      1,
    );
    expect((await enrollment(user.id, program.id)).status).toBe('cancelled');
  });

  it('only admins refund; an unpaid order has nothing to refund', async () => {
    const { user, orderId } = await purchase();
    expect((await refund(orderId, {}, user.token)).status).toBe(403);
    expect((await refund(orderId, {}, owner.token)).status).toBe(403);
    const buyer = await makeUser(s, 'student');
    const program = await makeProgram(s, { ownerId: owner.id });
    const unpaid = await buyer.caller.payments.createIntent({ programId: program.id });
    expect((await refund(unpaid.orderId, {})).status).toBe(422);
  });
});

describe('order status (admin)', () => {
  it('moves a paid order between fulfilment states; cancelling an unpaid one closes its checkout at Stripe', async () => {
    const { orderId } = await purchase();
    const setStatus = (id: string, status: string) =>
      s.rest<{ order?: { status: string }; error?: { message: string } }>({
        method: 'PUT',
        url: `/api/orders/${id}/status`,
        headers: s.bearer(admin.token),
        payload: { status },
      });
    expect((await setStatus(orderId, 'processing')).body.order?.status).toBe('processing');
    const refused = await setStatus(orderId, 'cancelled');
    expect(refused.status).toBe(422);
    expect(refused.body.error?.message).toContain('refund');

    const buyer = await makeUser(s, 'student');
    const program = await makeProgram(s, { ownerId: owner.id });
    const checkout = await buyer.caller.payments.createCheckout({ programId: program.id });
    expect((await setStatus(checkout.orderId, 'completed')).status).toBe(422);
    expect((await setStatus(checkout.orderId, 'Canceled')).body.order?.status).toBe('cancelled');
    expect((await s.sdk.checkout.sessions.retrieve(checkout.sessionId!)).status).toBe('expired');
    expect(await s.db.auditLog.count({ where: { entityId: checkout.orderId, action: 'order.status' } })).toBe(1);
  });
});

describe('revenue', () => {
  it('the instructor dashboard and the admin analytics count paid orders net of refunds', async () => {
    const teacher = await makeUser(s, 'instructor');
    const program = await makeProgram(s, { ownerId: teacher.id, prices: [999, 1499, 1999, 3499] });
    const analytics = async () =>
      (await admin.caller.orders.analytics()).analytics.revenue.find((r) => r.currency === 'USD') ?? {
        grossRevenue: 0,
        refunds: 0,
        netRevenue: 0,
        paidOrders: 0,
      };
    const before = await analytics();
    const a = await makeUser(s, 'student');
    const b = await makeUser(s, 'student');
    const c = await makeUser(s, 'student');
    const bought = await a.caller.payments.createIntent({ programId: program.id, paymentMethodId: 'pm_card_visa' });
    const refunded = await b.caller.payments.createIntent({
      programId: program.id,
      accessType: 'chatbot',
      paymentMethodId: 'pm_card_visa',
    });
    await c.caller.payments
      .createIntent({ programId: program.id, paymentMethodId: 'pm_card_chargeDeclined' })
      .catch(() => null);
    expect((await refund(bought.orderId, { amount: 5 })).status).toBe(200);
    expect((await refund(refunded.orderId, {})).status).toBe(200);

    const { stats } = await teacher.caller.instructors.dashboard();
    // 34.99 - 5.00 refunded; 9.99 fully refunded; the declined order never counted.
    expect(stats).toMatchObject({ totalRevenue: 29.99, revenueThisMonth: 29.99, currency: 'USD' });
    const after = await analytics();
    expect(Math.round((after.grossRevenue - before.grossRevenue) * 100)).toBe(3499 + 999);
    expect(Math.round((after.refunds - before.refunds) * 100)).toBe(500 + 999);
    expect(Math.round((after.netRevenue - before.netRevenue) * 100)).toBe(2999);
    expect(after.paidOrders - before.paidOrders).toBe(2);
  });
});

describe('daily reconciliation', () => {
  it('repairs what lost webhooks left: a paid checkout, a Dashboard refund, a subscription', async () => {
    const buyer = await makeUser(s, 'student');
    const program = await makeProgram(s, { ownerId: owner.id, prices: [999, 1499, 1999, 3499] });
    const checkout = await buyer.caller.payments.createCheckout({ programId: program.id });
    const { orderId: refundedOrder, paymentIntentId } = await purchase('chatbot');
    const subscriber = await makeUser(s, 'student');
    const sub = await subscriber.caller.subscriptions.subscribe({ planId: 'basic' });

    s.stripe.setWebhookUrl(null); // every event below is lost
    try {
      expect((await payOnHostedPage(checkout.url)).status).toBe(303);
      await s.sdk.refunds.create({ payment_intent: paymentIntentId, amount: 300 });
      expect((await payOnHostedPage(sub.checkoutUrl!)).status).toBe(303);
    } finally {
      s.stripe.setWebhookUrl(s.webhookUrl);
    }
    await s.settle();
    expect(await s.db.order.findUniqueOrThrow({ where: { id: checkout.orderId } })).toMatchObject({ paidAt: null });
    expect(await s.db.subscription.count({ where: { userId: subscriber.id } })).toBe(0);

    s.clock.advance(11 * MINUTE);
    try {
      const report = await reconcileBilling(s.deps);
      expect(report.errors).toBe(0);
      expect(await s.db.order.findUniqueOrThrow({ where: { id: checkout.orderId } })).toMatchObject({
        paymentStatus: 'completed',
      });
      expect((await enrollment(buyer.id, program.id)).status).toBe('active');
      const refunds = await s.db.refund.findMany({ where: { payment: { orderId: refundedOrder } } });
      expect(refunds.map((r) => [r.amount, r.status])).toEqual([[300, 'succeeded']]);
      expect(await s.db.subscription.findFirst({ where: { userId: subscriber.id } })).toMatchObject({
        planId: 'basic',
        status: 'active',
      });
      // A second run finds nothing more to do.
      await reconcileBilling(s.deps);
      expect(await s.db.refund.count({ where: { payment: { orderId: refundedOrder } } })).toBe(1);
      expect(await s.db.payment.count({ where: { orderId: checkout.orderId } })).toBe(1);
    } finally {
      s.clock.set(new Date('2026-11-23T12:00:00Z'));
    }
  });
});
