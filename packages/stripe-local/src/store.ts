// The local Stripe's objects and what happens to them: the subset of Stripe's API the product
// uses, with the state changes and events Stripe's test mode produces. Everything is kept in
// memory for as long as the process runs. Amounts are integers in minor units, currencies lower
// case, times unix seconds, as on the wire.
import { randomBytes } from 'node:crypto';
import { testCardFor } from './test-cards';

export type Json = Record<string, unknown>;

export const API_VERSION = '2026-10-28.endive';

/** An error answered as Stripe does: an HTTP status and `{ error: { type, code, message, ... } }`. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      type: 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error' | 'authentication_error';
      code?: string;
      decline_code?: string;
      message: string;
      param?: string;
      payment_intent?: Json;
      charge?: string;
    },
  ) {
    super(body.message);
  }
}

export const invalid = (message: string, param?: string, code?: string) =>
  new StripeApiError(400, {
    type: 'invalid_request_error',
    message,
    ...(param ? { param } : {}),
    ...(code ? { code } : {}),
  });

export const missing = (kind: string, id: string, param = 'id') =>
  new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${kind}: '${id}'`,
    param,
  });

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${s}`;
}

/** The same calendar day `count` intervals later (clamped to the month's end), as Stripe bills. */
export function addInterval(unix: number, interval: string, count = 1): number {
  const d = new Date(unix * 1000);
  if (interval === 'day') return unix + 86_400 * count;
  if (interval === 'week') return unix + 7 * 86_400 * count;
  const months = interval === 'year' ? 12 * count : count;
  const day = d.getUTCDate();
  const target = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return Math.floor(target.getTime() / 1000);
}

const list = (data: Json[], url: string): Json => ({ object: 'list', data, has_more: false, url });

export interface StoreOptions {
  /** The clock of the emulated world (tests pass the app's clock). Default: the real time. */
  now: () => Date;
  /** Where the hosted pages (checkout, invoices) are served, for the `url` fields. */
  publicUrl: () => string;
  /** Called for every event, when it is created. */
  onEvent: (event: Json) => void;
}

type Kind =
  | 'customer'
  | 'payment_method'
  | 'product'
  | 'price'
  | 'payment_intent'
  | 'charge'
  | 'refund'
  | 'checkout.session'
  | 'subscription'
  | 'invoice'
  | 'event'
  | 'webhook_endpoint';

export class Store {
  readonly objects = new Map<string, Json>();
  readonly events: Json[] = [];
  /** The request being handled, recorded on its events (`request.id`, `request.idempotency_key`). */
  currentRequest: { id: string | null; idempotency_key: string | null } = { id: null, idempotency_key: null };
  private invoiceSeq = new Map<string, number>();

  constructor(private readonly opts: StoreOptions) {}

  ts(): number {
    return Math.floor(this.opts.now().getTime() / 1000);
  }

  // ── Storage ────────────────────────────────────────────────────────────────

  put<T extends Json>(obj: T): T {
    this.objects.set(obj.id as string, obj);
    return obj;
  }

  get(kind: Kind, id: string | undefined, param = 'id'): Json {
    const obj = id ? this.objects.get(id) : undefined;
    if (!obj || obj.object !== kind) throw missing(kind, id ?? '', param);
    return obj;
  }

  find(kind: Kind, id: string | undefined): Json | undefined {
    const obj = id ? this.objects.get(id) : undefined;
    return obj && obj.object === kind ? obj : undefined;
  }

  all(kind: Kind): Json[] {
    return [...this.objects.values()].filter((o) => o.object === kind).sort((a, b) => sortKey(b) - sortKey(a));
  }

  listOf(kind: Kind, filter: (o: Json) => boolean, url: string, limit = 10, startingAfter?: string): Json {
    let items = this.all(kind).filter(filter);
    if (startingAfter) {
      const i = items.findIndex((o) => o.id === startingAfter);
      items = i === -1 ? [] : items.slice(i + 1);
    }
    const page = items.slice(0, Math.min(Math.max(limit, 1), 100));
    return { ...list(page, url), has_more: items.length > page.length };
  }

  // ── Events ─────────────────────────────────────────────────────────────────

  emit(type: string, object: Json, previous?: Json): Json {
    const event: Json = {
      id: newId('evt'),
      object: 'event',
      api_version: API_VERSION,
      created: this.ts(),
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { ...this.currentRequest },
      type,
    };
    // Created in order within one second: keep that order when listing.
    event._seq = this.events.length;
    this.events.push(event);
    this.objects.set(event.id as string, event);
    this.opts.onEvent(event);
    return event;
  }

  // ── Customers and payment methods ──────────────────────────────────────────

  createCustomer(p: {
    email?: string;
    name?: string;
    metadata: Record<string, string>;
    paymentMethod?: string;
    defaultPaymentMethod?: string;
  }): Json {
    const customer = this.put({
      id: newId('cus', 14),
      object: 'customer',
      created: this.ts(),
      email: p.email ?? null,
      name: p.name ?? null,
      metadata: p.metadata,
      invoice_prefix: randomBytes(4).toString('hex').toUpperCase(),
      invoice_settings: { default_payment_method: null, custom_fields: null, footer: null, rendering_options: null },
      balance: 0,
      currency: null,
      delinquent: false,
      description: null,
      livemode: false,
    });
    if (p.paymentMethod) {
      const pm = this.attachPaymentMethod(p.paymentMethod, customer.id);
      if (p.defaultPaymentMethod === p.paymentMethod) {
        (customer.invoice_settings as Json).default_payment_method = pm.id;
      }
    }
    if (p.defaultPaymentMethod && p.defaultPaymentMethod !== p.paymentMethod) {
      (customer.invoice_settings as Json).default_payment_method = this.paymentMethod(p.defaultPaymentMethod).id;
    }
    this.emit('customer.created', customer);
    return customer;
  }

