export * from './gateway';
export { createStripeGateway, sdkOptionsFor, type StripeGatewayOptions } from './stripe-gateway';
export { planLookupKey } from './catalog';
export {
  createPaymentGateway,
  describePayments,
  LOCAL_STRIPE_SECRET_KEY,
  LOCAL_STRIPE_WEBHOOK_SECRET,
  type PaymentsConfig,
} from './create-gateway';
