import type { PaymentGateway } from '@learningpt/billing';
import type { Db } from '@learningpt/db';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';

/** How billing is set up on this server (from its configuration). */
export interface BillingSettings {
  /** Tax added to every order, in percent of the subtotal after the discount (TAX_RATE_PERCENT). */
  taxRatePercent: number;
  /** The web app's address: where Checkout sends the buyer back to, links in emails. */
  webUrl: string;
  /** Stripe price ids by plan id (STRIPE_PRICE_BASIC, ...). A plan without one is found by its lookup key. */
  planPrices: Readonly<Record<string, string>>;
}

export interface BillingLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentBillingLog: BillingLog = { info() {}, warn() {}, error() {} };

/** What every billing use case receives. `payments` is null when the server has no payment provider. */
export interface BillingDeps {
  db: Db;
  clock: Clock;
  payments: PaymentGateway | null;
  billing: BillingSettings;
  log?: BillingLog;
}

export function gatewayOf(payments: PaymentGateway | null): PaymentGateway {
  if (!payments) {
    throw new AppError(
      'UNPROCESSABLE',
      'Payments are not available on this server right now (no payment provider is configured). Please try again later.',
    );
  }
  return payments;
}

/** The smallest amount a card can be charged, in minor units (Stripe: 0.50 of most currencies). */
export const MIN_CHARGE_MINOR = 50;
