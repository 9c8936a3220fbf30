// Cancelling an event with paid tickets, against a local Stripe: every registrant is told (a
// notification and an email), each paid ticket is refunded in full through billing (once, even
// if the refund job runs again), and the refunded tickets give their seats back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUND_EVENT_TICKET_TASK } from '@learningpt/core';
import { runJobsOnce, silentJobLog } from '@learningpt/jobs';
import type { Mailer } from '@learningpt/mail';
import { billingSettingsFrom } from '../../plugins/stripe-webhook';
import { makeUser, type TestUser } from '../../testing/learning-fixtures';
import { startBillingServer, type BillingTestServer } from '../billing/billing-testing';
import { makeEvent, registerDirectly } from './event-fixtures';

let t: BillingTestServer;
let admin: TestUser;
let organizer: TestUser;

beforeAll(async () => {
  t = await startBillingServer();
  [admin, organizer] = await Promise.all([makeUser(t, 'admin'), makeUser(t, 'instructor', 'Paid Organizer')]);
});
afterAll(() => t.close());

const noMail: Mailer = { send: () => Promise.reject(new Error('the refund job sends no email itself')) };
const runRefundJobs = () =>
  runJobsOnce({
    connectionString: t.url,
    mailer: noMail,
    clock: t.clock,
    log: silentJobLog,
    payments: t.payments,
    billing: billingSettingsFrom(t.config),
    only: [REFUND_EVENT_TICKET_TASK],
  });
const emailOf = async (id: string) => (await t.db.user.findUniqueOrThrow({ where: { id } })).email;

describe('cancelling an event with paid tickets', () => {
  it('tells every registrant and refunds each paid ticket once, freeing the seats', async () => {
    const event = await makeEvent(t, {
      organizerId: organizer.id,
      price: 2500,
      capacity: 10,
      title: 'Paid Workshop To Cancel',
    });
    const [buyer1, buyer2, guest] = await Promise.all([
      makeUser(t, 'student', 'Buyer One'),
      makeUser(t, 'student', 'Buyer Two'),
      makeUser(t, 'student', 'Invited Guest'),
    ]);
    const orders: { orderId: string; paymentIntentId: string }[] = [];
    for (const b of [buyer1, buyer2]) {
      const paid = await b.caller.orders.createPayment({ eventId: event.id, paymentMethodId: 'pm_card_visa' });
      expect(paid.status).toBe('succeeded');
      orders.push({ orderId: paid.orderId, paymentIntentId: paid.paymentIntentId! });
    }
    await registerDirectly(t, guest.id, event.id); // a place given without an order
    await t.settle();
    expect((await t.db.event.findUniqueOrThrow({ where: { id: event.id } })).registeredCount).toBe(3);

    // A paid ticket is not cancelled by its holder: it goes through a refund.
    await expect(buyer1.caller.events.cancelRegistration({ id: event.id })).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      message: expect.stringContaining('refund') as string,
    });

    const res = await t.rest<{ message: string; event: { status: string } }>({
      method: 'PUT',
      url: `/api/events/${event.id}`,
      headers: t.bearer(admin.token),
      payload: { status: 'cancelled' },
    });
    expect(res.status).toBe(200);
    expect(res.body.event.status).toBe('cancelled');
    expect(res.body.message).toBe('Event cancelled: 3 registrants told, paid tickets being refunded.');

    // Told: one notification each.
    for (const u of [buyer1, buyer2, guest]) {
      const n = await t.db.notification.findMany({
        where: { userId: u.id, type: 'event', title: 'Cancelled: Paid Workshop To Cancel' },
      });
      expect(n).toHaveLength(1);
    }

    await runRefundJobs();
    await t.settle();

    for (const o of orders) {
      const order = await t.db.order.findUniqueOrThrow({ where: { id: o.orderId } });
      expect(order).toMatchObject({ paymentStatus: 'refunded', status: 'cancelled' });
      const refunds = await t.sdk.refunds.list({ payment_intent: o.paymentIntentId });
      expect(refunds.data.map((r) => [r.amount, r.status])).toEqual([[2500, 'succeeded']]);
    }
    const regs = await t.db.eventRegistration.findMany({ where: { eventId: event.id } });
    const byUser = Object.fromEntries(regs.map((r) => [r.userId, r.status]));
    expect(byUser).toEqual({ [buyer1.id]: 'cancelled', [buyer2.id]: 'cancelled', [guest.id]: 'registered' });
    expect((await t.db.event.findUniqueOrThrow({ where: { id: event.id } })).registeredCount).toBe(1);

    // Emailed: the cancellation to all three (with the refund for buyers), the refund to buyers.
    for (const u of [buyer1, buyer2]) {
      const to = await emailOf(u.id);
      const cancelled = await t.emails(to, 'event-cancelled');
      expect(cancelled).toHaveLength(1);
      expect(cancelled[0]!.text).toContain('Paid Workshop To Cancel');
      expect(cancelled[0]!.text).toContain('refunded in full');
      expect(await t.emails(to, 'refund-issued')).toHaveLength(1);
    }
    const guestMail = await t.emails(await emailOf(guest.id), 'event-cancelled');
    expect(guestMail).toHaveLength(1);
    expect(guestMail[0]!.text).not.toContain('refunded');

    // The refund job running again refunds nothing more.
    for (const o of orders) {
      await t.db
        .$executeRaw`SELECT graphile_worker.add_job(${REFUND_EVENT_TICKET_TASK}::text, ${JSON.stringify({ orderId: o.orderId })}::json)`;
    }
    await runRefundJobs();
    await t.settle();
    for (const o of orders) {
      expect((await t.sdk.refunds.list({ payment_intent: o.paymentIntentId })).data).toHaveLength(1);
    }
    // And cancelling again is refused: cancelled is final.
    const again = await t.rest({
      method: 'PUT',
      url: `/api/events/${event.id}`,
      headers: t.bearer(admin.token),
      payload: { status: 'cancelled' },
    });
    expect(again.status).toBe(422);
  });

  it('refunds a payment that arrives after the event was cancelled, and gives no seat', async () => {
    const event = await makeEvent(t, { organizerId: organizer.id, price: 2500, capacity: 10 });
    const late = await makeUser(t, 'student', 'Late Payer');
    const pending = await late.caller.payments.createIntent({ eventId: event.id });
    await admin.caller.events.update({ id: event.id, status: 'cancelled' });
    // The buyer's page confirms the payment anyway (Stripe.js), once the event is off.
    await t.sdk.paymentIntents.confirm(pending.paymentIntentId!, { payment_method: 'pm_card_visa' });
    await t.settle();
    const order = await t.db.order.findUniqueOrThrow({ where: { id: pending.orderId } });
    expect(order).toMatchObject({ paymentStatus: 'refunded', status: 'cancelled' });
    const refunds = await t.sdk.refunds.list({ payment_intent: pending.paymentIntentId! });
    expect(refunds.data.map((r) => [r.amount, r.status])).toEqual([[2500, 'succeeded']]);
    expect(await t.db.eventRegistration.count({ where: { eventId: event.id, status: { not: 'cancelled' } } })).toBe(0);
    expect((await t.db.event.findUniqueOrThrow({ where: { id: event.id } })).registeredCount).toBe(0);
  });
});
