// The test payment methods of Stripe's test mode that the local Stripe understands, with the
// outcome Stripe gives them (https://docs.stripe.com/testing#declined-payments).

export interface TestCard {
  brand: string;
  last4: string;
  /** Null: the charge succeeds. Otherwise the card error Stripe answers. */
  decline: null | { code: string; declineCode?: string; message: string };
}

export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  pm_card_visa: { brand: 'visa', last4: '4242', decline: null },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', decline: null },
  pm_card_amex: { brand: 'amex', last4: '8431', decline: null },
  pm_card_chargeDeclined: {
    brand: 'visa',
    last4: '0002',
    decline: { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' },
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    brand: 'visa',
    last4: '9995',
    decline: { code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  },
  pm_card_chargeDeclinedExpiredCard: {
    brand: 'visa',
    last4: '0069',
    decline: { code: 'expired_card', message: 'Your card has expired.' },
  },
};

/** tok_* card tokens behave like the matching pm_card_* (tok_visa = pm_card_visa ...). */
export function testCardFor(id: string): TestCard | undefined {
  if (Object.hasOwn(TEST_CARDS, id)) return TEST_CARDS[id];
  if (id.startsWith('tok_')) {
    const pm = `pm_card_${id.slice(4)}`;
    return Object.hasOwn(TEST_CARDS, pm) ? TEST_CARDS[pm] : undefined;
  }
  return undefined;
}