  updateCustomer(
    id: string,
    p: { email?: string; name?: string; metadata?: Record<string, string>; defaultPaymentMethod?: string },
  ): Json {
    const customer = this.liveCustomer(id);
    const previous: Json = {};
    if (p.email !== undefined) {
      previous.email = customer.email;
      customer.email = p.email;
    }
    if (p.name !== undefined) {
      previous.name = customer.name;
      customer.name = p.name;
    }
    if (p.metadata !== undefined) {
      previous.metadata = customer.metadata;
      customer.metadata = p.metadata;
    }
    if (p.defaultPaymentMethod !== undefined) {
      const pm = this.paymentMethod(p.defaultPaymentMethod);
      if (pm.customer !== id) {
        throw invalid(
          `The customer does not have a payment method with the ID ${p.defaultPaymentMethod}. The payment method must be attached to the customer.`,
          'invoice_settings[default_payment_method]',
        );
      }
      const settings = customer.invoice_settings as Json;
      previous.invoice_settings = { ...settings };
      settings.default_payment_method = pm.id;
    }
    this.emit('customer.updated', customer, previous);
    return customer;
  }

  liveCustomer(id: string | undefined, param = 'customer'): Json {
    const c = this.get('customer', id, param);
    if (c.deleted) throw missing('customer', id ?? '', param);
    return c;
  }

  deleteCustomer(id: string): Json {
    const c = this.liveCustomer(id, 'id');
    for (const sub of this.all('subscription')) {
      if (sub.customer === id && sub.status !== 'canceled' && sub.status !== 'incomplete_expired') {
        this.cancelSubscription(sub.id as string);
      }
    }
    const gone = { id, object: 'customer', deleted: true };
    this.objects.set(id, gone);
    this.emit('customer.deleted', c);
    return gone;
  }

  /** A stored payment method, or a new one made from a test card id (as Stripe does). */
  paymentMethod(id: string, param = 'payment_method'): Json {
    const existing = this.find('payment_method', id);
    if (existing) return existing;
    const card = testCardFor(id);
    if (!card) throw missing('PaymentMethod', id, param);
    return this.put({
      id: newId('pm'),
      object: 'payment_method',
      type: 'card',
      created: this.ts(),
      customer: null,
      livemode: false,
      metadata: {},
      billing_details: { address: null, email: null, name: null, phone: null },
      card: { brand: card.brand, last4: card.last4, exp_month: 12, exp_year: 2034, funding: 'credit', country: 'US' },
      allow_redisplay: 'unspecified',
      _test_card: id.startsWith('tok_') ? `pm_card_${id.slice(4)}` : id,
    });
  }

  attachPaymentMethod(id: string, customerId: string): Json {
    this.liveCustomer(customerId);
    const pm = this.paymentMethod(id);
    if (pm.customer && pm.customer !== customerId) {
      throw invalid('This PaymentMethod is already attached to another customer.', 'payment_method');
    }
    pm.customer = customerId;
    this.emit('payment_method.attached', pm);
    return pm;
  }

  // ── Products and prices ────────────────────────────────────────────────────

  createProduct(p: {
    id?: string;
    name: string;
    description?: string;
    metadata: Record<string, string>;
    active?: boolean;
  }) {
    if (p.id && this.objects.has(p.id)) {
      throw invalid(`Product already exists.`, 'id', 'resource_already_exists');
    }
    const product = this.put({
      id: p.id ?? newId('prod', 14),
      object: 'product',
      active: p.active ?? true,
      created: this.ts(),
      updated: this.ts(),
      name: p.name,
      description: p.description ?? null,
      metadata: p.metadata,
      default_price: null,
      images: [],
      livemode: false,
      type: 'service',
      url: null,
    });
    this.emit('product.created', product);
    return product;
  }

  updateProduct(
    id: string,
    p: { name?: string; description?: string; active?: boolean; metadata?: Record<string, string> },
  ) {
    const product = this.get('product', id);
    if (p.name !== undefined) product.name = p.name;
    if (p.description !== undefined) product.description = p.description;
    if (p.active !== undefined) product.active = p.active;
    if (p.metadata !== undefined) product.metadata = p.metadata;
    product.updated = this.ts();
    this.emit('product.updated', product);
    return product;
  }

