/** The lookup key of a plan's Stripe price: how the server finds it when no STRIPE_PRICE_* is set. */
export function planLookupKey(planId: string, billingCycle: 'monthly' | 'yearly'): string {
  return `learningpt_${planId}_${billingCycle}`;
}
