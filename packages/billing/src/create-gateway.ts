import type { PaymentGateway } from './gateway';
import { createStripeGateway } from './stripe-gateway';

/** The key the server uses with the local Stripe (which accepts any sk_test_ key). */
export const LOCAL_STRIPE_SECRET_KEY = 'sk_test_local_development';
/** The local Stripe's default webhook signing secret (LOCAL_WEBHOOK_SECRET of @learningpt/stripe-local). */
export const LOCAL_STRIPE_WEBHOOK_SECRET = 'whsec_local_development_only_not_a_secret';

/** The settings the payment provider is chosen by (a subset of the server's config). */
export interface PaymentsConfig {
  NODE_ENV?: string;
  STRIPE_SECRET_KEY?: string | undefined;
  STRIPE_WEBHOOK_SECRET?: string | undefined;
  STRIPE_API_BASE?: string | undefined;
  STRIPE_EMULATOR_PORT?: number | undefined;
}

/**
 * The one place that decides where payments go: Stripe with STRIPE_SECRET_KEY (at STRIPE_API_BASE
 * when set); without a key, in development, the local Stripe on 127.0.0.1:STRIPE_EMULATOR_PORT;
 * otherwise none (payment requests answer that payments are unavailable).
 */
export function createPaymentGateway(config: PaymentsConfig): PaymentGateway | null {
  if (config.STRIPE_SECRET_KEY) {
    if (!config.STRIPE_WEBHOOK_SECRET) throw new Error('STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY');
    return createStripeGateway({
      secretKey: config.STRIPE_SECRET_KEY,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET,
      apiBase: config.STRIPE_API_BASE,
    });
  }
  if (config.NODE_ENV !== 'development') return null;
  return createStripeGateway({
    secretKey: LOCAL_STRIPE_SECRET_KEY,
    webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? LOCAL_STRIPE_WEBHOOK_SECRET,
    apiBase: config.STRIPE_API_BASE ?? `http://127.0.0.1:${config.STRIPE_EMULATOR_PORT ?? 12111}`,
  });
}

/** Where the gateway points, for a start-up log line (never the key). */
export function describePayments(config: PaymentsConfig): string {
  if (config.STRIPE_SECRET_KEY) {
    const mode = config.STRIPE_SECRET_KEY.includes('_live_') ? 'live' : 'test';
    return `Stripe (${mode} mode${config.STRIPE_API_BASE ? ` at ${config.STRIPE_API_BASE}` : ''})`;
  }
  if (config.NODE_ENV !== 'development') return 'none (STRIPE_SECRET_KEY is not set)';
  return `the local Stripe at ${config.STRIPE_API_BASE ?? `http://127.0.0.1:${config.STRIPE_EMULATOR_PORT ?? 12111}`}`;
}
