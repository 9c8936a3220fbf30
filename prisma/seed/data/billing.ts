// Plans (exactly the spec's GET /api/subscriptions/plans), subscriptions with their invoices,
// coupons and orders. Order amounts are computed from program/event prices by the seed.
import type {
  AccessType,
  InvoiceStatus,
  OrderStatus,
  PaymentStatus,
  RefundStatus,
  SubscriptionStatus,
} from '@learningpt/db';

export interface SeedPlan {
  id: string;
  name: string;
  description: string;
  price: number;
  features: string[];
  limits: Record<string, number | boolean>;
  stripePriceId: string | null;
  sortOrder: number;
}

export const PLANS: readonly SeedPlan[] = [
  {
    id: 'free',
    name: 'Free',
    description: 'Start learning at no cost.',
    price: 0,
    features: ['Access to free programs', 'Limited AI chatbot (10 messages/day)', 'Basic quizzes'],
    limits: { aiMessages: 10, aiTokensPerMessage: 500, programs: 5 },
    stripePriceId: null,
    sortOrder: 1,
  },
  {
    id: 'basic',
    name: 'Basic',
    description: 'Everything you need to learn and get certified.',
    price: 1999,
    features: ['AI chatbot (100 messages/day)', 'Access to all basic programs', 'Exam simulator', 'Certificates'],
    limits: { aiMessages: 100, aiTokensPerMessage: 1000, programs: -1 },
    stripePriceId: 'price_demo_basic_monthly',
    sortOrder: 2,
  },
  {
    id: 'premium',
    name: 'Premium',
    description: 'For serious learners who want mentorship and priority.',
    price: 3999,
    features: [
      'All Basic features',
      'Unlimited AI chatbot',
      'Priority AI responses',
      'Advanced programs',
      '1-on-1 mentorship sessions',
      'Exclusive content',
    ],
    // -1 = unlimited. AI: messages a day and the longest answer (output tokens) per plan;
    // aiPriority: ahead of the queue when model calls are at their cap ("Priority AI responses").
    limits: { aiMessages: -1, aiTokensPerMessage: 2000, programs: -1, aiPriority: true },
    stripePriceId: 'price_demo_premium_monthly',
    sortOrder: 3,
  },
];

export interface SeedInvoice {
  status: InvoiceStatus;
  /** Days relative to BASE_DATE. */
  day: number;
}

export interface SeedSubscription {
  key: string;
  user: string;
  plan: string;
  status: SubscriptionStatus;
  /** Start day of the first period; periods are 30 days long. */
  startDay: number;
  /** Number of periods that have started (the last one is the current period). */
  periods: number;
  cancelAtPeriodEnd: boolean;
  canceledDay?: number;
  endedDay?: number;
}

export const SUBSCRIPTIONS: readonly SeedSubscription[] = [
  // Current: John on Basic since day -60, renewed twice (current period = days 0..30).
  {
    key: 'john-basic',
    user: 'john',
    plan: 'basic',
    status: 'active',
    startDay: -60,
    periods: 3,
    cancelAtPeriodEnd: false,
  },
  // Current: Mei on Premium since day -25, cancelled at period end (access until day 5).
  {
    key: 'mei-premium',
    user: 'mei',
    plan: 'premium',
    status: 'active',
    startDay: -25,
    periods: 1,
    cancelAtPeriodEnd: true,
    canceledDay: -3,
  },
  // History: Alice tried Basic for one month and cancelled.
  {
    key: 'alice-basic-old',
    user: 'alice',
    plan: 'basic',
    status: 'canceled',
    startDay: -120,
    periods: 1,
    cancelAtPeriodEnd: false,
    canceledDay: -95,
    endedDay: -90,
  },
];

export const PERIOD_DAYS = 30;

export interface SeedCoupon {
  code: string;
  description: string;
  percentOff?: number;
  amountOff?: number;
  maxRedemptions?: number;
  validFromDay?: number;
  validUntilDay?: number;
  active: boolean;
}

export const COUPONS: readonly SeedCoupon[] = [
  {
    code: 'WELCOME10',
    description: '10% off your first purchase',
    percentOff: 10,
    maxRedemptions: 1000,
    validFromDay: -200,
    validUntilDay: 165,
    active: true,
  },
  {
    code: 'SAVE5',
    description: '$5 off any program',
    amountOff: 500,
    maxRedemptions: 100,
    validFromDay: -10,
    validUntilDay: 80,
    active: true,
  },
  {
    code: 'SUMMER25',
    description: 'Summer sale (ended)',
    percentOff: 25,
    maxRedemptions: 500,
    validFromDay: -200,
    validUntilDay: -110,
    active: false,
  },
];

export type SeedOrderItem =
  | { kind: 'program_access'; program: string; accessType: AccessType }
  | { kind: 'event_ticket'; event: string; quantity: number };

export interface SeedOrder {
  key: string;
  user: string;
  day: number;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  items: SeedOrderItem[];
  coupon?: string;
  /** A payment row (Stripe) exists for the order. */
  payment?: { status: PaymentStatus };
  refund?: { status: RefundStatus; reason: string; day: number; by: string };
  invoice?: boolean;
  notes?: string;
}

export const ORDERS: readonly SeedOrder[] = [
  {
    key: 'alice-react',
    user: 'alice',
    day: -70,
    status: 'completed',
    paymentStatus: 'completed',
    items: [{ kind: 'program_access', program: 'react-mastery', accessType: 'bundle' }],
    payment: { status: 'completed' },
    invoice: true,
  },
  {
    key: 'swiftui-refunded',
    user: 'john',
    day: -30,
    status: 'cancelled',
    paymentStatus: 'refunded',
    items: [{ kind: 'program_access', program: 'swiftui-essentials', accessType: 'chatbot' }],
    payment: { status: 'refunded' },
    refund: { status: 'succeeded', reason: 'Bought by mistake; requested within 14 days.', day: -28, by: 'admin' },
    invoice: true,
  },
  {
    key: 'omar-python',
    user: 'omar',
    day: -35,
    status: 'completed',
    paymentStatus: 'completed',
    coupon: 'WELCOME10',
    items: [
      { kind: 'program_access', program: 'python-for-data-analysis', accessType: 'documentation' },
      { kind: 'program_access', program: 'python-for-data-analysis', accessType: 'examSimulator' },
    ],
    payment: { status: 'completed' },
    invoice: true,
  },
  {
    key: 'mei-hackathon',
    user: 'mei',
    day: -18,
    status: 'completed',
    paymentStatus: 'completed',
    items: [{ kind: 'event_ticket', event: 'data-science-hackathon-2026', quantity: 1 }],
    payment: { status: 'completed' },
    invoice: true,
  },
  {
    key: 'mei-conference',
    user: 'mei',
    day: -2,
    status: 'completed',
    paymentStatus: 'completed',
    items: [{ kind: 'event_ticket', event: 'ai-in-education-conference-2030', quantity: 1 }],
    payment: { status: 'completed' },
    invoice: true,
  },
  {
    key: 'amara-docker',
    user: 'amara',
    day: -1,
    status: 'pending',
    paymentStatus: 'pending',
    items: [{ kind: 'program_access', program: 'docker-and-kubernetes', accessType: 'bundle' }],
    notes: 'Checkout started, not completed yet.',
  },
];
