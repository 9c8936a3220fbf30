// PaymentGateway on the real `stripe` SDK. Pointed at api.stripe.com with a real key, or at the
// local Stripe (apiBase) in development and tests: the same requests either way.
import Stripe from 'stripe';
import {
  PaymentDeclinedError,
  PaymentGatewayError,
  WebhookSignatureError,
  type GatewayCheckoutSession,
  type GatewayInvoice,
  type GatewayPaymentIntent,
  type GatewayPrice,
  type GatewayRefund,
  type GatewaySubscription,
  type PaymentGateway,
} from './gateway';

export interface StripeGatewayOptions {
  secretKey: string;
  webhookSecret: string;
  /** Another API host, e.g. http://127.0.0.1:12111 for the local Stripe. */
  apiBase?: string | undefined;
  /** Seconds a signed webhook stays acceptable (Stripe's default, 300). */
  webhookToleranceSeconds?: number;
  /** Network retries of the SDK (with the same idempotency key). Default 2. */
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

/** The SDK options for an API base URL (host, port, protocol). */
export function sdkOptionsFor(apiBase: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiBase) return {};
  const u = new URL(apiBase);
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80,
    protocol: u.protocol === 'http:' ? 'http' : 'https',
  };
}

export function createStripeGateway(opts: StripeGatewayOptions): PaymentGateway {
  const stripe = new Stripe(opts.secretKey, {
    ...sdkOptionsFor(opts.apiBase),
    maxNetworkRetries: opts.maxNetworkRetries ?? 2,
    timeout: opts.timeoutMs ?? 20_000,
    telemetry: false,
    appInfo: { name: 'LearninGPT' },
  });
  const tolerance = opts.webhookToleranceSeconds ?? 300;

  return {
    // The local Stripe runs on this machine; anything else (api.stripe.com, a proxy) is Stripe.
    mode: opts.apiBase && isLoopback(new URL(opts.apiBase).hostname) ? 'local' : 'stripe',

    async createCustomer(p, o) {
      const c = await call(() =>
        stripe.customers.create(
          { email: p.email, name: p.name, metadata: { userId: p.userId } },
          { idempotencyKey: o.idempotencyKey },
        ),
      );
      return { id: c.id };
    },

    async attachDefaultPaymentMethod(p, o) {
      const pm = await call(() =>
        stripe.paymentMethods.attach(
          p.paymentMethodId,
          { customer: p.customerId },
          { idempotencyKey: `${o.idempotencyKey}:attach` },
        ),
      );
      await call(() =>
        stripe.customers.update(
          p.customerId,
          { invoice_settings: { default_payment_method: pm.id } },
          { idempotencyKey: `${o.idempotencyKey}:default` },
        ),
      );
      return { id: pm.id };
    },

    async createCheckoutSession(p, o) {
      const s = await call(() =>
        stripe.checkout.sessions.create(
          {
            mode: p.mode,
            customer: p.customerId,
            client_reference_id: p.clientReferenceId,
            success_url: p.successUrl,
            cancel_url: p.cancelUrl,
            metadata: p.metadata,
            ...(p.expiresAt ? { expires_at: Math.floor(p.expiresAt.getTime() / 1000) } : {}),
            line_items: p.lineItems.map((li) =>
              'priceId' in li
                ? { price: li.priceId, quantity: li.quantity }
                : {
                    quantity: li.quantity,
                    price_data: {
                      currency: li.currency.toLowerCase(),
                      unit_amount: li.unitAmount,
                      product_data: { name: li.name, ...(li.description ? { description: li.description } : {}) },
                    },
                  },
            ),
            // The same metadata on what Checkout creates, so each object names its order / user.
            ...(p.mode === 'payment'
              ? { payment_intent_data: { metadata: p.metadata } }
              : { subscription_data: { metadata: p.metadata } }),
          },
          { idempotencyKey: o.idempotencyKey },
        ),
      );
      return checkoutSessionOf(s);
    },

    async retrieveCheckoutSession(id) {
      return orNull(async () => checkoutSessionOf(await stripe.checkout.sessions.retrieve(id)));
    },

    async expireCheckoutSession(id, o) {
      return checkoutSessionOf(
        await call(() => stripe.checkout.sessions.expire(id, {}, { idempotencyKey: o.idempotencyKey })),
      );
    },

    async createPaymentIntent(p, o) {
      try {
        const pi = await stripe.paymentIntents.create(
          {
            amount: p.amount,
            currency: p.currency.toLowerCase(),
            customer: p.customerId,
            metadata: p.metadata,
            description: p.description,
            automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
            ...(p.paymentMethodId ? { payment_method: p.paymentMethodId, confirm: true } : {}),
            expand: ['latest_charge'],
          },
          { idempotencyKey: o.idempotencyKey },
        );
        return paymentIntentOf(pi);
      } catch (err) {
        // A declined confirmation: the intent exists (status requires_payment_method); answer it.
        const raw = (err as { raw?: { payment_intent?: { id?: string } } }).raw;
        if (err instanceof Stripe.errors.StripeCardError && raw?.payment_intent?.id) {
          const pi = await call(() =>
            stripe.paymentIntents.retrieve(raw.payment_intent!.id!, { expand: ['latest_charge'] }),
          );
          return { ...paymentIntentOf(pi), failureMessage: pi.last_payment_error?.message ?? err.message };
        }
        throw mapError(err);
      }
    },

    async retrievePaymentIntent(id) {
      return orNull(async () =>
        paymentIntentOf(await stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] })),
      );
    },

    async confirmPaymentIntent(id, p, o) {
      try {
        const pi = await stripe.paymentIntents.confirm(
          id,
          { payment_method: p.paymentMethodId, expand: ['latest_charge'] },
          { idempotencyKey: o.idempotencyKey },
        );
        return paymentIntentOf(pi);
      } catch (err) {
        if (err instanceof Stripe.errors.StripeCardError) {
          const pi = await call(() => stripe.paymentIntents.retrieve(id, { expand: ['latest_charge'] }));
          return { ...paymentIntentOf(pi), failureMessage: pi.last_payment_error?.message ?? err.message };
        }
        throw mapError(err);
      }
    },

    async cancelPaymentIntent(id, o) {
      return paymentIntentOf(
        await call(() => stripe.paymentIntents.cancel(id, {}, { idempotencyKey: o.idempotencyKey })),
      );
    },

    async createSubscription(p, o) {
      const s = await call(() =>
        stripe.subscriptions.create(
          {
            customer: p.customerId,
            items: [{ price: p.priceId }],
            default_payment_method: p.paymentMethodId,
            // Charge now; on a decline Stripe answers the card error and keeps no subscription.
            payment_behavior: 'error_if_incomplete',
            metadata: p.metadata,
          },
          { idempotencyKey: o.idempotencyKey },
        ),
      );
      return subscriptionOf(s);
    },

    async retrieveSubscription(id) {
      return orNull(async () => subscriptionOf(await stripe.subscriptions.retrieve(id)));
    },

    async listSubscriptions(customerId) {
      const out: GatewaySubscription[] = [];
      for await (const s of stripe.subscriptions.list({ customer: customerId, status: 'all', limit: 100 })) {
        out.push(subscriptionOf(s));
      }
      return out;
    },

    async cancelSubscriptionNow(id, o) {
      return subscriptionOf(
        await call(() => stripe.subscriptions.cancel(id, {}, { idempotencyKey: o.idempotencyKey })),
      );
    },

    async updateSubscription(id, p, o) {
      let items: Stripe.SubscriptionUpdateParams.Item[] | undefined;
      if (p.priceId) {
        const current = await call(() => stripe.subscriptions.retrieve(id));
        items = [{ id: current.items.data[0]!.id, price: p.priceId }];
      }
      const s = await call(() =>
        stripe.subscriptions.update(
          id,
          {
            ...(p.cancelAtPeriodEnd !== undefined ? { cancel_at_period_end: p.cancelAtPeriodEnd } : {}),
            ...(items ? { items, proration_behavior: 'always_invoice' as const } : {}),
            ...(p.metadata ? { metadata: p.metadata } : {}),
          },
          { idempotencyKey: o.idempotencyKey },
        ),
      );
      return subscriptionOf(s);
    },

    async retrieveInvoice(id) {
      return orNull(async () => invoiceOf(await stripe.invoices.retrieve(id, { expand: ['payments'] })));
    },

    async listInvoices(customerId, p) {
      const list = await call(() => stripe.invoices.list({ customer: customerId, limit: p.limit }));
      return list.data.map(invoiceOf);
    },

    async createRefund(p, o) {
      const r = await call(() =>
        stripe.refunds.create(
          {
            payment_intent: p.paymentIntentId,
            amount: p.amount,
            ...(p.reason ? { reason: p.reason } : {}),
            metadata: p.metadata,
          },
          { idempotencyKey: o.idempotencyKey },
        ),
      );
      return refundOf(r);
    },

    async listRefunds(paymentIntentId) {
      const out: GatewayRefund[] = [];
      for await (const r of stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 })) out.push(refundOf(r));
      return out;
    },

    async paymentIntentOfCharge(chargeId) {
      const charge = await orNull(() => stripe.charges.retrieve(chargeId));
      return charge ? idOf(charge.payment_intent) : null;
    },

    async retrievePrice(id) {
      return orNull(async () => priceOf(await stripe.prices.retrieve(id)));
    },

    async priceByLookupKey(lookupKey) {
      const list = await call(() => stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 }));
      return list.data[0] ? priceOf(list.data[0]) : null;
    },

    async ensurePrice(p) {
      const currency = p.currency.toLowerCase();
      const existing = await call(() => stripe.prices.list({ lookup_keys: [p.lookupKey], limit: 1 }));
      const current = existing.data[0];
      if (
        current &&
        current.active &&
        current.unit_amount === p.unitAmount &&
        current.currency === currency &&
        current.recurring?.interval === p.interval
      ) {
        return { price: priceOf(current), created: false };
      }
      // One product per lookup key, with a stable id, so re-runs find it instead of adding another.
      const productId = `prod_lgpt_${p.lookupKey.replace(/[^a-zA-Z0-9_]/g, '_')}`;
      const product = await orNull(() => stripe.products.retrieve(productId));
      if (!product) {
        await call(() =>
          stripe.products.create(
            {
              id: productId,
              name: p.productName,
              ...(p.productDescription ? { description: p.productDescription } : {}),
              metadata: p.metadata,
            },
            { idempotencyKey: `product:${productId}` },
          ),
        );
      }
      // A changed amount is a new price (Stripe prices are immutable); the lookup key moves to it.
      const price = await call(() =>
        stripe.prices.create(
          {
            product: productId,
            unit_amount: p.unitAmount,
            currency,
            recurring: { interval: p.interval },
            lookup_key: p.lookupKey,
            transfer_lookup_key: true,
            metadata: p.metadata,
          },
          { idempotencyKey: `price:${p.lookupKey}:${p.unitAmount}:${currency}:${p.interval}` },
        ),
      );
      if (current && current.id !== price.id && current.active) {
        await call(() =>
          stripe.prices.update(current.id, { active: false }, { idempotencyKey: `price-off:${current.id}` }),
        );
      }
      return { price: priceOf(price), created: true };
    },

    verifyWebhook(rawBody, signature) {
      if (!signature) throw new WebhookSignatureError('Missing Stripe-Signature header.');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, opts.webhookSecret, tolerance);
      } catch (err) {
        throw new WebhookSignatureError((err as Error).message);
      }
      const object = (event.data?.object ?? {}) as { id?: unknown; object?: unknown };
      return {
        id: event.id,
        type: event.type,
        created: new Date(event.created * 1000),
        objectId: typeof object.id === 'string' ? object.id : null,
        objectType: typeof object.object === 'string' ? object.object : null,
        livemode: event.livemode,
      };
    },
  };
}

