export * from './shared/errors';
export * from './shared/clock';
export * from './shared/money';
export * from './shared/pagination';
export * from './shared/viewer';
export * from './auth/password';
export * from './catalog/list-categories';
export * from './catalog/find-programs';
export * from './catalog/get-program';
export * from './catalog/program-view';
export * from './mail/enqueue-email';
export * from './auth/tokens';
export * from './auth/settings';
export * from './auth/common-passwords';
export * from './auth/sessions';
export * from './auth/one-time-tokens';
export * from './auth/auth-user';
export * from './auth/register';
export * from './auth/login';
export * from './auth/password-reset';
export * from './rate-limit/rate-limit';
export * from './audit/write-audit';
export * from './users/streak';
export * from './users/stats';
export * from './users/profile';
export * from './users/learning';
export * from './users/account';
export * from './users/export-data';
export * from './billing/live-plan';
export * from './admin/users';
export * from './html/sanitize';
export * from './catalog/slug';
export * from './catalog/program-access-check';
export * from './catalog/manage-programs';
export * from './catalog/managed-programs';
export * from './catalog/manage-categories';
export * from './access/feature-access';
export * from './learning/enroll';
export * from './learning/lessons';
export * from './learning/progress';
export * from './learning/curriculum';
export * from './reviews/reviews';
export * from './notifications/notify';
export * from './notifications/notifications';
export * from './instructors/applications';
export * from './instructors/profile';
export * from './instructors/dashboard';
export * from './search/search';
export * from './uploads/attach-upload';
export * from './uploads/file-deletion';
export * from './quizzes/index';
export * from './certificates/issue-certificate';
export * from './certificates/certificates';
export * from './certificates/certificate-pdf-file';
export * from './billing/settings';
export { listPlans, planLimitsOf, catalogEntryOf, ensurePlanPrices } from './billing/plans';
export {
  subscribe,
  currentSubscription,
  cancelSubscription,
  resumeSubscription,
  listInvoices,
} from './billing/subscriptions';
export { createCheckout, createPaymentIntent, verifyPayment, type PurchaseRequest } from './billing/purchase';
export { myOrders, orderById, listOrders, setOrderStatus, orderAnalytics } from './billing/order-queries';
export { refundOrder } from './billing/refunds';
export * from './billing/stripe-events';
export { reconcileBilling, type ReconcileReport } from './billing/reconcile';
