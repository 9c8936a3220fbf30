// The payment provider as the domain sees it: the few Stripe operations billing needs, in our
// terms (amounts in minor units, currencies upper case, Dates). One adapter implements it with
// the real `stripe` SDK (stripe-gateway.ts); in development and tests that SDK talks to the
// local Stripe (@learningpt/stripe-local), so the code path is the same everywhere.
//
// Every write takes an idempotency key: the same key always means the same request, so a retry
// (ours, the SDK's, a job's) can never create a second charge, refund or customer.

export type SubscriptionState =
  'incomplete' | 'incomplete_expired' | 'trialing' | 'active' | 'past_due' | 'canceled' | 'unpaid' | 'paused';

export interface GatewayCheckoutSession {
  id: string;
  url: string | null;
  mode: 'payment' | 'subscription' | 'setup';
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  paymentIntentId: string | null;
  subscriptionId: string | null;
  customerId: string | null;
  amountTotal: number | null;
  currency: string | null;
  metadata: Record<string, string>;
  clientReferenceId: string | null;
  expiresAt: Date;
}

export interface GatewayPaymentIntent {
  id: string;
  status:
    | 'requires_payment_method'
    | 'requires_confirmation'
    | 'requires_action'
    | 'processing'
    | 'requires_capture'
    | 'canceled'
    | 'succeeded';
  amount: number;
  amountReceived: number;
  currency: string;
  customerId: string | null;
  metadata: Record<string, string>;
  clientSecret: string | null;
  /** Refunded so far on its charge. */
  amountRefunded: number;
  /** Why the last attempt failed (a decline), for the customer. */
  failureMessage: string | null;
  created: Date;
}

export interface GatewaySubscription {
  id: string;
  customerId: string;
  status: SubscriptionState;
  priceId: string | null;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  endedAt: Date | null;
  metadata: Record<string, string>;
  latestInvoiceId: string | null;
  created: Date;
}

export interface GatewayInvoice {
  id: string;
  customerId: string | null;
  subscriptionId: string | null;
  number: string | null;
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  total: number;
  amountPaid: number;
  currency: string;
  hostedUrl: string | null;
  pdfUrl: string | null;
  created: Date;
  paidAt: Date | null;
  /** The PaymentIntent that paid it (for refunds), when known. */
  paymentIntentId: string | null;
}

export interface GatewayRefund {
  id: string;
  paymentIntentId: string | null;
  amount: number;
  currency: string;
  status: 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';
  reason: string | null;
  metadata: Record<string, string>;
  created: Date;
}

export interface GatewayPrice {
  id: string;
  lookupKey: string | null;
  unitAmount: number | null;
  currency: string;
  interval: 'day' | 'week' | 'month' | 'year' | null;
  active: boolean;
  productId: string;
}

/** A verified webhook: only what names the object; its state is always read from the API. */
export interface GatewayEvent {
  id: string;
  type: string;
  created: Date;
  objectId: string | null;
  objectType: string | null;
  livemode: boolean;
}

export type CheckoutLineItem =
  | { priceId: string; quantity: number }
  | { name: string; description?: string; unitAmount: number; currency: string; quantity: number };

export interface WriteOptions {
  idempotencyKey: string;
}

export interface PaymentGateway {
  /** 'local' when talking to the local Stripe (development, tests). */
  readonly mode: 'stripe' | 'local';

  createCustomer(p: { email: string; name: string; userId: string }, o: WriteOptions): Promise<{ id: string }>;
  /** Attaches a payment method (or a test card id) and makes it the customer's default. */
  attachDefaultPaymentMethod(
    p: { customerId: string; paymentMethodId: string },
    o: WriteOptions,
  ): Promise<{ id: string }>;

  createCheckoutSession(
    p: {
      mode: 'payment' | 'subscription';
      customerId: string;
      lineItems: CheckoutLineItem[];
      successUrl: string;
      cancelUrl: string;
      metadata: Record<string, string>;
      clientReferenceId: string;
      expiresAt?: Date;
    },
    o: WriteOptions,
  ): Promise<GatewayCheckoutSession>;
  retrieveCheckoutSession(id: string): Promise<GatewayCheckoutSession | null>;
  expireCheckoutSession(id: string, o: WriteOptions): Promise<GatewayCheckoutSession>;