const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');

// ── Mapping Stripe's objects to ours ─────────────────────────────────────────

const idOf = (v: string | { id: string } | null | undefined): string | null =>
  v == null ? null : typeof v === 'string' ? v : v.id;
const date = (unix: number) => new Date(unix * 1000);
const upper = (c: string) => c.toUpperCase();

function checkoutSessionOf(s: Stripe.Checkout.Session): GatewayCheckoutSession {
  return {
    id: s.id,
    url: s.url ?? null,
    mode: s.mode as GatewayCheckoutSession['mode'],
    status: (s.status ?? 'open') as GatewayCheckoutSession['status'],
    paymentStatus: s.payment_status as GatewayCheckoutSession['paymentStatus'],
    paymentIntentId: idOf(s.payment_intent),
    subscriptionId: idOf(s.subscription),
    customerId: idOf(s.customer),
    amountTotal: s.amount_total ?? null,
    currency: s.currency ? upper(s.currency) : null,
    metadata: { ...(s.metadata ?? {}) },
    clientReferenceId: s.client_reference_id ?? null,
    expiresAt: date(s.expires_at),
  };
}

function paymentIntentOf(pi: Stripe.PaymentIntent): GatewayPaymentIntent {
  const charge = pi.latest_charge && typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
  return {
    id: pi.id,
    status: pi.status as GatewayPaymentIntent['status'],
    amount: pi.amount,
    amountReceived: pi.amount_received,
    currency: upper(pi.currency),
    customerId: idOf(pi.customer),
    metadata: { ...pi.metadata },
    clientSecret: pi.client_secret,
    amountRefunded: charge?.amount_refunded ?? 0,
    failureMessage: pi.last_payment_error?.message ?? null,
    created: date(pi.created),
  };
}

