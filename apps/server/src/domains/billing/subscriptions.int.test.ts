// Subscriptions follow Stripe: whatever order webhooks arrive in, the row (and so the plan the
// live-plan rule gives) ends as Stripe's API says. Time moves with the test clock, which the local
// Stripe shares (renewals, cancellation at period end).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livePlanOf } from '@learningpt/core';
import { makeProgram, makeUser, type TestUser } from '../../testing/learning-fixtures';
import { payOnHostedPage, startBillingServer, type BillingTestServer } from './billing-testing';

let s: BillingTestServer;
beforeAll(async () => {
  s = await startBillingServer();
});
afterAll(() => s.close());

const HOUR = 3_600_000;
const emailOf = async (u: TestUser) => (await s.db.user.findUniqueOrThrow({ where: { id: u.id } })).email;
const tier = async (u: TestUser) => (await livePlanOf({ db: s.db, clock: s.clock, userId: u.id }))?.planId ?? 'free';
/** The user signed in again (moving the clock a month on ends their earlier session). */
const signedInNow = async (u: TestUser) => s.withToken((await s.sessionFor('student', u.id)).token);
const rowOf = (stripeSubscriptionId: string) =>
  s.db.subscription.findUniqueOrThrow({ where: { stripeSubscriptionId } });

/** The row equals what Stripe's API says about the subscription now. */
async function expectRowIsStripe(stripeSubscriptionId: string) {
  const there = await s.sdk.subscriptions.retrieve(stripeSubscriptionId);
  const row = await rowOf(stripeSubscriptionId);
  expect({
    status: row.status,
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    currentPeriodEnd: row.currentPeriodEnd.getTime() / 1000,
    endedAt: row.endedAt ? row.endedAt.getTime() / 1000 : null,
  }).toEqual({
    status: there.status,
    cancelAtPeriodEnd: there.cancel_at_period_end,
    currentPeriodEnd: there.items.data[0]!.current_period_end,
    endedAt: there.ended_at,
  });
  return row;
}

async function subscribed(planId = 'basic') {
  const user = await makeUser(s, 'student');
  const res = await user.caller.subscriptions.subscribe({ planId, paymentMethodId: 'pm_card_visa' });
  const row = await s.db.subscription.findUniqueOrThrow({ where: { id: res.subscription!.id } });
  return { user, res, stripeId: row.stripeSubscriptionId! };
}

