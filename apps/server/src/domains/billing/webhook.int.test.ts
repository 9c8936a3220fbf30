// POST /api/payments/webhook: only correctly signed, fresh events are recorded (once), each with
// its processing job; anything else is a 400 that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { createLocalStripe, signatureHeader } from '@learningpt/stripe-local';
import { startTestServer } from '../../testing/harness';
import { makeProgram, makeUser } from '../../testing/learning-fixtures';
import { payOnHostedPage, startBillingServer, type BillingTestServer } from './billing-testing';

let s: BillingTestServer;
beforeAll(async () => {
  s = await startBillingServer();
});
afterAll(() => s.close());

const counts = async () => {
  const [events, jobs] = await Promise.all([
    s.db.webhookEvent.count(),
    s.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'process_stripe_event'`,
  ]);
  return { events, jobs: Number(jobs[0]!.n) };
};

function eventPayload(id: string, type = 'payment_intent.succeeded') {
  return JSON.stringify({
    id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: 'pi_test_123', object: 'payment_intent' } },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });
}

const post = (payload: string, signature: string | undefined) =>
  s.rest<{ success?: boolean; received?: boolean; duplicate?: boolean; error?: { code: string; message: string } }>({
    method: 'POST',
    url: '/api/payments/webhook',
    headers: {
      'content-type': 'application/json',
      ...(signature !== undefined ? { 'stripe-signature': signature } : {}),
    },
    payload,
  });

const now = () => Math.floor(Date.now() / 1000);

describe('the Stripe webhook route', () => {
  it('records a signed event once, with its job, and answers 200 at once (also to a redelivery)', async () => {
    const before = await counts();
    const payload = eventPayload('evt_signed_once');
    // Signed with the SDK's own helper, as Stripe signs.
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: s.stripe.webhookSecret });
    const first = await post(payload, header);
    expect(first).toMatchObject({ status: 200, body: { received: true, duplicate: false } });
    const again = await post(payload, header);
    expect(again).toMatchObject({ status: 200, body: { received: true, duplicate: true } });
    expect(await counts()).toEqual({ events: before.events + 1, jobs: before.jobs + 1 });
    const row = await s.db.webhookEvent.findUniqueOrThrow({
      where: { provider_eventId: { provider: 'stripe', eventId: 'evt_signed_once' } },
    });
    expect(row).toMatchObject({ type: 'payment_intent.succeeded', handledAt: null });
    expect(row.payload).toMatchObject({ objectId: 'pi_test_123', objectType: 'payment_intent' });
  });

  it('refuses a wrong signature, another secret, a missing header and a stale timestamp with 400, writing nothing', async () => {
    const before = await counts();
    const payload = eventPayload('evt_refused');
    const cases: [string, string | undefined][] = [
      ['tampered body', signatureHeader(eventPayload('evt_other'), s.stripe.webhookSecret, now())],
      ['wrong secret', signatureHeader(payload, 'whsec_not_the_right_one', now())],
      ['garbage header', 't=abc,v1=def'],
      ['no header', undefined],
      // Older than the 300 s tolerance (a replayed capture).
      ['stale timestamp', signatureHeader(payload, s.stripe.webhookSecret, now() - 301)],
    ];
    for (const [what, header] of cases) {
      const res = await post(payload, header);
      expect(res.status, what).toBe(400);
      expect(res.body.error?.code, what).toBe('BAD_REQUEST');
      expect(res.body.error?.message, what).toMatch(/signature/i);
    }
    expect(await counts()).toEqual(before);
    expect(await s.db.webhookEvent.count({ where: { eventId: 'evt_refused' } })).toBe(0);
    // Within the tolerance it is accepted.
    expect((await post(payload, signatureHeader(payload, s.stripe.webhookSecret, now() - 250))).status).toBe(200);
  });

  it('records event types it does not act on as handled, without a job', async () => {
    const before = await counts();
    const payload = eventPayload('evt_ignored_type', 'customer.created');
    const res = await post(payload, signatureHeader(payload, s.stripe.webhookSecret, now()));
    expect(res.status).toBe(200);
    expect(await counts()).toEqual({ events: before.events + 1, jobs: before.jobs });
    const row = await s.db.webhookEvent.findFirstOrThrow({ where: { eventId: 'evt_ignored_type' } });
    expect(row.handledAt).not.toBeNull();
  });

  it('keeps normal JSON parsing for the other /api routes', async () => {
    const res = await s.rest<{ success: boolean; plans: { id: string }[] }>({ url: '/api/subscriptions/plans' });
    expect(res.status).toBe(200);
    const bad = await s.rest({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(bad.status).toBe(400);
  });
});

describe('development without a Stripe key', () => {
  it('uses the local Stripe on STRIPE_EMULATOR_PORT with its default signing secret', async () => {
    const clock: { now?: () => Date } = {};
    // Stripe and the server share the (test) time, as they share the real one in production.
    const local = await createLocalStripe({ retryDelaysMs: [], now: () => clock.now?.() ?? new Date() });
    const dev = await startTestServer({ env: { NODE_ENV: 'development', STRIPE_EMULATOR_PORT: String(local.port) } });
    clock.now = () => dev.clock.now();
    try {
      await dev.app.listen({ host: '127.0.0.1', port: 0 });
      const address = dev.app.server.address() as { port: number };
      local.setWebhookUrl(`http://127.0.0.1:${address.port}/api/payments/webhook`);
      const owner = await makeUser(dev, 'instructor');
      const program = await makeProgram(dev, { ownerId: owner.id });
      const student = await makeUser(dev, 'student');
      const checkout = await student.caller.payments.createCheckout({ programId: program.id });
      expect(checkout.url.startsWith(local.url)).toBe(true);
      expect((await payOnHostedPage(checkout.url)).status).toBe(303);
      await local.flush();
      const delivered = local.deliveries.filter((d) => d.type === 'checkout.session.completed');
      expect(delivered.map((d) => d.status)).toEqual([200]);
      expect(await dev.db.webhookEvent.count({ where: { eventId: delivered[0]!.eventId } })).toBe(1);
    } finally {
      await dev.close();
      await local.close();
    }
  });
});
