import { describe, expect, it } from 'vitest';
import { createPaymentGateway, describePayments } from '@learningpt/billing';
import { loadConfig } from '../../config';

const DEV = { DATABASE_URL: 'postgresql://postgres:secret@localhost:5432/learningpt', NODE_ENV: 'development' };

describe('payment settings', () => {
  it('a Stripe key needs its webhook secret, and neither value is ever echoed', () => {
    let message = '';
    try {
      loadConfig({ ...DEV, STRIPE_SECRET_KEY: 'sk_test_abc123' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set');
    expect(message).not.toContain('sk_test_abc123');
    expect(() =>
      loadConfig({ ...DEV, STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_WEBHOOK_SECRET: 'whsec_x1' }),
    ).not.toThrow();

    let bad = '';
    try {
      loadConfig({ ...DEV, STRIPE_SECRET_KEY: 'pk_test_public', STRIPE_WEBHOOK_SECRET: 'nope-secret' });
    } catch (e) {
      bad = (e as Error).message;
    }
    expect(bad).toContain('STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_... or sk_live_...');
    expect(bad).toContain('STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_...');
    expect(bad).not.toContain('pk_test_public');
    expect(bad).not.toContain('nope-secret');
  });

  it('checks prices, the tax rate and the local port', () => {
    expect(() => loadConfig({ ...DEV, STRIPE_PRICE_BASIC: 'basic' })).toThrow(
      /STRIPE_PRICE_BASIC must be a Stripe price id/,
    );
    expect(() => loadConfig({ ...DEV, TAX_RATE_PERCENT: '101' })).toThrow(/TAX_RATE_PERCENT can be at most 100/);
    expect(() => loadConfig({ ...DEV, TAX_RATE_PERCENT: 'ten' })).toThrow(/TAX_RATE_PERCENT must be a number/);
    expect(() => loadConfig({ ...DEV, STRIPE_API_BASE: 'http://127.0.0.1:12111/v1' })).toThrow(/without a path/);
    const c = loadConfig({ ...DEV, TAX_RATE_PERCENT: '7.5' });
    expect(c).toMatchObject({ TAX_RATE_PERCENT: 7.5, STRIPE_EMULATOR_PORT: 12111 });
  });

  it('picks the provider: Stripe with a key, the local Stripe in development without one, else none', () => {
    expect(createPaymentGateway(loadConfig(DEV))?.mode).toBe('local');
    expect(describePayments(loadConfig({ ...DEV, STRIPE_EMULATOR_PORT: '12999' }))).toBe(
      'the local Stripe at http://127.0.0.1:12999',
    );
    const prod = { ...DEV, NODE_ENV: 'test' };
    expect(createPaymentGateway(loadConfig(prod))).toBeNull();
    const withKey = loadConfig({ ...prod, STRIPE_SECRET_KEY: 'sk_live_abc', STRIPE_WEBHOOK_SECRET: 'whsec_x' });
    expect(createPaymentGateway(withKey)?.mode).toBe('stripe');
    expect(describePayments(withKey)).toBe('Stripe (live mode)');
  });
});