function subscriptionOf(s: Stripe.Subscription): GatewaySubscription {
  const item = s.items.data[0];
  // Since API 2025-03-31 the billing period lives on the items.
  const start = Math.min(...s.items.data.map((i) => i.current_period_start));
  const end = Math.max(...s.items.data.map((i) => i.current_period_end));
  return {
    id: s.id,
    customerId: idOf(s.customer)!,
    status: s.status as GatewaySubscription['status'],
    priceId: item ? item.price.id : null,
    currentPeriodStart: date(Number.isFinite(start) ? start : s.start_date),
    currentPeriodEnd: date(Number.isFinite(end) ? end : s.start_date),
    cancelAtPeriodEnd: s.cancel_at_period_end,
    canceledAt: s.canceled_at ? date(s.canceled_at) : null,
    endedAt: s.ended_at ? date(s.ended_at) : null,
    metadata: { ...s.metadata },
    latestInvoiceId: idOf(s.latest_invoice),
    created: date(s.created),
  };
}

function invoiceOf(i: Stripe.Invoice): GatewayInvoice {
  return {
    id: i.id,
    customerId: idOf(i.customer),
    subscriptionId: idOf(i.parent?.subscription_details?.subscription ?? null),
    number: i.number,
    status: (i.status ?? 'draft') as GatewayInvoice['status'],
    total: i.total,
    amountPaid: i.amount_paid,
    currency: upper(i.currency),
    hostedUrl: i.hosted_invoice_url ?? null,
    pdfUrl: i.invoice_pdf ?? null,
    created: date(i.created),
    paidAt: i.status_transitions?.paid_at ? date(i.status_transitions.paid_at) : null,
    paymentIntentId:
      i.payments?.data.map((p) => idOf(p.payment?.payment_intent ?? null)).find((x): x is string => x !== null) ?? null,
  };
}