  createPrice(p: {
    product?: string;
    productName?: string;
    unitAmount: number | undefined;
    currency: string | undefined;
    recurring?: { interval: string; intervalCount: number };
    lookupKey?: string;
    transferLookupKey?: boolean;
    nickname?: string;
    metadata: Record<string, string>;
    active?: boolean;
  }): Json {
    if (p.unitAmount === undefined || p.unitAmount < 0)
      throw invalid('Missing required param: unit_amount.', 'unit_amount');
    if (!p.currency || !/^[a-z]{3}$/.test(p.currency)) throw invalid('Missing required param: currency.', 'currency');
    if (p.recurring && !['day', 'week', 'month', 'year'].includes(p.recurring.interval)) {
      throw invalid('Invalid recurring[interval]: must be one of day, week, month, or year', 'recurring[interval]');
    }
    let productId = p.product;
    if (productId) this.get('product', productId, 'product');
    else if (p.productName) productId = this.createProduct({ name: p.productName, metadata: {} }).id;
    else throw invalid('Missing required param: product.', 'product');
    if (p.lookupKey) this.claimLookupKey(p.lookupKey, p.transferLookupKey ?? false);
    const price = this.put({
      id: newId('price'),
      object: 'price',
      active: p.active ?? true,
      billing_scheme: 'per_unit',
      created: this.ts(),
      currency: p.currency,
      livemode: false,
      lookup_key: p.lookupKey ?? null,
      metadata: p.metadata,
      nickname: p.nickname ?? null,
      product: productId,
      recurring: p.recurring
        ? {
            interval: p.recurring.interval,
            interval_count: p.recurring.intervalCount,
            usage_type: 'licensed',
            meter: null,
          }
        : null,
      tax_behavior: 'unspecified',
      type: p.recurring ? 'recurring' : 'one_time',
      unit_amount: p.unitAmount,
      unit_amount_decimal: String(p.unitAmount),
    });
    this.emit('price.created', price);
    return price;
  }

  updatePrice(
    id: string,
    p: {
      active?: boolean;
      lookupKey?: string;
      transferLookupKey?: boolean;
      nickname?: string;
      metadata?: Record<string, string>;
    },
  ) {
    const price = this.get('price', id);
    if (p.lookupKey !== undefined && p.lookupKey !== price.lookup_key) {
      if (p.lookupKey) this.claimLookupKey(p.lookupKey, p.transferLookupKey ?? false);
      price.lookup_key = p.lookupKey || null;
    }
    if (p.active !== undefined) price.active = p.active;
    if (p.nickname !== undefined) price.nickname = p.nickname;
    if (p.metadata !== undefined) price.metadata = p.metadata;
    this.emit('price.updated', price);
    return price;
  }

  private claimLookupKey(key: string, transfer: boolean) {
    const holder = this.all('price').find((x) => x.lookup_key === key);
    if (!holder) return;
    if (!transfer) {
      throw invalid(
        `A price (\`${holder.id as string}\`) already uses that lookup key.`,
        'lookup_key',
        'lookup_key_exists',
      );
    }
    holder.lookup_key = null;
  }

  // ── Payment intents and charges ────────────────────────────────────────────

  createPaymentIntent(p: {
    amount: number | undefined;
    currency: string | undefined;
    customer?: string;
    metadata: Record<string, string>;
    description?: string;
    receiptEmail?: string;
    paymentMethod?: string;
    invoice?: string;
  }): Json {
    if (p.amount === undefined) throw invalid('Missing required param: amount.', 'amount');
    if (!p.currency) throw invalid('Missing required param: currency.', 'currency');
    if (p.amount < 50) {
      throw invalid(`Amount must be at least 50 cents`, 'amount', 'amount_too_small');
    }
    if (p.customer) this.liveCustomer(p.customer);
    const id = newId('pi');
    const pm = p.paymentMethod ? this.paymentMethod(p.paymentMethod) : null;
    const pi = this.put({
      id,
      object: 'payment_intent',
      amount: p.amount,
      amount_capturable: 0,
      amount_received: 0,
      automatic_payment_methods: { enabled: true, allow_redirects: 'always' },
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic_async',
      client_secret: `${id}_secret_${newId('x').slice(2)}`,
      confirmation_method: 'automatic',
      created: this.ts(),
      currency: p.currency,
      customer: p.customer ?? null,
      description: p.description ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: p.metadata,
      payment_method: pm ? pm.id : null,
      receipt_email: p.receiptEmail ?? null,
      status: pm ? 'requires_confirmation' : 'requires_payment_method',
      _invoice: p.invoice ?? null,
    });
    this.emit('payment_intent.created', pi);
    return pi;
  }

  updatePaymentIntent(id: string, p: { amount?: number; metadata?: Record<string, string>; description?: string }) {
    const pi = this.get('payment_intent', id);
    if (['succeeded', 'canceled', 'processing'].includes(pi.status as string)) {
      throw invalid(
        `This PaymentIntent's amount could not be updated because it has a status of ${pi.status as string}.`,
        undefined,
        'payment_intent_unexpected_state',
      );
    }
    if (p.amount !== undefined) {
      if (p.amount < 50) throw invalid('Amount must be at least 50 cents', 'amount', 'amount_too_small');
      pi.amount = p.amount;
    }
    if (p.metadata !== undefined) pi.metadata = p.metadata;
    if (p.description !== undefined) pi.description = p.description;
    return pi;
  }

