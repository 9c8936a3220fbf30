// `pnpm stripe:setup` (ensurePlanPrices): the plans' prices in Stripe by lookup key, idempotent; and
// a configured price that does not charge what the plan table says is never used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePlanPrices, subscribe } from '@learningpt/core';
import { makeUser } from '../../testing/learning-fixtures';
import { startBillingServer, type BillingTestServer } from './billing-testing';

let s: BillingTestServer;
beforeAll(async () => {
  s = await startBillingServer();
});
afterAll(() => s.close());

describe('stripe:setup', () => {
  it('creates each paid plan once, finds it again, and moves the lookup key when the amount changes', async () => {
    const plans = await s.db.subscriptionPlan.findMany({ orderBy: { sortOrder: 'asc' } });
    const first = await ensurePlanPrices({ payments: s.payments, plans });
    expect(first.map((r) => [r.planId, r.variable, r.created])).toEqual([
      ['basic', 'STRIPE_PRICE_BASIC', true],
      ['premium', 'STRIPE_PRICE_PREMIUM', true],
    ]);
    const again = await ensurePlanPrices({ payments: s.payments, plans });
    expect(again.map((r) => [r.priceId, r.created])).toEqual(first.map((r) => [r.priceId, false]));
    const basic = await s.sdk.prices.retrieve(first[0]!.priceId, { expand: ['product'] });
    expect(basic).toMatchObject({
      unit_amount: 1999,
      currency: 'usd',
      recurring: { interval: 'month' },
      lookup_key: 'learningpt_basic_monthly',
    });
    expect((await s.sdk.products.list({ limit: 100 })).data.filter((p) => p.name === 'LearninGPT Basic')).toHaveLength(
      1,
    );

    const dearer = plans.map((p) => (p.id === 'basic' ? { ...p, price: 2499 } : p));
    const moved = await ensurePlanPrices({ payments: s.payments, plans: dearer });
    expect(moved[0]).toMatchObject({ planId: 'basic', created: true });
    expect(moved[0]!.priceId).not.toBe(first[0]!.priceId);
    expect((await s.sdk.prices.list({ lookup_keys: ['learningpt_basic_monthly'] })).data.map((p) => p.id)).toEqual([
      moved[0]!.priceId,
    ]);
    expect((await s.sdk.prices.retrieve(first[0]!.priceId)).active).toBe(false);
    // Back to the table's amount for the other tests of this file.
    await ensurePlanPrices({ payments: s.payments, plans });
  });

  it('refuses to sell a plan whose configured Stripe price charges another amount', async () => {
    const product = await s.sdk.products.create({ name: 'Wrong' });
    const wrong = await s.sdk.prices.create({
      product: product.id,
      unit_amount: 999,
      currency: 'usd',
      recurring: { interval: 'month' },
    });
    // As if STRIPE_PRICE_BASIC named it.
    const deps = { ...s.deps, billing: { ...s.deps.billing, planPrices: { basic: wrong.id } } };
    const user = await makeUser(s, 'student');
    const attempt = subscribe(deps, {
      viewer: { userId: user.id, role: 'student' },
      planId: 'basic',
      paymentMethodId: 'pm_card_visa',
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      message: 'The Basic plan cannot be bought right now: its Stripe price is not set up. Please try again later.',
    });
    expect(await s.db.subscription.count({ where: { userId: user.id } })).toBe(0);
    const customer = (await s.db.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId;
    expect(customer).toBeNull(); // refused before anything was asked of Stripe
  });
});