function refundOf(r: Stripe.Refund): GatewayRefund {
  return {
    id: r.id,
    paymentIntentId: idOf(r.payment_intent),
    amount: r.amount,
    currency: upper(r.currency),
    status: (r.status ?? 'pending') as GatewayRefund['status'],
    reason: r.reason ?? null,
    metadata: { ...(r.metadata ?? {}) },
    created: date(r.created),
  };
}

function priceOf(p: Stripe.Price): GatewayPrice {
  return {
    id: p.id,
    lookupKey: p.lookup_key,
    unitAmount: p.unit_amount,
    currency: upper(p.currency),
    interval: (p.recurring?.interval ?? null) as GatewayPrice['interval'],
    active: p.active,
    productId: idOf(p.product)!,
  };
}

// ── Errors ───────────────────────────────────────────────────────────────────

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw mapError(err);
  }
}

/** The object, or null when Stripe has no such object. */
async function orNull<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (err) {
    const mapped = mapError(err);
    if (mapped instanceof PaymentGatewayError && mapped.code === 'resource_missing') return null;
    throw mapped;
  }
}

function mapError(err: unknown): Error {
  if (!(err instanceof Stripe.errors.StripeError)) return err as Error;
  const e = err as Stripe.errors.StripeError & { decline_code?: string };
  if (e instanceof Stripe.errors.StripeCardError) {
    return new PaymentDeclinedError(e.message, e.code ?? null, e.decline_code ?? null);
  }
  const kind =
    e instanceof Stripe.errors.StripeInvalidRequestError
      ? 'invalid_request'
      : e instanceof Stripe.errors.StripeAuthenticationError || e instanceof Stripe.errors.StripePermissionError
        ? 'authentication'
        : e instanceof Stripe.errors.StripeConnectionError
          ? 'connection'
          : e instanceof Stripe.errors.StripeRateLimitError
            ? 'rate_limit'
            : e instanceof Stripe.errors.StripeIdempotencyError
              ? 'idempotency'
              : 'api';
  return new PaymentGatewayError(e.message, kind, e.code ?? null, e.param ?? null);
}