  /**
   * Confirms with the given (or attached) payment method. On a decline the intent goes back to
   * requires_payment_method with last_payment_error set and the card error is thrown, with the
   * intent, as Stripe answers it (HTTP 402).
   */
  confirmPaymentIntent(id: string, paymentMethod?: string): Json {
    const pi = this.get('payment_intent', id);
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(pi.status as string)) {
      throw invalid(
        `You cannot confirm this PaymentIntent because it has a status of ${pi.status as string}.`,
        undefined,
        'payment_intent_unexpected_state',
      );
    }
    const pmId = paymentMethod ?? (pi.payment_method as string | null) ?? undefined;
    if (!pmId) {
      throw invalid(
        'You cannot confirm this PaymentIntent because it\u2019s missing a payment method.',
        'payment_method',
        'payment_intent_unexpected_state',
      );
    }
    const pm = this.paymentMethod(pmId);
    const result = this.charge(pi, pm);
    if (!result.ok) throw result.error;
    return pi;
  }

  cancelPaymentIntent(id: string, reason?: string): Json {
    const pi = this.get('payment_intent', id);
    if (pi.status === 'succeeded' || pi.status === 'canceled') {
      throw invalid(
        `You cannot cancel this PaymentIntent because it has a status of ${pi.status as string}.`,
        undefined,
        'payment_intent_unexpected_state',
      );
    }
    pi.status = 'canceled';
    pi.canceled_at = this.ts();
    pi.cancellation_reason = reason ?? null;
    this.emit('payment_intent.canceled', pi);
    return pi;
  }

  /** One charge attempt of the intent with a card: the intent, charge and events Stripe makes. */
  private charge(pi: Json, pm: Json): { ok: true } | { ok: false; error: StripeApiError } {
    const card = testCardFor(pm._test_card as string) ?? { decline: null };
    const chargeId = newId('ch');
    const charge = this.put({
      id: chargeId,
      object: 'charge',
      amount: pi.amount,
      amount_captured: card.decline ? 0 : pi.amount,
      amount_refunded: 0,
      balance_transaction: card.decline ? null : newId('txn'),
      captured: !card.decline,
      created: this.ts(),
      currency: pi.currency,
      customer: pi.customer,
      description: pi.description,
      failure_code: card.decline?.code ?? null,
      failure_message: card.decline?.message ?? null,
      livemode: false,
      metadata: pi.metadata,
      outcome: card.decline
        ? {
            network_status: 'declined_by_network',
            reason: card.decline.declineCode ?? card.decline.code,
            type: 'issuer_declined',
            seller_message: 'The bank did not return any further details with this decline.',
          }
        : {
            network_status: 'approved_by_network',
            reason: null,
            type: 'authorized',
            seller_message: 'Payment complete.',
          },
      paid: !card.decline,
      payment_intent: pi.id,
      payment_method: pm.id,
      payment_method_details: { type: 'card', card: pm.card },
      receipt_email: pi.receipt_email,
      receipt_url: `${this.opts.publicUrl()}/receipts/${chargeId}`,
      refunded: false,
      status: card.decline ? 'failed' : 'succeeded',
    });
    pi.latest_charge = chargeId;
    pi.payment_method = pm.id;
    if (card.decline) {
      const error = {
        type: 'card_error' as const,
        code: card.decline.code,
        ...(card.decline.declineCode ? { decline_code: card.decline.declineCode } : {}),
        message: card.decline.message,
        charge: chargeId,
        doc_url: `https://docs.stripe.com/error-codes/${card.decline.code.replaceAll('_', '-')}`,
        payment_method: structuredClone(pm),
      };
      pi.status = 'requires_payment_method';
      pi.last_payment_error = error;
      this.emit('charge.failed', charge);
      this.emit('payment_intent.payment_failed', pi);
      return { ok: false, error: new StripeApiError(402, { ...error, payment_intent: structuredClone(pi) }) };
    }
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.last_payment_error = null;
    this.emit('charge.succeeded', charge);
    this.emit('payment_intent.succeeded', pi);
    return { ok: true };
  }

  // ── Refunds ────────────────────────────────────────────────────────────────

  createRefund(p: {
    paymentIntent?: string;
    charge?: string;
    amount?: number;
    reason?: string;
    metadata: Record<string, string>;
  }): Json {
    let charge: Json;
    if (p.charge) charge = this.get('charge', p.charge, 'charge');
    else if (p.paymentIntent) {
      const pi = this.get('payment_intent', p.paymentIntent, 'payment_intent');
      if (pi.status !== 'succeeded' || !pi.latest_charge) {
        throw invalid(
          `This PaymentIntent (${pi.id as string}) does not have a successful charge to refund.`,
          'payment_intent',
          'charge_not_refundable',
        );
      }
      charge = this.get('charge', pi.latest_charge as string, 'payment_intent');
    } else throw invalid('One of the following params should be provided for this request: payment_intent or charge.');
    if (charge.status !== 'succeeded')
      throw invalid('This charge cannot be refunded.', 'charge', 'charge_not_refundable');
    if (p.reason && !['duplicate', 'fraudulent', 'requested_by_customer'].includes(p.reason)) {
      throw invalid('Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer', 'reason');
    }
    const remaining = (charge.amount as number) - (charge.amount_refunded as number);
    if (remaining <= 0) {
      throw invalid(`Charge ${charge.id as string} has already been refunded.`, undefined, 'charge_already_refunded');
    }
    const amount = p.amount ?? remaining;
    if (amount <= 0) throw invalid('Refund amount must be positive.', 'amount');
    if (amount > remaining) {
      throw invalid(
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
        'amount',
        'amount_too_large',
      );
    }
    const refund = this.put({
      id: newId('re'),
      object: 'refund',
      amount,
      balance_transaction: newId('txn'),
      charge: charge.id,
      created: this.ts(),
      currency: charge.currency,
      metadata: p.metadata,
      payment_intent: charge.payment_intent,
      reason: p.reason ?? null,
      receipt_number: null,
      status: 'succeeded',
    });
    const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    charge.amount_refunded = (charge.amount_refunded as number) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    this.emit('refund.created', refund);
    this.emit('charge.refunded', charge, previous);
    return refund;
  }

  // ── Checkout ───────────────────────────────────────────────────────────────

  createCheckoutSession(p: {
    mode: string | undefined;
    lineItems: {
      price?: string;
      priceData?: {
        currency?: string;
        unitAmount?: number;
        name?: string;
        description?: string;
        recurring?: { interval: string; intervalCount: number };
      };
      quantity: number;
    }[];
    customer?: string;
    customerEmail?: string;
    clientReferenceId?: string;
    metadata: Record<string, string>;
    successUrl?: string;
    cancelUrl?: string;
    expiresAt?: number;
    paymentIntentMetadata: Record<string, string>;
    paymentIntentDescription?: string;
    subscriptionMetadata: Record<string, string>;
  }): Json {
    if (p.mode !== 'payment' && p.mode !== 'subscription') {
      throw invalid('Invalid mode: must be one of payment, setup, or subscription', 'mode');
    }
    if (!p.successUrl) throw invalid('Missing required param: success_url.', 'success_url');
    if (p.lineItems.length === 0) throw invalid('Missing required param: line_items.', 'line_items');
    if (p.customer) this.liveCustomer(p.customer);
    const now = this.ts();
    if (p.expiresAt !== undefined && (p.expiresAt < now + 1800 || p.expiresAt > now + 86_400)) {
      throw invalid(
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
        'expires_at',
      );
    }
    const items = p.lineItems.map((li, i) => {
      let price: Json;
      if (li.price) price = this.get('price', li.price, `line_items[${i}][price]`);
      else if (li.priceData) {
        const d = li.priceData;
        price = this.createPrice({
          productName: d.name ?? 'Item',
          unitAmount: d.unitAmount,
          currency: d.currency,
          ...(d.recurring ? { recurring: d.recurring } : {}),
          metadata: {},
        });
        if (d.description) this.updateProduct(price.product as string, { description: d.description });
      } else
        throw invalid(`You must specify either \`price\` or \`price_data\` in line_items[${i}].`, `line_items[${i}]`);
      if (!price.active)
        throw invalid(`The price specified (${price.id as string}) is inactive.`, `line_items[${i}][price]`);
      if (p.mode === 'subscription' && price.type !== 'recurring') {
        throw invalid('In subscription mode, you must provide at least one recurring price.', 'line_items');
      }
      if (p.mode === 'payment' && price.type === 'recurring') {
        throw invalid('You specified `payment` mode but passed a recurring price.', 'line_items');
      }
      if (li.quantity < 1) throw invalid('Quantity must be at least 1.', `line_items[${i}][quantity]`);
      const product = this.get('product', price.product as string);
      return {
        id: newId('li'),
        object: 'item',
        amount_subtotal: (price.unit_amount as number) * li.quantity,
        amount_total: (price.unit_amount as number) * li.quantity,
        amount_discount: 0,
        amount_tax: 0,
        currency: price.currency,
        description: product.name,
        price: structuredClone(price),
        quantity: li.quantity,
      };
    });
    const currency = items[0]!.currency as string;
    if (items.some((i) => i.currency !== currency)) {
      throw invalid('All line items must use the same currency.', 'line_items');
    }
    const amount = items.reduce((s, i) => s + i.amount_total, 0);
    if (p.mode === 'payment' && amount < 50)
      throw invalid(
        'The Checkout Session\u2019s total amount due must add up to at least $0.50 usd',
        'line_items',
        'amount_too_small',
      );
    const id = newId('cs_test', 58);
    const session = this.put({
      id,
      object: 'checkout.session',
      amount_subtotal: amount,
      amount_total: amount,
      cancel_url: p.cancelUrl ?? null,
      client_reference_id: p.clientReferenceId ?? null,
      created: now,
      currency,
      customer: p.customer ?? null,
      customer_email: p.customerEmail ?? null,
      expires_at: p.expiresAt ?? now + 86_400,
      invoice: null,
      livemode: false,
      metadata: p.metadata,
      mode: p.mode,
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      subscription: null,
      success_url: p.successUrl,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: 'hosted',
      url: `${this.opts.publicUrl()}/checkout/${id}`,
      _line_items: items,
      _payment_intent_data: { metadata: p.paymentIntentMetadata, description: p.paymentIntentDescription ?? null },
      _subscription_data: { metadata: p.subscriptionMetadata },
    });
    return session;
  }

  expireCheckoutSession(id: string): Json {
    const session = this.get('checkout.session', id);
    if (session.status !== 'open') {
      throw invalid(
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status as string}".`,
      );
    }
    session.status = 'expired';
    session.url = null;
    if (session.payment_intent) {
      const pi = this.get('payment_intent', session.payment_intent as string);
      if (pi.status !== 'succeeded' && pi.status !== 'canceled') this.cancelPaymentIntent(pi.id as string, 'abandoned');
    }
    this.emit('checkout.session.expired', session);
    return session;
  }

  /**
   * The customer pays (or fails to) on the hosted page with a test card. A declined card leaves
   * the session open (the customer may try another card); the intent records the failure.
   */
  completeCheckout(
    id: string,
    card: string,
  ): { ok: true; session: Json } | { ok: false; message: string; session: Json } {
    const session = this.get('checkout.session', id);
    if (session.status !== 'open') {
      throw invalid(`This Checkout Session is ${session.status as string}: it can no longer be paid.`);
    }
    if (this.ts() >= (session.expires_at as number)) {
      this.expireCheckoutSession(id);
      throw invalid('This Checkout Session has expired.');
    }
    const pm = this.paymentMethod(card);
    if (session.mode === 'payment') {
      const pid = session._payment_intent_data as { metadata: Record<string, string>; description: string | null };
      let pi = session.payment_intent ? this.get('payment_intent', session.payment_intent as string) : undefined;
      if (!pi) {
        pi = this.createPaymentIntent({
          amount: session.amount_total as number,
          currency: session.currency as string,
          ...(session.customer ? { customer: session.customer as string } : {}),
          metadata: pid.metadata,
          ...(pid.description ? { description: pid.description } : {}),
        });
        session.payment_intent = pi.id;
      }
      const result = this.charge(pi, pm);
      if (!result.ok) return { ok: false, message: result.error.message, session };
      session.status = 'complete';
      session.payment_status = 'paid';
      session.url = null;
      this.emit('checkout.session.completed', session);
      return { ok: true, session };
    }
    // Subscription mode: the customer (made from the email when none was given), then the subscription.
    let customerId = session.customer as string | null;
    if (!customerId) {
      customerId = this.createCustomer({
        ...(session.customer_email ? { email: session.customer_email as string } : {}),
        metadata: {},
      }).id as string;
    }
    const attached = this.attachPaymentMethod(pm.id as string, customerId);
    const item = (session._line_items as Json[])[0]!;
    const sd = session._subscription_data as { metadata: Record<string, string> };
    try {
      const sub = this.createSubscription({
        customer: customerId,
        price: (item.price as Json).id as string,
        defaultPaymentMethod: attached.id as string,
        metadata: sd.metadata,
        behavior: 'error_if_incomplete',
      });
      session.customer = customerId;
      session.subscription = sub.id;
      session.invoice = sub.latest_invoice;
      session.status = 'complete';
      session.payment_status = 'paid';
      session.url = null;
      this.emit('checkout.session.completed', session);
      return { ok: true, session };
    } catch (err) {
      if (err instanceof StripeApiError && err.body.type === 'card_error') {
        return { ok: false, message: err.message, session };
      }
      throw err;
    }
  }

  checkoutLineItems(session: Json): Json {
    return list(session._line_items as Json[], `/v1/checkout/sessions/${session.id as string}/line_items`);
  }

  // ── Subscriptions and invoices ─────────────────────────────────────────────

  createSubscription(p: {
    customer: string | undefined;
    price: string | undefined;
    quantity?: number;
    defaultPaymentMethod?: string;
    metadata: Record<string, string>;
    behavior: string;
  }): Json {
    const customer = this.liveCustomer(p.customer);
    const price = this.get('price', p.price, 'items[0][price]');
    if (price.type !== 'recurring') {
      throw invalid(
        `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
        'items[0][price]',
      );
    }
    if (!price.active) throw invalid(`The price specified (${price.id as string}) is inactive.`, 'items[0][price]');
    if (
      !['allow_incomplete', 'error_if_incomplete', 'default_incomplete', 'pending_if_incomplete'].includes(p.behavior)
    ) {
      throw invalid('Invalid payment_behavior.', 'payment_behavior');
    }
    let pm: Json | null = null;
    if (p.defaultPaymentMethod) {
      pm = this.paymentMethod(p.defaultPaymentMethod, 'default_payment_method');
      if (pm.customer !== customer.id) {
        throw invalid(
          `The customer does not have a payment method with the ID ${p.defaultPaymentMethod}. The payment method must be attached to the customer.`,
          'default_payment_method',
        );
      }
    } else {
      const def = (customer.invoice_settings as Json).default_payment_method as string | null;
      if (def) pm = this.paymentMethod(def);
    }
    if (!pm && p.behavior === 'error_if_incomplete') {
      throw invalid(
        'This customer has no attached payment source or default payment method.',
        undefined,
        'resource_missing',
      );
    }
    const now = this.ts();
    const recurring = price.recurring as { interval: string; interval_count: number };
    const end = addInterval(now, recurring.interval, recurring.interval_count);
    const subId = newId('sub');
    const sub: Json = {
      id: subId,
      object: 'subscription',
      billing_cycle_anchor: now,
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      cancellation_details: { comment: null, feedback: null, reason: null },
      collection_method: 'charge_automatically',
      created: now,
      currency: price.currency,
      customer: customer.id,
      default_payment_method: p.defaultPaymentMethod ? pm!.id : null,
      description: null,
      discounts: [],
      ended_at: null,
      items: {
        object: 'list',
        data: [
          {
            id: newId('si', 14),
            object: 'subscription_item',
            created: now,
            current_period_start: now,
            current_period_end: end,
            metadata: {},
            price: structuredClone(price),
            quantity: p.quantity ?? 1,
            subscription: subId,
          },
        ],
        has_more: false,
        url: `/v1/subscription_items?subscription=${subId}`,
      },
      latest_invoice: null,
      livemode: false,
      metadata: p.metadata,
      pause_collection: null,
      start_date: now,
      status: 'incomplete',
      trial_end: null,
      trial_start: null,
    };
    const invoice = this.newInvoice(sub, 'subscription_create', now, end);
    sub.latest_invoice = invoice.id;
    const outcome = pm ? this.payInvoiceWith(invoice, pm, { emit: false }) : { ok: false as const, error: null };
    if (!outcome.ok && p.behavior === 'error_if_incomplete') {
      // Nothing is kept: Stripe answers the card error and creates no subscription.
      this.objects.delete(invoice.id as string);
      throw outcome.error!;
    }
    sub.status = outcome.ok ? 'active' : 'incomplete';
    this.put(sub);
    this.emit('customer.subscription.created', sub);
    this.emit('invoice.created', invoice);
    this.emit('invoice.finalized', invoice);
    this.emitInvoiceOutcome(invoice, outcome.ok);
    return sub;
  }

  private newInvoice(sub: Json, reason: string, start: number, end: number): Json {
    const customer = this.get('customer', sub.customer as string);
    const item = ((sub.items as Json).data as Json[])[0]!;
    const price = item.price as Json;
    const amount = (price.unit_amount as number) * (item.quantity as number);
    const seq = (this.invoiceSeq.get(customer.id as string) ?? 0) + 1;
    this.invoiceSeq.set(customer.id as string, seq);
    const id = newId('in');
    const product = this.find('product', price.product as string);
    return this.put({
      id,
      object: 'invoice',
      amount_due: amount,
      amount_paid: 0,
      amount_remaining: amount,
      attempt_count: 0,
      attempted: false,
      billing_reason: reason,
      collection_method: 'charge_automatically',
      created: start,
      currency: price.currency,
      customer: customer.id,
      customer_email: customer.email,
      customer_name: customer.name,
      description: null,
      hosted_invoice_url: `${this.opts.publicUrl()}/invoices/${id}`,
      invoice_pdf: `${this.opts.publicUrl()}/invoices/${id}/pdf`,
      lines: {
        object: 'list',
        data: [
          {
            id: newId('il'),
            object: 'line_item',
            amount,
            currency: price.currency,
            description: `${item.quantity as number} × ${(product?.name as string) ?? 'Subscription'}`,
            period: { start, end },
            pricing: { type: 'price_details', price_details: { price: price.id, product: price.product } },
            quantity: item.quantity,
          },
        ],
        has_more: false,
        url: `/v1/invoices/${id}/lines`,
      },
      livemode: false,
      metadata: {},
      next_payment_attempt: null,
      number: `${customer.invoice_prefix as string}-${String(seq).padStart(4, '0')}`,
      parent: {
        type: 'subscription_details',
        quote_details: null,
        subscription_details: { subscription: sub.id, metadata: structuredClone(sub.metadata) },
      },
      period_start: start,
      period_end: end,
      status: 'open',
      status_transitions: { finalized_at: start, paid_at: null, voided_at: null, marked_uncollectible_at: null },
      subtotal: amount,
      total: amount,
      _payment_intent: null,
    });
  }

  /** Charges an invoice: a payment intent for its amount, one attempt with the card. */
  private payInvoiceWith(
    invoice: Json,
    pm: Json,
    opts: { emit: boolean },
  ): { ok: true } | { ok: false; error: StripeApiError } {
    let pi = invoice._payment_intent ? this.get('payment_intent', invoice._payment_intent as string) : undefined;
    if (!pi) {
      pi = this.createPaymentIntent({
        amount: invoice.amount_due as number,
        currency: invoice.currency as string,
        customer: invoice.customer as string,
        metadata: {},
        description: 'Subscription update',
        invoice: invoice.id as string,
      });
      invoice._payment_intent = pi.id;
    }
    invoice.attempt_count = (invoice.attempt_count as number) + 1;
    invoice.attempted = true;
    const result = this.charge(pi, pm);
    if (result.ok) {
      invoice.status = 'paid';
      invoice.amount_paid = invoice.amount_due;
      invoice.amount_remaining = 0;
      (invoice.status_transitions as Json).paid_at = this.ts();
      invoice.next_payment_attempt = null;
    } else {
      invoice.next_payment_attempt = this.ts() + 3 * 86_400;
    }
    invoice.payments = {
      object: 'list',
      data: [
        {
          id: newId('inpay'),
          object: 'invoice_payment',
          amount_paid: result.ok ? invoice.amount_due : null,
          amount_requested: invoice.amount_due,
          currency: invoice.currency,
          invoice: invoice.id,
          is_default: true,
          payment: { type: 'payment_intent', payment_intent: pi.id },
          status: result.ok ? 'paid' : 'open',
        },
      ],
      has_more: false,
      url: `/v1/invoice_payments?invoice=${invoice.id as string}`,
    };
    if (opts.emit) this.emitInvoiceOutcome(invoice, result.ok);
    return result;
  }

  private emitInvoiceOutcome(invoice: Json, ok: boolean) {
    if (ok) {
      this.emit('invoice.paid', invoice);
      this.emit('invoice.payment_succeeded', invoice);
    } else {
      this.emit('invoice.payment_failed', invoice);
    }
  }

  /** invoices.pay: another attempt at an open invoice; a paid one brings its subscription back to active. */
  payInvoice(id: string, paymentMethod?: string): Json {
    const invoice = this.get('invoice', id);
    if (invoice.status !== 'open') throw invalid('Invoice is already paid', undefined, 'invoice_not_open');
    const customer = this.get('customer', invoice.customer as string);
    const subId = ((invoice.parent as Json | null)?.subscription_details as Json | null)?.subscription as
      string | undefined;
    const sub = subId ? this.find('subscription', subId) : undefined;
    const pmId =
      paymentMethod ??
      (sub?.default_payment_method as string | null) ??
      ((customer.invoice_settings as Json).default_payment_method as string | null) ??
      undefined;
    if (!pmId) throw invalid('This customer has no attached payment source or default payment method.');
    const result = this.payInvoiceWith(invoice, this.paymentMethod(pmId), { emit: true });
    if (result.ok && sub && ['past_due', 'incomplete', 'unpaid'].includes(sub.status as string)) {
      const previous = { status: sub.status };
      sub.status = 'active';
      this.emit('customer.subscription.updated', sub, previous);
    }
    if (!result.ok) throw result.error;
    return invoice;
  }

  updateSubscription(
    id: string,
    p: {
      cancelAtPeriodEnd?: boolean;
      metadata?: Record<string, string>;
      price?: string;
      itemId?: string;
      defaultPaymentMethod?: string;
    },
  ): Json {
    const sub = this.get('subscription', id);
    if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
      throw invalid('A canceled subscription can only update its cancellation_details and metadata.');
    }
    const previous: Json = {};
    if (p.cancelAtPeriodEnd !== undefined && p.cancelAtPeriodEnd !== sub.cancel_at_period_end) {
      previous.cancel_at_period_end = sub.cancel_at_period_end;
      previous.canceled_at = sub.canceled_at;
      previous.cancel_at = sub.cancel_at;
      sub.cancel_at_period_end = p.cancelAtPeriodEnd;
      sub.canceled_at = p.cancelAtPeriodEnd ? this.ts() : null;
      sub.cancel_at = p.cancelAtPeriodEnd ? ((sub.items as Json).data as Json[])[0]!.current_period_end : null;
      sub.cancellation_details = {
        comment: null,
        feedback: null,
        reason: p.cancelAtPeriodEnd ? 'cancellation_requested' : null,
      };
    }
    if (p.metadata !== undefined) {
      previous.metadata = sub.metadata;
      sub.metadata = p.metadata;
    }
    if (p.defaultPaymentMethod !== undefined) {
      const pm = this.paymentMethod(p.defaultPaymentMethod, 'default_payment_method');
      previous.default_payment_method = sub.default_payment_method;
      sub.default_payment_method = pm.id;
    }
    if (p.price !== undefined) {
      // A plan change: the item's price is swapped. (Stripe also prorates; the local one does not.)
      const item = ((sub.items as Json).data as Json[])[0]!;
      if (p.itemId && p.itemId !== item.id) throw missing('subscription item', p.itemId, 'items[0][id]');
      const price = this.get('price', p.price, 'items[0][price]');
      if (price.type !== 'recurring') throw invalid('The price must be recurring.', 'items[0][price]');
      previous.items = structuredClone(sub.items);
      item.price = structuredClone(price);
    }
    if (Object.keys(previous).length > 0) this.emit('customer.subscription.updated', sub, previous);
    return sub;
  }

  /** subscriptions.cancel: ends it now. */
  cancelSubscription(id: string): Json {
    const sub = this.get('subscription', id);
    if (sub.status === 'canceled') {
      throw invalid(`No such subscription: '${id}' is already canceled.`, undefined, 'resource_missing');
    }
    const now = this.ts();
    sub.status = 'canceled';
    sub.canceled_at = sub.canceled_at ?? now;
    sub.ended_at = now;
    sub.cancellation_details = { comment: null, feedback: null, reason: 'cancellation_requested' };
    this.emit('customer.subscription.deleted', sub);
    return sub;
  }

  // ── Time ───────────────────────────────────────────────────────────────────

  /**
   * What Stripe does as time passes, up to the emulated now: checkout sessions expire; a
   * subscription whose period ended is cancelled (cancel_at_period_end) or renewed with a new
   * invoice charged to its card (past_due when that fails).
   */
  tick(): void {
    const now = this.ts();
    for (const session of this.all('checkout.session')) {
      if (session.status === 'open' && (session.expires_at as number) <= now)
        this.expireCheckoutSession(session.id as string);
    }
    for (const sub of this.all('subscription')) {
      for (let guard = 0; guard < 120; guard++) {
        if (sub.status !== 'active' && sub.status !== 'trialing') break;
        const item = ((sub.items as Json).data as Json[])[0]!;
        const end = item.current_period_end as number;
        if (end > now) break;
        if (sub.cancel_at_period_end) {
          sub.status = 'canceled';
          sub.ended_at = end;
          this.emit('customer.subscription.deleted', sub);
          break;
        }
        const recurring = (item.price as Json).recurring as { interval: string; interval_count: number };
        const next = addInterval(end, recurring.interval, recurring.interval_count);
        const previous = {
          items: structuredClone(sub.items),
          latest_invoice: sub.latest_invoice,
          status: sub.status,
        };
        item.current_period_start = end;
        item.current_period_end = next;
        const invoice = this.newInvoice(sub, 'subscription_cycle', end, next);
        sub.latest_invoice = invoice.id;
        this.emit('invoice.created', invoice);
        this.emit('invoice.finalized', invoice);
        const customer = this.get('customer', sub.customer as string);
        const pmId =
          (sub.default_payment_method as string | null) ??
          ((customer.invoice_settings as Json).default_payment_method as string | null);
        const ok = pmId ? this.payInvoiceWith(invoice, this.paymentMethod(pmId), { emit: true }).ok : false;
        if (!pmId) this.emit('invoice.payment_failed', invoice);
        if (!ok) sub.status = 'past_due';
        this.emit('customer.subscription.updated', sub, previous);
      }
    }
  }
}

function sortKey(o: Json): number {
  // Newest first, as Stripe lists; events created in the same second keep their order.
  return (o.created as number) * 1e6 + ((o._seq as number | undefined) ?? 0);
}

/** The object as answered: internal fields (leading underscore) removed. */
export function publicView(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(publicView);
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) if (!k.startsWith('_')) out[k] = publicView(v);
    return out;
  }
  return value;
}
