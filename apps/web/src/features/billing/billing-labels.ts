import type { AccessType, Order, PlanLimits, Subscription } from '@learningpt/schema';

/** What each purchasable part of a program is called on the page. */
export const ACCESS_LABELS: Record<AccessType, string> = {
  chatbot: 'AI tutor',
  documentation: 'Documentation',
  examSimulator: 'Exam simulator',
  bundle: 'Bundle',
};

export type OrderState = 'paid' | 'partly-refunded' | 'refunded' | 'failed' | 'cancelled' | 'pending';

/** One state for people from the order's two statuses (fulfilment and payment). */
export function orderState(o: Pick<Order, 'status' | 'paymentStatus' | 'paidAt' | 'amountRefunded'>): OrderState {
  if (o.paymentStatus === 'refunded') return 'refunded';
  if (o.paidAt) return o.amountRefunded > 0 ? 'partly-refunded' : 'paid';
  if (o.status === 'cancelled') return 'cancelled';
  if (o.paymentStatus === 'failed') return 'failed';
  return 'pending';
}

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  paid: 'Paid',
  'partly-refunded': 'Partly refunded',
  refunded: 'Refunded',
  failed: 'Payment failed',
  cancelled: 'Cancelled',
  pending: 'Awaiting payment',
};

export const ORDER_STATE_STYLES: Record<OrderState, string> = {
  paid: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  'partly-refunded': 'bg-sky-50 text-sky-700 ring-sky-600/20',
  refunded: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  failed: 'bg-red-50 text-red-700 ring-red-600/20',
  cancelled: 'bg-slate-100 text-slate-600 ring-slate-500/20',
  pending: 'bg-amber-50 text-amber-800 ring-amber-600/20',
};

export const SUBSCRIPTION_STATUS_LABELS: Record<Subscription['status'], string> = {
  incomplete: 'Incomplete',
  incomplete_expired: 'Expired',
  trialing: 'Trial',
  active: 'Active',
  past_due: 'Payment overdue',
  canceled: 'Ended',
  unpaid: 'Unpaid',
  paused: 'Paused',
};

export const INVOICE_STATUS_LABELS = {
  draft: 'Draft',
  open: 'Open',
  paid: 'Paid',
  void: 'Void',
  uncollectible: 'Uncollectible',
} as const;

/** The plan's limits as sentences (-1 is unlimited). */
export function limitLines(limits: PlanLimits): string[] {
  const n = (v: number) => v.toLocaleString();
  return [
    limits.aiMessages === -1 ? 'Unlimited AI tutor messages' : `${n(limits.aiMessages)} AI tutor messages a day`,
    `AI answers up to ${n(limits.aiTokensPerMessage)} tokens`,
    limits.programs === -1 ? 'Enroll in any number of programs' : `Up to ${n(limits.programs)} programs at once`,
  ];
}

export const CYCLE_LABELS = { monthly: 'month', yearly: 'year' } as const;