  /** With a payment method it is confirmed at once; a decline comes back as the intent with failureMessage. */
  createPaymentIntent(
    p: {
      amount: number;
      currency: string;
      customerId: string;
      metadata: Record<string, string>;
      description: string;
      paymentMethodId?: string;
    },
    o: WriteOptions,
  ): Promise<GatewayPaymentIntent>;
  retrievePaymentIntent(id: string): Promise<GatewayPaymentIntent | null>;
  /** Confirms with a payment method; a decline comes back as the intent with failureMessage. */
  confirmPaymentIntent(id: string, p: { paymentMethodId: string }, o: WriteOptions): Promise<GatewayPaymentIntent>;
  cancelPaymentIntent(id: string, o: WriteOptions): Promise<GatewayPaymentIntent>;

  /** Charges the first period at once; a decline throws PaymentDeclinedError and creates nothing. */
  createSubscription(
    p: { customerId: string; priceId: string; paymentMethodId: string; metadata: Record<string, string> },
    o: WriteOptions,
  ): Promise<GatewaySubscription>;
  retrieveSubscription(id: string): Promise<GatewaySubscription | null>;
  /** Ends it now (no refund by itself). */
  cancelSubscriptionNow(id: string, o: WriteOptions): Promise<GatewaySubscription>;
  /** Every subscription of the customer, whatever its status. */
  listSubscriptions(customerId: string): Promise<GatewaySubscription[]>;
  updateSubscription(
    id: string,
    p: { cancelAtPeriodEnd?: boolean; priceId?: string; metadata?: Record<string, string> },
    o: WriteOptions,
  ): Promise<GatewaySubscription>;

  retrieveInvoice(id: string): Promise<GatewayInvoice | null>;
  listInvoices(customerId: string, p: { limit: number }): Promise<GatewayInvoice[]>;

  createRefund(
    p: {
      paymentIntentId: string;
      amount: number;
      reason?: 'requested_by_customer' | 'duplicate' | 'fraudulent';
      metadata: Record<string, string>;
    },
    o: WriteOptions,
  ): Promise<GatewayRefund>;
  listRefunds(paymentIntentId: string): Promise<GatewayRefund[]>;
  /** The PaymentIntent of a charge (charge.refunded names the charge). */
  paymentIntentOfCharge(chargeId: string): Promise<string | null>;

  retrievePrice(id: string): Promise<GatewayPrice | null>;
  priceByLookupKey(lookupKey: string): Promise<GatewayPrice | null>;
  /** The active recurring price with this lookup key, created (with its product) when missing or different. */
  ensurePrice(p: {
    lookupKey: string;
    productName: string;
    productDescription?: string;
    unitAmount: number;
    currency: string;
    interval: 'month' | 'year';
    metadata: Record<string, string>;
  }): Promise<{ price: GatewayPrice; created: boolean }>;

  /** Verifies Stripe-Signature (HMAC, 300 s tolerance); throws WebhookSignatureError. */
  verifyWebhook(rawBody: Buffer | string, signature: string | undefined): GatewayEvent;
}

/** The card was declined (or needs another payment method): the customer can act on the message. */
export class PaymentDeclinedError extends Error {
  override readonly name = 'PaymentDeclinedError';
  constructor(
    message: string,
    readonly code: string | null,
    readonly declineCode: string | null,
  ) {
    super(message);
  }
}

/** Stripe refused the request. `param`/`code` say why (e.g. resource_missing on payment_method). */
export class PaymentGatewayError extends Error {
  override readonly name = 'PaymentGatewayError';
  constructor(
    message: string,
    readonly kind: 'invalid_request' | 'authentication' | 'connection' | 'rate_limit' | 'api' | 'idempotency',
    readonly code: string | null = null,
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
}
