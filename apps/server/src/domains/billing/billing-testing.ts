// A test server wired to a local Stripe started for the test file: the app's real `stripe` SDK
// talks to it, and it sends signed webhooks to the app's real webhook route (the app listens on
// a free port). Jobs run on demand with the app's clock, like the worker would.
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { createPaymentGateway, type PaymentGateway } from '@learningpt/billing';
import { PROCESS_STRIPE_EVENT_TASK, type BillingDeps } from '@learningpt/core';
import { runJobsOnce, silentJobLog } from '@learningpt/jobs';
import type { Mailer } from '@learningpt/mail';
import { createLocalStripe, type LocalStripe } from '@learningpt/stripe-local';
import { startTestServer, type TestServer } from '../../testing/harness';
import { billingSettingsFrom } from '../../plugins/stripe-webhook';
import { deliveredEmails, type DeliveredEmail } from '../../testing/outbox';

export interface BillingTestServer extends TestServer {
  stripe: LocalStripe;
  /** The test's own SDK client on the same local Stripe (to look at or change objects there). */
  sdk: Stripe;
  payments: PaymentGateway;
  deps: BillingDeps;
  webhookUrl: string;
  /** Waits for the webhooks under way, then runs the queued Stripe event jobs. */
  settle(): Promise<void>;
  /** The emails delivered to an address (of one template), after sending what is queued. */
  emails(to: string, template?: DeliveredEmail['template']): Promise<DeliveredEmail[]>;
}

const KEY = 'sk_test_billing_tests';

// The jobs under test only process Stripe events: nothing is mailed.
const noMail: Mailer = {
  send: () => Promise.reject(new Error('no email is sent by these jobs')),
};

export async function startBillingServer(opts: { env?: Record<string, string> } = {}): Promise<BillingTestServer> {
  // The local Stripe lives in the app's time (subscription periods, expiry): the test's clock.
  const app: { server?: TestServer } = {};
  const stripe = await createLocalStripe({
    now: () => (app.server ? app.server.clock.now() : new Date()),
    retryDelaysMs: [],
  });
  // Production's pool size: these tests send many payments and webhooks at once.
  const s = await startTestServer({
    poolMax: 10,
    env: {
      STRIPE_SECRET_KEY: KEY,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE: stripe.url,
      ...opts.env,
    },
  });
  app.server = s;
  await s.app.listen({ host: '127.0.0.1', port: 0 });
  const webhookUrl = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}/api/payments/webhook`;
  stripe.setWebhookUrl(webhookUrl);
  const payments = createPaymentGateway(s.config)!;
  const billing = billingSettingsFrom(s.config);
  const deps: BillingDeps = { db: s.db, clock: s.clock, payments, billing };
  const close = s.close.bind(s);
  return Object.assign(s, {
    stripe,
    sdk: new Stripe(KEY, { ...stripe.sdkOptions, maxNetworkRetries: 0 }),
    payments,
    deps,
    webhookUrl,
    async settle() {
      await stripe.flush();
      await runJobsOnce({
        connectionString: s.url,
        mailer: noMail,
        log: silentJobLog,
        clock: s.clock,
        payments,
        billing,
        only: [PROCESS_STRIPE_EVENT_TASK],
      });
    },
    emails: async (to: string, template?: DeliveredEmail['template']) =>
      (await deliveredEmails(s, to)).filter((e) => !template || e.template === template),
    async close() {
      await close();
      await stripe.close();
    },
  });
}

/** Pays a Checkout session through its hosted page, as a buyer would (card: a Stripe test card). */
export async function payOnHostedPage(
  url: string,
  card = 'pm_card_visa',
): Promise<{ status: number; location: string | null }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ card }).toString(),
    redirect: 'manual',
  });
  await res.text();
  return { status: res.status, location: res.headers.get('location') };
}
