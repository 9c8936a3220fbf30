// POST /api/payments/webhook: Stripe's events. A few lines on purpose: verify the signature over
// the raw bytes (in its own plugin, so only this route parses JSON as a Buffer), record the event
// once with its processing job queued in the same transaction, answer 200 at once. The job does
// the work (packages/jobs process_stripe_event), reading the current state from Stripe.
import type { FastifyInstance } from 'fastify';
import { WebhookSignatureError, type PaymentGateway } from '@learningpt/billing';
import { recordStripeEvent, type BillingSettings, type Clock } from '@learningpt/core';
import type { Db } from '@learningpt/db';
import type { Config } from '../config';
import { sendError } from '../errors';

export const STRIPE_WEBHOOK_PATH = '/api/payments/webhook';

/** The billing settings of the domain, from the configuration. */
export function billingSettingsFrom(config: Config): BillingSettings {
  return {
    taxRatePercent: config.TAX_RATE_PERCENT,
    webUrl: config.PUBLIC_WEB_URL,
    planPrices: {
      ...(config.STRIPE_PRICE_BASIC ? { basic: config.STRIPE_PRICE_BASIC } : {}),
      ...(config.STRIPE_PRICE_PREMIUM ? { premium: config.STRIPE_PRICE_PREMIUM } : {}),
    },
  };
}

export async function registerStripeWebhook(
  app: FastifyInstance,
  { db, clock, payments }: { db: Db; clock: Clock; payments: PaymentGateway | null },
) {
  await app.register(async (scope) => {
    // The signature is over the exact bytes Stripe sent: keep them.
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    scope.post(STRIPE_WEBHOOK_PATH, { bodyLimit: 512 * 1024 }, async (req, reply) => {
      if (!payments) return sendError(reply, 404, 'NOT_FOUND', 'Payments are not configured on this server.');
      const signature = req.headers['stripe-signature'];
      let event;
      try {
        event = payments.verifyWebhook(req.body as Buffer, typeof signature === 'string' ? signature : undefined);
      } catch (err) {
        if (!(err instanceof WebhookSignatureError)) throw err;
        req.log.warn({ reason: err.message }, 'stripe webhook refused: bad signature');
        return sendError(reply, 400, 'BAD_REQUEST', `Webhook signature verification failed: ${err.message}`);
      }
      const { duplicate, queued } = await recordStripeEvent({ db, clock, event });
      req.log.info({ eventId: event.id, type: event.type, duplicate, queued }, 'stripe webhook received');
      return reply.send({ received: true, duplicate });
    });
  });
}
