// `pnpm stripe:setup`: creates the products and prices of the paid plans in your Stripe test
// account (idempotent: found again by lookup key), from the plan table, and prints the variables
// to set. Reads STRIPE_SECRET_KEY (and STRIPE_API_BASE, DATABASE_URL) from the environment or .env.
//   With DATABASE_URL: the SubscriptionPlan rows of that database.
//   Without it: the plans the seed loads (prisma/seed/data/billing.ts), the same table.
import { existsSync } from 'node:fs';
import { createStripeGateway, LOCAL_STRIPE_SECRET_KEY } from '@learningpt/billing';
import { ensurePlanPrices } from '@learningpt/core';
import { createDb } from '@learningpt/db';
import { PLANS } from '../prisma/seed/data/billing';

const root = new URL('..', import.meta.url).pathname;
if (existsSync(`${root}.env`)) process.loadEnvFile(`${root}.env`);
const env = process.env;

const key = env.STRIPE_SECRET_KEY ?? (env.STRIPE_API_BASE ? LOCAL_STRIPE_SECRET_KEY : undefined);
if (!key) {
  console.error(
    'Set STRIPE_SECRET_KEY to a test-mode secret key (sk_test_..., Dashboard → Developers → API keys),\n' +
      'or STRIPE_API_BASE to a local Stripe (e.g. http://127.0.0.1:12111), then run pnpm stripe:setup again.',
  );
  process.exit(1);
}
if (key.startsWith('sk_live_') && !process.argv.includes('--live')) {
  console.error('That is a live-mode key. Use a test key, or pass --live if you really mean to set up live prices.');
  process.exit(1);
}

async function plans() {
  if (!env.DATABASE_URL) {
    console.log('DATABASE_URL is not set: using the plans of the seed (prisma/seed/data/billing.ts).');
    return PLANS.map((p) => ({ ...p, currency: 'USD', billingCycle: 'monthly' as const }));
  }
  const db = createDb({ connectionString: env.DATABASE_URL, max: 1 });
  try {
    return await db.subscriptionPlan.findMany({ orderBy: { sortOrder: 'asc' } });
  } finally {
    await db.$disconnect();
  }
}

const payments = createStripeGateway({
  secretKey: key,
  // Not used here: nothing is verified.
  webhookSecret: 'whsec_unused',
  apiBase: env.STRIPE_API_BASE,
});
const results = await ensurePlanPrices({ payments, plans: await plans() });
for (const r of results) console.log(`${r.created ? 'created ' : 'found   '} ${r.planId}: ${r.priceId}`);
console.log('\nSet these (in .env or your deployment):\n');
for (const r of results) console.log(`${r.variable}=${r.priceId}`);
console.log(
  '\nWebhooks: forward them to the API and set STRIPE_WEBHOOK_SECRET to the whsec_... it prints:\n' +
    '  stripe listen --forward-to localhost:3000/api/payments/webhook\n' +
    'In production, add an endpoint for https://<your API>/api/payments/webhook in the Dashboard.',
);