describe('subscriptions', () => {
  it('plans come from the plan table with their limits', async () => {
    const { plans } = await s.anonymous.subscriptions.plans();
    expect(plans.map((p) => [p.id, p.price, p.currency, p.limits.aiMessages, p.limits.aiTokensPerMessage])).toEqual([
      ['free', 0, 'USD', 10, 500],
      ['basic', 19.99, 'USD', 100, 1000],
      ['premium', 39.99, 'USD', -1, 2000],
    ]);
  });

  it('subscribes with a payment method: charged once, plan live, one customer, one email', async () => {
    const { user, res, stripeId } = await subscribed('Basic');
    expect(res).toMatchObject({
      checkoutUrl: null,
      subscription: { planId: 'basic', planName: 'Basic', status: 'active', cancelAtPeriodEnd: false, amount: 19.99 },
      invoice: { amount: 19.99, currency: 'USD', status: 'paid' },
    });
    expect(res.subscription!.currentPeriodEnd.toISOString()).toBe('2026-12-23T12:00:00.000Z');
    expect(await tier(user)).toBe('basic');
    await s.settle(); // the webhooks of the same change find it done
    await expectRowIsStripe(stripeId);
    expect(await s.db.subscription.count({ where: { userId: user.id } })).toBe(1);
    const email = await emailOf(user);
    expect(await s.emails(email, 'subscription-activated')).toHaveLength(1);
    const customers = await s.sdk.customers.list({ email });
    expect(customers.data).toHaveLength(1);
    expect((await s.db.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId).toBe(
      customers.data[0]!.id,
    );
    const invoices = await user.caller.subscriptions.invoices();
    expect(invoices.invoices).toHaveLength(1);
    expect(invoices.invoices[0]).toMatchObject({ amount: 19.99, status: 'paid' });
    expect(invoices.invoices[0]!.invoiceUrl).toContain(s.stripe.url);

    await expect(
      user.caller.subscriptions.subscribe({ planId: 'basic', paymentMethodId: 'pm_card_visa' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('a declined card creates no subscription and leaves the free plan', async () => {
    const user = await makeUser(s, 'student');
    const res = await s.rest<{ error: { code: string; message: string } }>({
      method: 'POST',
      url: '/api/subscriptions/subscribe',
      headers: s.bearer(user.token),
      payload: { planId: 'premium', paymentMethodId: 'pm_card_chargeDeclined' },
    });
    expect(res.status).toBe(402);
    expect(res.body.error.message).toContain('Your card was declined.');
    expect(await s.db.subscription.count({ where: { userId: user.id } })).toBe(0);
    expect(await tier(user)).toBe('free');
    const customer = (await s.db.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId!;
    expect((await s.sdk.subscriptions.list({ customer, status: 'all' })).data).toEqual([]);
  });

  it('cancel at period end keeps the plan until the end, then Stripe ends it', async () => {
    const owner = await makeUser(s, 'instructor');
    const program = await makeProgram(s, { ownerId: owner.id, level: 'beginner' });
    const { user, res, stripeId } = await subscribed('basic');
    const end = res.subscription!.currentPeriodEnd;
    const cancelled = await user.caller.subscriptions.cancel();
    expect(cancelled.subscription).toMatchObject({ cancelAtPeriodEnd: true, status: 'active', nextBillingDate: null });
    expect(cancelled.message).toContain('2026-12-23');
    await s.settle();
    expect(await s.emails(await emailOf(user), 'subscription-cancelled')).toHaveLength(1);
    await expect(user.caller.subscriptions.cancel()).rejects.toMatchObject({ code: 'CONFLICT' });

    s.clock.set(new Date(end.getTime() - HOUR));
    try {
      expect(await tier(user)).toBe('basic');
      const later = await signedInNow(user);
      expect((await later.programs.enroll({ id: program.id })).enrollment.source).toBe('subscription');
      s.clock.set(new Date(end.getTime() + HOUR));
      // Past the end the plan is gone by the live-plan rule, even before Stripe says so.
      expect(await tier(user)).toBe('free');
      s.stripe.tick();
      await s.settle();
      const row = await expectRowIsStripe(stripeId);
      expect(row.status).toBe('canceled');
      expect((await later.subscriptions.current()).subscription).toBeNull();
      expect(await s.emails(await emailOf(user), 'subscription-ended')).toHaveLength(1);
      await expect(later.subscriptions.resume()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      s.clock.set(new Date('2026-11-23T12:00:00Z'));
    }
  });

  it('customer.subscription.deleted delivered before .updated: the row ends as Stripe says', async () => {
    const { user, stripeId } = await subscribed('basic');
    await s.settle();
    // Nothing is delivered while Stripe changes; then the events arrive in the wrong order.
    s.stripe.setWebhookUrl(null);
    try {
      await s.sdk.subscriptions.update(stripeId, { cancel_at_period_end: true });
      await s.sdk.subscriptions.cancel(stripeId);
    } finally {
      s.stripe.setWebhookUrl(s.webhookUrl);
    }
    const mine = (type: string) =>
      s.stripe.events(type).filter((e) => (e.data as { object: { id: string } }).object.id === stripeId);
    const updated = mine('customer.subscription.updated').at(-1)!;
    const deleted = mine('customer.subscription.deleted').at(-1)!;
    expect((await s.stripe.deliver(deleted.id as string)).status).toBe(200);
    await s.settle();
    expect((await s.stripe.deliver(updated.id as string)).status).toBe(200);
    await s.settle();
    const row = await expectRowIsStripe(stripeId);
    expect(row.status).toBe('canceled');
    expect(await tier(user)).toBe('free');
  });

  it('an old cancellation event arriving after the resume does not cancel again', async () => {
    const { user, stripeId } = await subscribed('premium');
    await s.settle();
    s.stripe.setWebhookUrl(null);
    try {
      await s.sdk.subscriptions.update(stripeId, { cancel_at_period_end: true });
      await s.sdk.subscriptions.update(stripeId, { cancel_at_period_end: false });
    } finally {
      s.stripe.setWebhookUrl(s.webhookUrl);
    }
    const events = s.stripe
      .events('customer.subscription.updated')
      .filter((e) => (e.data as { object: { id: string } }).object.id === stripeId);
    // Newest first: the resume, then the (older) cancellation.
    for (const e of [...events].reverse()) expect((await s.stripe.deliver(e.id as string)).status).toBe(200);
    await s.settle();
    const row = await expectRowIsStripe(stripeId);
    expect(row).toMatchObject({ status: 'active', cancelAtPeriodEnd: false });
    expect(await tier(user)).toBe('premium');
  });

  it('subscribes through Checkout; the plan changes only when paid', async () => {
    const user = await makeUser(s, 'student');
    const res = await user.caller.subscriptions.subscribe({ planId: 'premium' });
    expect(res.subscription).toBeNull();
    expect(res.checkoutUrl).toContain('/checkout/cs_test_');
    expect((await user.caller.subscriptions.subscribe({ planId: 'premium' })).sessionId).toBe(res.sessionId);
    expect(await tier(user)).toBe('free');
    expect((await payOnHostedPage(res.checkoutUrl!)).status).toBe(303);
    await s.settle();
    expect(await tier(user)).toBe('premium');
    const current = await user.caller.subscriptions.current();
    expect(current).toMatchObject({
      tier: 'premium',
      subscription: { planId: 'premium', status: 'active', amount: 39.99 },
    });
    expect(await s.emails(await emailOf(user), 'subscription-activated')).toHaveLength(1);
    expect((await user.caller.subscriptions.invoices()).invoices.map((i) => i.status)).toEqual(['paid']);
  });

  it('a failed renewal pauses the plan (past_due) until the invoice is paid', async () => {
    const { user, res, stripeId } = await subscribed('basic');
    await s.settle();
    const customer = (await s.db.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId!;
    const bad = await s.sdk.paymentMethods.attach('pm_card_chargeDeclined', { customer });
    await s.sdk.subscriptions.update(stripeId, { default_payment_method: bad.id });
    s.clock.set(new Date(res.subscription!.currentPeriodEnd.getTime() + HOUR));
    try {
      s.stripe.tick();
      await s.settle();
      const row = await expectRowIsStripe(stripeId);
      expect(row.status).toBe('past_due');
      expect(await tier(user)).toBe('free');
      expect(await s.emails(await emailOf(user), 'subscription-payment-failed')).toHaveLength(1);
      const open = (await s.sdk.invoices.list({ customer, status: 'open' })).data[0]!;
      await s.sdk.invoices.pay(open.id, { payment_method: 'pm_card_visa' });
      await s.settle();
      expect((await expectRowIsStripe(stripeId)).status).toBe('active');
      expect(await tier(user)).toBe('basic');
      const invoices = await (await signedInNow(user)).subscriptions.invoices();
      expect(invoices.invoices.map((i) => i.status).sort()).toEqual(['paid', 'paid']);
    } finally {
      s.clock.set(new Date('2026-11-23T12:00:00Z'));
    }
  });

  it('changing plan keeps one subscription and moves its price', async () => {
    const { user, stripeId } = await subscribed('basic');
    const changed = await user.caller.subscriptions.subscribe({ planId: 'premium' });
    expect(changed).toMatchObject({ message: 'Your plan is now Premium.', subscription: { planId: 'premium' } });
    const there = await s.sdk.subscriptions.retrieve(stripeId);
    expect(there.items.data[0]!.price.lookup_key).toBe('learningpt_premium_monthly');
    await s.settle();
    expect(await tier(user)).toBe('premium');
    expect(await s.db.subscription.count({ where: { userId: user.id } })).toBe(1);
  });
});
