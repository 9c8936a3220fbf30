// The one plan table (SubscriptionPlan rows: price, features, limits) and how each plan maps to its
// Stripe price: STRIPE_PRICE_<PLAN> when configured, else the price with the plan's lookup key
// (what `pnpm stripe:setup` creates). The Stripe price must charge what the table says.
import { planLookupKey, type GatewayPrice, type PaymentGateway } from '@learningpt/billing';
import type { Db, Prisma, SubscriptionPlan } from '@learningpt/db';
import type { PlanLimits, PlansOutput } from '@learningpt/schema';
import { AppError } from '../shared/errors';
import { toMajor } from '../shared/money';
import type { BillingSettings } from './settings';

type DbLike = Db | Prisma.TransactionClient;

/** Limits of a plan row; a missing or malformed value counts as the free plan's (never more). */
const FALLBACK_LIMITS: PlanLimits = { aiMessages: 10, aiTokensPerMessage: 500, programs: 5, aiPriority: false };

/** A plan's limits as the rest of the product reads them (-1 = unlimited). */
export function planLimitsOf(limits: Prisma.JsonValue): PlanLimits {
  const o = limits && typeof limits === 'object' && !Array.isArray(limits) ? (limits as Record<string, unknown>) : {};
  const int = (k: 'aiMessages' | 'aiTokensPerMessage' | 'programs') => {
    const v = o[k];
    return typeof v === 'number' && Number.isInteger(v) && v >= -1 ? v : FALLBACK_LIMITS[k];
  };
  return {
    aiMessages: int('aiMessages'),
    aiTokensPerMessage: int('aiTokensPerMessage'),
    programs: int('programs'),
    aiPriority: o.aiPriority === true,
  };
}

/** subscriptions.plans: the active plans, in their order. */
export async function listPlans({ db }: { db: DbLike }): Promise<PlansOutput> {
  const plans = await db.subscriptionPlan.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
  });
  return { plans: plans.map(planView) };
}

export function planView(p: SubscriptionPlan) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    price: toMajor(p.price),
    currency: p.currency,
    billingCycle: p.billingCycle,
    features: p.features,
    limits: planLimitsOf(p.limits),
  };
}

const unavailable = (plan: SubscriptionPlan) =>
  new AppError(
    'UNPROCESSABLE',
    `The ${plan.name} plan cannot be bought right now: its Stripe price is not set up. Please try again later.`,
  );

/**
 * The Stripe price of a paid plan, checked against the plan table (amount, currency, interval),
 * so nobody is charged another amount than the one shown. With the local Stripe a missing price
 * is created on first use, as `pnpm stripe:setup` would.
 */
export async function stripePriceOfPlan({
  payments,
  billing,
  plan,
}: {
  payments: PaymentGateway;
  billing: BillingSettings;
  plan: SubscriptionPlan;
}): Promise<GatewayPrice> {
  const configured = billing.planPrices[plan.id];
  const lookupKey = planLookupKey(plan.id, plan.billingCycle);
  let price = configured ? await payments.retrievePrice(configured) : await payments.priceByLookupKey(lookupKey);
  if (!price && !configured && payments.mode === 'local') {
    price = (await payments.ensurePrice(catalogEntryOf(plan))).price;
  }
  const interval = plan.billingCycle === 'monthly' ? 'month' : 'year';
  if (
    !price ||
    !price.active ||
    price.unitAmount !== plan.price ||
    price.currency !== plan.currency ||
    price.interval !== interval
  ) {
    throw unavailable(plan);
  }
  return price;
}

type CatalogPlan = Pick<SubscriptionPlan, 'id' | 'name' | 'description' | 'price' | 'currency' | 'billingCycle'>;

/** What `pnpm stripe:setup` creates for a plan: its product and monthly/yearly price, by lookup key. */
export function catalogEntryOf(plan: CatalogPlan) {
  return {
    lookupKey: planLookupKey(plan.id, plan.billingCycle),
    productName: `LearninGPT ${plan.name}`,
    ...(plan.description ? { productDescription: plan.description } : {}),
    unitAmount: plan.price,
    currency: plan.currency,
    interval: plan.billingCycle === 'monthly' ? ('month' as const) : ('year' as const),
    metadata: { planId: plan.id },
  };
}

/** Which plan a Stripe price is: the configured ids, then the lookup keys, then the table's own ids. */
export async function planOfPrice({
  db,
  payments,
  billing,
  priceId,
}: {
  db: DbLike;
  payments: PaymentGateway;
  billing: BillingSettings;
  priceId: string | null;
}): Promise<SubscriptionPlan | null> {
  if (!priceId) return null;
  const plans = await db.subscriptionPlan.findMany();
  const byConfig = plans.find((p) => billing.planPrices[p.id] === priceId);
  if (byConfig) return byConfig;
  const byColumn = plans.find((p) => p.stripePriceId === priceId);
  if (byColumn) return byColumn;
  const price = await payments.retrievePrice(priceId);
  if (!price?.lookupKey) return null;
  return plans.find((p) => planLookupKey(p.id, p.billingCycle) === price.lookupKey) ?? null;
}

/**
 * `pnpm stripe:setup`: the product and price of every paid plan in a Stripe account, found by
 * lookup key (so running it again creates nothing; a changed amount makes a new price and moves
 * the key to it). Answers the STRIPE_PRICE_* variables to set.
 */
export async function ensurePlanPrices({
  payments,
  plans,
}: {
  payments: PaymentGateway;
  plans: readonly (CatalogPlan & { active?: boolean })[];
}): Promise<{ planId: string; variable: string; priceId: string; created: boolean }[]> {
  const out = [];
  for (const plan of plans) {
    if (plan.price <= 0 || plan.active === false) continue;
    const { price, created } = await payments.ensurePrice(catalogEntryOf(plan));
    out.push({ planId: plan.id, variable: `STRIPE_PRICE_${plan.id.toUpperCase()}`, priceId: price.id, created });
  }
  return out;
}
