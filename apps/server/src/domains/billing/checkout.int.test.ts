// One-time purchases end to end: the app's Stripe SDK against the local Stripe, the buyer paying on
// its hosted page, signed webhooks into the real route, the job applying Stripe's state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processStripeEvent } from '@learningpt/core';
import { makeProgram, makeUser, type TestProgram, type TestUser } from '../../testing/learning-fixtures';
import { payOnHostedPage, startBillingServer, type BillingTestServer } from './billing-testing';

let s: BillingTestServer;
let owner: TestUser;

beforeAll(async () => {
  s = await startBillingServer();
  owner = await makeUser(s, 'instructor', 'Owner Teacher');
});
afterAll(() => s.close());

const emailOf = async (u: TestUser) => (await s.db.user.findUniqueOrThrow({ where: { id: u.id } })).email;
const enrollments = (userId: string, programId: string) => s.db.enrollment.findMany({ where: { userId, programId } });
const enrolledCount = async (programId: string) =>
  (await s.db.program.findUniqueOrThrow({ where: { id: programId } })).enrolledCount;

async function buyer(): Promise<{ user: TestUser; program: TestProgram }> {
  return {
    user: await makeUser(s, 'student'),
    program: await makeProgram(s, { ownerId: owner.id, prices: [999, 1499, 1999, 3499] }),
  };
}

describe('Checkout for a program feature', () => {
  it('one checkout.session.completed delivered 10 times in a row and 10 at once: one paid order, one enrollment, one email', async () => {
    const { user, program } = await buyer();
    const checkout = await user.caller.payments.createCheckout({ programId: program.id, accessType: 'bundle' });
    expect(checkout).toMatchObject({
      amount: 34.99,
      currency: 'USD',
      order: { status: 'pending', paymentStatus: 'pending' },
    });
    expect(checkout.orderNumber).toMatch(/^LG-2026-\d{6}$/);
    expect(checkout.url.startsWith(s.stripe.url)).toBe(true);

    const paid = await payOnHostedPage(checkout.url);
    expect(paid.status).toBe(303);
    expect(paid.location).toContain(`/orders/${checkout.orderId}?checkout=success&session_id=${checkout.sessionId}`);
    await s.settle();

    const completed = s.stripe
      .events('checkout.session.completed')
      .find((e) => (e.data as { object: { id: string } }).object.id === checkout.sessionId)!;
    for (let i = 0; i < 10; i++) expect((await s.stripe.deliver(completed.id as string)).status).toBe(200);
    const together = await Promise.all(Array.from({ length: 10 }, () => s.stripe.deliver(completed.id as string)));
    expect(together.map((d) => d.status)).toEqual(Array(10).fill(200));
    await s.settle();

    expect(await s.db.webhookEvent.count({ where: { eventId: completed.id as string } })).toBe(1);
    const order = await s.db.order.findUniqueOrThrow({ where: { id: checkout.orderId }, include: { payments: true } });
    expect(order).toMatchObject({ status: 'completed', paymentStatus: 'completed', total: 3499 });
    expect(order.paidAt).not.toBeNull();
    expect(order.payments).toHaveLength(1);
    expect(order.payments[0]).toMatchObject({ status: 'completed', amount: 3499, currency: 'USD', provider: 'stripe' });
    // What Stripe holds agrees: the intent of the session succeeded for the order's total.
    const session = await s.sdk.checkout.sessions.retrieve(checkout.sessionId!, { expand: ['payment_intent'] });
    expect(session.payment_intent).toMatchObject({
      id: order.stripePaymentIntentId,
      status: 'succeeded',
      amount_received: 3499,
    });

    const rows = await enrollments(user.id, program.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'purchase',
      status: 'active',
      orderId: order.id,
      chatbotAccess: true,
      documentationAccess: true,
      examSimulatorAccess: true,
    });
    expect(await enrolledCount(program.id)).toBe(1);
    expect(await s.emails(await emailOf(user), 'payment-receipt')).toHaveLength(1);
    expect(await s.db.notification.count({ where: { userId: user.id, type: 'payment' } })).toBe(1);
    expect(
      await s.db.notification.count({
        where: { userId: owner.id, type: 'enrollment', data: { path: ['programId'], equals: program.id } },
      }),
    ).toBe(1);
    expect(await s.db.invoice.count({ where: { orderId: order.id } })).toBe(1);

    // The access is there for the student as the access model sees it.
    const lessons = await user.caller.programs.lessons({ id: program.id });
    expect(JSON.stringify(lessons)).toContain('Content of lesson 2.1');
  });

  it('the same payment applied by many workers at once (session, intent, reconciliation) counts once', async () => {
    const { user, program } = await buyer();
    const checkout = await user.caller.payments.createCheckout({ programId: program.id, accessType: 'documentation' });
    s.stripe.setWebhookUrl(null); // nothing is delivered: the workers below are the only ones to act
    try {
      expect(s.stripe.completeCheckout(checkout.sessionId!)).toEqual({ ok: true });
    } finally {
      s.stripe.setWebhookUrl(s.webhookUrl);
    }
    const session = await s.sdk.checkout.sessions.retrieve(checkout.sessionId!);
    const pi = session.payment_intent as string;
    const runs = await Promise.all([
      ...Array.from({ length: 6 }, () =>
        processStripeEvent(s.deps, { type: 'checkout.session.completed', objectId: session.id }),
      ),
      ...Array.from({ length: 6 }, () =>
        processStripeEvent(s.deps, { type: 'payment_intent.succeeded', objectId: pi }),
      ),
    ]);
    expect(runs.filter((r) => r === 'paid')).toHaveLength(1);
    expect(runs.filter((r) => r !== 'paid').every((r) => r === 'already-paid')).toBe(true);
    expect(await enrollments(user.id, program.id)).toHaveLength(1);
    expect(await enrolledCount(program.id)).toBe(1);
    expect(await s.db.payment.count({ where: { orderId: checkout.orderId } })).toBe(1);
    expect(await s.emails(await emailOf(user), 'payment-receipt')).toHaveLength(1);
    expect(await s.db.notification.count({ where: { userId: user.id, type: 'payment' } })).toBe(1);
  });

  it('asking twice for the same thing gives the same order and session; paying it elsewhere first is refused', async () => {
    const { user, program } = await buyer();
    const [a, b] = await Promise.all([
      user.caller.payments.createCheckout({ programId: program.id, accessType: 'chatbot' }),
      user.caller.payments.createCheckout({ programId: program.id, accessType: 'chatbot' }),
    ]);
    expect(b.orderId).toBe(a.orderId);
    expect(b.sessionId).toBe(a.sessionId);
    expect(await s.db.order.count({ where: { userId: user.id } })).toBe(1);
    await payOnHostedPage(a.url);
    await s.settle();
    await expect(
      user.caller.payments.createCheckout({ programId: program.id, accessType: 'chatbot' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('a declined card leaves no access and a failed order (Checkout and a confirmed intent)', async () => {
    const { user, program } = await buyer();
    const checkout = await user.caller.payments.createCheckout({ programId: program.id, accessType: 'bundle' });
    const declined = await payOnHostedPage(checkout.url, 'pm_card_chargeDeclined');
    expect(declined.status).toBe(402);
    await s.settle();
    const order = await s.db.order.findUniqueOrThrow({ where: { id: checkout.orderId } });
    expect(order).toMatchObject({ paymentStatus: 'failed', status: 'pending', paidAt: null });
    expect(await enrollments(user.id, program.id)).toEqual([]);
    await expect(user.caller.programs.enroll({ id: program.id })).rejects.toMatchObject({ code: 'PAYMENT_REQUIRED' });
    expect(await s.emails(await emailOf(user), 'payment-failed')).toHaveLength(1);

    const other = await buyer();
    const res = await s.rest<{ error: { code: string; message: string } }>({
      method: 'POST',
      url: '/api/payments/create-intent',
      headers: s.bearer(other.user.token),
      payload: {
        programId: other.program.id,
        accessType: 'bundle',
        amount: 34.99,
        paymentMethodId: 'pm_card_chargeDeclined',
      },
    });
    expect(res.status).toBe(402);
    expect(res.body.error.code).toBe('PAYMENT_REQUIRED');
    expect(res.body.error.message).toContain('Your card was declined.');
    const failed = await s.db.order.findFirstOrThrow({ where: { userId: other.user.id } });
    expect(failed).toMatchObject({ paymentStatus: 'failed', paidAt: null });
    await s.settle();
    expect(await enrollments(other.user.id, other.program.id)).toEqual([]);
    expect(await s.db.order.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ paymentStatus: 'failed' });
  });
});

describe('PaymentIntents', () => {
  it('computes the amount on the server and refuses a different one (400/422, no order)', async () => {
    const { user, program } = await buyer();
    const tampered = await s.rest<{ success: boolean; error: { code: string; message: string } }>({
      method: 'POST',
      url: '/api/payments/create-intent',
      headers: s.bearer(user.token),
      payload: { programId: program.id, accessType: 'bundle', amount: 1.0 },
    });
    expect(tampered.status).toBe(422);
    expect(tampered.body.error.message).toContain('$34.99');
    expect(await s.db.order.count({ where: { userId: user.id } })).toBe(0);

    const negative = await s.rest({
      method: 'POST',
      url: '/api/payments/create-intent',
      headers: s.bearer(user.token),
      payload: { programId: program.id, amount: -5 },
    });
    expect(negative.status).toBe(400);

    const honest = await s.rest<{ success: boolean; clientSecret: string; paymentIntentId: string; amount: number }>({
      method: 'POST',
      url: '/api/payments/create-intent',
      headers: s.bearer(user.token),
      payload: { programId: program.id, accessType: 'bundle', amount: 34.99 },
    });
    expect(honest.status).toBe(200);
    expect(honest.body).toMatchObject({ success: true, amount: 34.99 });
    expect(honest.body.clientSecret).toMatch(new RegExp(`^${honest.body.paymentIntentId}_secret_`));
    const pi = await s.sdk.paymentIntents.retrieve(honest.body.paymentIntentId);
    expect(pi).toMatchObject({ amount: 3499, currency: 'usd', status: 'requires_payment_method' });

    // The client confirms (as Stripe.js would); the webhook completes the order.
    await s.sdk.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' });
    await s.settle();
    expect(await enrollments(user.id, program.id)).toHaveLength(1);
    const verified = await user.caller.orders.verifyPayment({ orderId: pi.metadata.orderId! });
    expect(verified).toMatchObject({ verified: true, order: { paymentStatus: 'completed', transactionId: pi.id } });
  });

  it('sells an event ticket in its own currency, with the configured tax', async () => {
    const t = await startBillingServer({ env: { TAX_RATE_PERCENT: '18' } });
    try {
      const organizer = await makeUser(t, 'admin');
      const event = await t.db.event.create({
        data: {
          slug: `paid-event-${Date.now()}`,
          title: 'Paid workshop',
          startsAt: new Date(t.clock.now().getTime() + 7 * 86_400_000),
          price: 49_900,
          currency: 'INR',
          capacity: 10,
          organizerId: organizer.id,
        },
      });
      const student = await makeUser(t, 'student');
      const intent = await student.caller.orders.createPayment({ eventId: event.id, paymentMethodId: 'pm_card_visa' });
      // 499.00 INR + 18% = 588.82 INR, charged in INR.
      expect(intent).toMatchObject({
        currency: 'INR',
        amount: 588.82,
        status: 'succeeded',
        order: { subtotal: 499, tax: 89.82, total: 588.82 },
      });
      expect(intent.order.paymentStatus).toBe('completed');
      const pi = await t.sdk.paymentIntents.retrieve(intent.paymentIntentId!);
      expect(pi).toMatchObject({ amount: 58_882, currency: 'inr' });
      const reg = await t.db.eventRegistration.findUniqueOrThrow({
        where: { userId_eventId: { userId: student.id, eventId: event.id } },
      });
      expect(reg).toMatchObject({ status: 'registered', orderId: intent.orderId });
      expect((await t.db.event.findUniqueOrThrow({ where: { id: event.id } })).registeredCount).toBe(1);
      await t.settle();
      expect(await t.db.eventRegistration.count({ where: { eventId: event.id } })).toBe(1);
    } finally {
      await t.close();
    }
  });
  it('a payment that arrives for a seat no longer there is refunded in full, never kept', async () => {
    const organizer = await makeUser(s, 'admin');
    const event = await s.db.event.create({
      data: {
        slug: `one-seat-${Date.now()}`,
        title: 'One seat left',
        startsAt: new Date(s.clock.now().getTime() + 3 * 86_400_000),
        price: 2500,
        capacity: 1,
        organizerId: organizer.id,
      },
    });
    const late = await makeUser(s, 'student');
    const early = await makeUser(s, 'student');
    const pending = await late.caller.payments.createIntent({ eventId: event.id });
    await early.caller.payments.createIntent({ eventId: event.id, paymentMethodId: 'pm_card_visa' });
    await expect(
      makeUser(s, 'student').then((u) => u.caller.payments.createIntent({ eventId: event.id })),
    ).rejects.toMatchObject({
      message: 'This event is full: no tickets are left.',
    });

    // The first buyer pays after all (Stripe.js), once the seat is gone.
    await s.sdk.paymentIntents.confirm(pending.paymentIntentId!, { payment_method: 'pm_card_visa' });
    await s.settle();
    const order = await s.db.order.findUniqueOrThrow({ where: { id: pending.orderId } });
    expect(order).toMatchObject({ paymentStatus: 'refunded', status: 'cancelled' });
    const refunds = await s.sdk.refunds.list({ payment_intent: pending.paymentIntentId! });
    expect(refunds.data.map((r) => [r.amount, r.status])).toEqual([[2500, 'succeeded']]);
    expect(await s.db.eventRegistration.count({ where: { eventId: event.id, status: 'registered' } })).toBe(1);
    expect((await s.db.event.findUniqueOrThrow({ where: { id: event.id } })).registeredCount).toBe(1);
    expect(await s.emails(await emailOf(late), 'refund-issued')).toHaveLength(1);
  });
});

describe('Orders', () => {
  it('my-orders and by id for the owner and admins; anyone else gets 404, anonymous 401', async () => {
    const { user, program } = await buyer();
    const intent = await user.caller.payments.createIntent({ programId: program.id, accessType: 'chatbot' });
    const other = await makeUser(s, 'student');
    const admin = await makeUser(s, 'admin');

    const mine = await s.rest<{ success: boolean; orders: { id: string }[]; pagination: { total: number } }>({
      url: '/api/orders/my-orders',
      headers: s.bearer(user.token),
    });
    expect(mine.status).toBe(200);
    expect(mine.body.orders.map((o) => o.id)).toEqual([intent.orderId]);

    const url = `/api/orders/${intent.orderId}`;
    expect((await s.rest({ url, headers: s.bearer(user.token) })).status).toBe(200);
    expect((await s.rest({ url, headers: s.bearer(admin.token) })).status).toBe(200);
    const foreign = await s.rest<{ error: { code: string } }>({ url, headers: s.bearer(other.token) });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    expect((await s.rest(url)).status).toBe(401);
    expect((await s.rest({ url: '/api/orders/my-orders' })).status).toBe(401);
    expect((await s.rest({ url: '/api/orders', headers: s.bearer(user.token) })).status).toBe(403);
    expect((await s.rest({ url: '/api/orders/analytics', headers: s.bearer(other.token) })).status).toBe(403);
    const analytics = await s.rest<{ success: boolean; analytics: { totalOrders: number } }>({
      url: '/api/orders/analytics?from=2026-11-01&to=2026-11-30',
      headers: s.bearer(admin.token),
    });
    expect(analytics.status).toBe(200);
    expect(analytics.body.analytics.totalOrders).toBeGreaterThan(0);
    expect(
      (await s.rest({ url: '/api/orders/analytics?from=30-11-2026', headers: s.bearer(admin.token) })).status,
    ).toBe(400);

    const all = await s.rest<{ orders: { id: string; user: { id: string } }[] }>({
      url: `/api/orders?userId=${user.id}&paymentStatus=pending`,
      headers: s.bearer(admin.token),
    });
    expect(all.status).toBe(200);
    expect(all.body.orders.map((o) => [o.id, o.user.id])).toEqual([[intent.orderId, user.id]]);
  });
});
