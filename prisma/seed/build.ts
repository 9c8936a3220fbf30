// Turns the demo data arrays (./data/*) into database rows, with every derived value computed
// (ids, counters, amounts, scores, progress) and every cross-reference checked. Pure and
// deterministic: no clock, no randomness, no database. The seed inserts these rows; fixtures.ts
// derives the facts that tests rely on from the same rows.
import type { Prisma } from '@learningpt/db';
import { APPLICATIONS, AUDIT_LOGS, CHAT_MODEL, CHAT_SESSIONS, NOTIFICATIONS } from './data/activity';
import { COUPONS, ORDERS, PERIOD_DAYS, PLANS, SUBSCRIPTIONS, type SeedOrderItem } from './data/billing';
import {
  CATEGORIES,
  escapeHtml,
  isPublic,
  lessonHtml,
  PROGRAMS,
  programFeatures,
  programOverviewHtml,
  programPrices,
  slugify,
} from './data/catalog';
import { BLOG_POSTS, FAQS, TESTIMONIALS } from './data/content';
import { EVENTS, REGISTRATIONS } from './data/events';
import { ENROLLMENTS, REVIEWS } from './data/learning';
import { ATTEMPTS, BANK_QUESTIONS, QUIZZES, type SeedQuestion } from './data/quizzes';
import { USERS, type SeedUser } from './data/users';
import { addDays, addMinutes, at, BASE_DATE, dayOf, invariant, seedId, utc } from './util';

const CURRENCY = 'USD';

export interface DemoRows {
  users: (Prisma.UserCreateManyInput & { id: string; role: SeedUser['role'] })[];
  instructorProfiles: Prisma.InstructorProfileCreateManyInput[];
  instructorApplications: Prisma.InstructorApplicationCreateManyInput[];
  categories: (Prisma.CategoryCreateManyInput & { id: string })[];
  programs: (Prisma.ProgramCreateManyInput & { id: string })[];
  sections: Prisma.CurriculumSectionCreateManyInput[];
  lessons: (Prisma.LessonCreateManyInput & { id: string })[];
  plans: Prisma.SubscriptionPlanCreateManyInput[];
  subscriptions: Prisma.SubscriptionCreateManyInput[];
  coupons: Prisma.CouponCreateManyInput[];
  events: (Prisma.EventCreateManyInput & { id: string })[];
  orders: (Prisma.OrderCreateManyInput & { id: string })[];
  orderItems: Prisma.OrderItemCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  refunds: Prisma.RefundCreateManyInput[];
  invoices: Prisma.InvoiceCreateManyInput[];
  couponRedemptions: Prisma.CouponRedemptionCreateManyInput[];
  webhookEvents: Prisma.WebhookEventCreateManyInput[];
  enrollments: Prisma.EnrollmentCreateManyInput[];
  lessonProgress: Prisma.LessonProgressCreateManyInput[];
  reviews: Prisma.ReviewCreateManyInput[];
  reviewVotes: Prisma.ReviewHelpfulVoteCreateManyInput[];
  quizzes: Prisma.QuizCreateManyInput[];
  questions: Prisma.QuestionCreateManyInput[];
  attempts: Prisma.QuizAttemptCreateManyInput[];
  attemptAnswers: Prisma.AttemptAnswerCreateManyInput[];
  certificates: Prisma.CertificateCreateManyInput[];
  aiChatSessions: Prisma.AiChatSessionCreateManyInput[];
  aiMessages: Prisma.AiMessageCreateManyInput[];
  aiUsage: Prisma.AiUsageCreateManyInput[];
  eventRegistrations: Prisma.EventRegistrationCreateManyInput[];
  blogPosts: Prisma.BlogPostCreateManyInput[];
  testimonials: Prisma.TestimonialCreateManyInput[];
  faqs: Prisma.FaqCreateManyInput[];
  notifications: Prisma.NotificationCreateManyInput[];
  auditLogs: Prisma.AuditLogCreateManyInput[];
}

/** A time on the given day (relative to BASE_DATE) at the given UTC clock hour. */
function atClock(day: number, hour: number, minute = 0): Date {
  return at(day, hour - BASE_DATE.getUTCHours(), minute);
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const v = map.get(key);
  invariant(v !== undefined, `unknown ${what} "${key}"`);
  return v;
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    invariant(!seen.has(k), `duplicate ${what} "${k}"`);
    seen.add(k);
  }
}

/** Is `selected` a correct answer to `q`? Choice questions: exactly the correct set. Short answers: case-insensitive. */
export function isCorrectAnswer(q: SeedQuestion, selected: readonly string[]): boolean {
  if (q.type === 'short_answer') {
    const given = (selected[0] ?? '').trim().toLowerCase();
    return given !== '' && q.correct.some((c) => c.trim().toLowerCase() === given);
  }
  return selected.length === q.correct.length && q.correct.every((c) => selected.includes(c));
}

let cached: DemoRows | undefined;

export function buildDemoRows(): DemoRows {
  cached ??= build();
  return cached;
}

function build(): DemoRows {
  // ── Users ────────────────────────────────────────────────────────────────
  uniqueBy(USERS, (u) => u.key, 'user key');
  uniqueBy(USERS, (u) => u.email, 'user email');
  const userById = new Map<string, string>();
  const userByKey = new Map(USERS.map((u) => [u.key, u]));
  const payingUsers = new Set([
    ...SUBSCRIPTIONS.map((s) => s.user),
    ...ORDERS.filter((o) => o.payment).map((o) => o.user),
  ]);

  const users: DemoRows['users'] = USERS.map((u) => {
    invariant(u.email === u.email.toLowerCase(), `emails are stored lower-cased: ${u.email}`);
    const createdAt = at(u.createdDay);
    const id = seedId(`user:${u.key}`, createdAt);
    userById.set(u.key, id);
    const lastLoginAt = u.lastLoginDay === undefined ? null : atClock(u.lastLoginDay, 8, 30);
    invariant(!lastLoginAt || lastLoginAt >= createdAt, `${u.key} signed in before registering`);
    const bannedAt = u.status === 'banned' ? atClock(-20, 10) : null;
    return {
      id,
      email: u.email,
      name: u.name,
      passwordHash: null, // set by the seed (argon2id) right before inserting
      role: u.role,
      status: u.status,
      emailVerified: u.emailVerified,
      emailVerifiedAt: u.emailVerified ? addMinutes(createdAt, 12) : null,
      bio: u.bio ?? null,
      phone: u.phone ?? null,
      gender: u.gender ?? null,
      city: u.city ?? null,
      country: u.country ?? null,
      socialLinks: u.socialLinks ?? {},
      preferences: u.preferences ?? { emailNotifications: true, theme: 'light' },
      stripeCustomerId: payingUsers.has(u.key) ? `cus_demo_${u.key}` : null,
      lastLoginAt,
      createdAt,
      updatedAt: bannedAt ?? lastLoginAt ?? createdAt,
    };
  });
  const uid = (key: string) => lookup(userById, key, 'user');

  const instructorProfiles: DemoRows['instructorProfiles'] = USERS.filter((u) => u.instructor).map((u) => {
    invariant(u.role === 'instructor', `${u.key} has an instructor profile but role ${u.role}`);
    const p = u.instructor!;
    const approvedAt = at(p.approvedDay, 2);
    return {
      id: seedId(`instructor-profile:${u.key}`, approvedAt),
      userId: uid(u.key),
      headline: p.headline,
      bio: u.bio ?? null,
      expertise: p.expertise,
      socialLinks: p.socialLinks,
      approvedAt,
      createdAt: approvedAt,
      updatedAt: approvedAt,
    };
  });
  invariant(
    USERS.every((u) => (u.role === 'instructor') === Boolean(u.instructor)),
    'every instructor needs a profile',
  );

  const applicationIds = new Map<string, string>();
  const instructorApplications: DemoRows['instructorApplications'] = APPLICATIONS.map((a) => {
    const createdAt = at(a.day);
    const id = seedId(`application:${a.user}:${a.day}`, createdAt);
    applicationIds.set(a.user, id);
    invariant((a.status === 'pending') === !a.review, `application of ${a.user}: only pending ones lack a review`);
    invariant(a.status !== 'rejected' || a.review?.reason, `rejected application of ${a.user} needs a reason`);
    invariant(
      (a.status === 'approved') === (userByKey.get(a.user)?.role === 'instructor'),
      `approved applicants are exactly the instructors (${a.user})`,
    );
    const reviewedAt = a.review ? at(a.review.day, 1) : null;
    return {
      id,
      userId: uid(a.user),
      bio: a.bio,
      expertise: a.expertise,
      experience: a.experience,
      education: a.education,
      socialLinks: a.socialLinks,
      sampleWork: a.sampleWork ?? null,
      status: a.status,
      rejectionReason: a.review?.reason ?? null,
      reviewedById: a.review ? uid(a.review.by) : null,
      reviewedAt,
      createdAt,
      updatedAt: reviewedAt ?? createdAt,
    };
  });
  invariant(
    APPLICATIONS.filter((a) => a.status === 'pending').length ===
      new Set(APPLICATIONS.filter((a) => a.status === 'pending').map((a) => a.user)).size,
    'one pending application per user',
  );

  // ── Catalogue ────────────────────────────────────────────────────────────
  uniqueBy(CATEGORIES, (c) => c.slug, 'category slug');
  const categoryIds = new Map<string, string>();
  const categories: DemoRows['categories'] = CATEGORIES.map((c, i) => {
    const createdAt = at(-250, 0, i);
    const id = seedId(`category:${c.slug}`, createdAt);
    categoryIds.set(c.slug, id);
    return {
      id,
      name: c.name,
      slug: c.slug,
      description: c.description,
      parentId: c.parent ? lookup(categoryIds, c.parent, 'parent category (parents must come first)') : null,
      sortOrder: c.sortOrder,
      isActive: c.isActive ?? true,
      createdAt,
      updatedAt: createdAt,
    };
  });

  uniqueBy(PROGRAMS, (p) => p.slug, 'program slug');
  const programBySlug = new Map(PROGRAMS.map((p) => [p.slug, p]));
  const programIds = new Map<string, string>();
  const pid = (slug: string) => lookup(programIds, slug, 'program');

  // Counters derived from the rows below.
  const activeEnrollments = ENROLLMENTS.filter((e) => (e.status ?? 'active') !== 'cancelled');
  const enrolledCount = (slug: string) => activeEnrollments.filter((e) => e.program === slug).length;
  const reviewsOf = (slug: string) => REVIEWS.filter((r) => r.program === slug);

  const programs: DemoRows['programs'] = PROGRAMS.map((p) => {
    const createdAt = at(p.createdDay);
    const id = seedId(`program:${p.slug}`, createdAt);
    programIds.set(p.slug, id);
    lookup(categoryIds, p.category, 'category');
    invariant(!p.featured || isPublic(p), `featured program ${p.slug} must be published and not deleted`);
    invariant(p.prices === 'free' || p.prices.every((x) => Number.isInteger(x) && x > 0), `prices of ${p.slug}`);
    invariant(userByKey.get(p.instructor)?.role === 'instructor', `instructor of ${p.slug}`);
    const publishedAt = p.status === 'draft' ? null : at(p.createdDay + 2, 1);
    const deletedAt = p.deleted ? at(-50, 4) : null;
    const archivedAt = p.status === 'archived' ? at(-90, 5) : null;
    const prices = programPrices(p);
    const reviews = reviewsOf(p.slug);
    return {
      id,
      slug: p.slug,
      title: p.title,
      description: p.description,
      overview: programOverviewHtml(p),
      categoryId: lookup(categoryIds, p.category, 'category'),
      instructorId: uid(p.instructor),
      thumbnailUrl: null,
      status: p.status,
      featured: p.featured ?? false,
      level: p.level,
      language: 'English',
      durationLabel: p.durationLabel,
      prerequisites: p.prerequisites,
      learningOutcomes: p.learningOutcomes,
      features: programFeatures(p),
      currency: CURRENCY,
      priceChatbot: prices.chatbot,
      priceDocumentation: prices.documentation,
      priceExamSimulator: prices.examSimulator,
      priceBundle: prices.bundle,
      freeQuestionsCount: p.freeQuestionsCount,
      ratingTotal: reviews.reduce((s, r) => s + r.rating, 0),
      reviewCount: reviews.length,
      enrolledCount: enrolledCount(p.slug),
      publishedAt,
      createdAt,
      updatedAt: deletedAt ?? archivedAt ?? publishedAt ?? createdAt,
      deletedAt,
    };
  });

  const sections: DemoRows['sections'] = [];
  const lessons: DemoRows['lessons'] = [];
  /** Lesson ids per program, in curriculum order. */
  const lessonOrder = new Map<string, { id: string; minutes: number }[]>();
  for (const p of PROGRAMS) {
    const programCreated = at(p.createdDay);
    const ordered: { id: string; minutes: number }[] = [];
    uniqueBy(
      p.sections.flatMap((s) => s.lessons),
      (l) => slugify(l.title),
      `lesson slug in ${p.slug}`,
    );
    p.sections.forEach((s, si) => {
      const sectionCreated = addMinutes(programCreated, 10 + si * 10);
      const sectionId = seedId(`section:${p.slug}:${si}`, sectionCreated);
      sections.push({
        id: sectionId,
        programId: pid(p.slug),
        title: s.title,
        position: si,
        createdAt: sectionCreated,
        updatedAt: sectionCreated,
      });
      s.lessons.forEach((l, li) => {
        const lessonCreated = addMinutes(sectionCreated, 1 + li);
        const id = seedId(`lesson:${p.slug}:${si}:${li}`, lessonCreated);
        ordered.push({ id, minutes: l.minutes });
        lessons.push({
          id,
          sectionId,
          programId: pid(p.slug),
          title: l.title,
          slug: slugify(l.title),
          position: li,
          durationMinutes: l.minutes,
          content: lessonHtml(l),
          isPreview: si === 0 && li === 0,
          createdAt: lessonCreated,
          updatedAt: lessonCreated,
        });
      });
    });
    lessonOrder.set(p.slug, ordered);
  }

  // ── Billing: plans, coupons, subscriptions ──────────────────────────────
  const planCreated = at(-250, 1);
  const plans: DemoRows['plans'] = PLANS.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    price: p.price,
    currency: CURRENCY,
    billingCycle: 'monthly',
    features: p.features,
    limits: p.limits,
    stripePriceId: p.stripePriceId,
    sortOrder: p.sortOrder,
    active: true,
    createdAt: planCreated,
    updatedAt: planCreated,
  }));
  const planById = new Map(PLANS.map((p) => [p.id, p]));

  uniqueBy(COUPONS, (c) => c.code, 'coupon code');
  const couponIds = new Map<string, string>();
  const couponByCode = new Map(COUPONS.map((c) => [c.code, c]));
  const coupons: DemoRows['coupons'] = COUPONS.map((c, i) => {
    const createdAt = at(c.validFromDay ?? -200, 0, i);
    const id = seedId(`coupon:${c.code}`, createdAt);
    couponIds.set(c.code, id);
    return {
      id,
      code: c.code,
      description: c.description,
      percentOff: c.percentOff ?? null,
      amountOff: c.amountOff ?? null,
      currency: c.amountOff !== undefined ? CURRENCY : null,
      maxRedemptions: c.maxRedemptions ?? null,
      redeemedCount: ORDERS.filter((o) => o.coupon === c.code).length,
      validFrom: c.validFromDay !== undefined ? at(c.validFromDay) : null,
      validUntil: c.validUntilDay !== undefined ? at(c.validUntilDay) : null,
      active: c.active,
      createdAt,
      updatedAt: createdAt,
    };
  });

  const subscriptionIds = new Map<string, string>();
  const subscriptions: DemoRows['subscriptions'] = [];
  const invoiceDrafts: (Omit<Prisma.InvoiceCreateManyInput, 'number'> & { issuedAt: Date })[] = [];
  const webhookEvents: DemoRows['webhookEvents'] = [];
  for (const s of SUBSCRIPTIONS) {
    const plan = lookup(planById, s.plan, 'plan');
    const createdAt = at(s.startDay, 0, 5);
    const id = seedId(`subscription:${s.key}`, createdAt);
    subscriptionIds.set(s.key, id);
    const periodStart = at(s.startDay + (s.periods - 1) * PERIOD_DAYS);
    const canceledAt = s.canceledDay !== undefined ? at(s.canceledDay, 6) : null;
    const endedAt = s.endedDay !== undefined ? at(s.endedDay) : null;
    subscriptions.push({
      id,
      userId: uid(s.user),
      planId: s.plan,
      status: s.status,
      stripeSubscriptionId: `sub_demo_${s.key.replaceAll('-', '_')}`,
      currentPeriodStart: periodStart,
      currentPeriodEnd: addDays(periodStart, PERIOD_DAYS),
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
      canceledAt,
      endedAt,
      createdAt,
      updatedAt: canceledAt ?? periodStart,
    });
    for (let k = 0; k < s.periods; k++) {
      const issuedAt = at(s.startDay + k * PERIOD_DAYS, 0, 5);
      const stripeInvoiceId = `in_demo_${s.key.replaceAll('-', '_')}_${k + 1}`;
      invoiceDrafts.push({
        id: seedId(`invoice:${stripeInvoiceId}`, issuedAt),
        userId: uid(s.user),
        subscriptionId: id,
        orderId: null,
        amount: plan.price,
        currency: CURRENCY,
        status: 'paid',
        stripeInvoiceId,
        issuedAt,
        paidAt: addMinutes(issuedAt, 1),
        createdAt: issuedAt,
        updatedAt: addMinutes(issuedAt, 1),
      });
      webhookEvents.push({
        id: seedId(`webhook:${stripeInvoiceId}`, addMinutes(issuedAt, 1)),
        provider: 'stripe',
        eventId: `evt_demo_${stripeInvoiceId}`,
        type: 'invoice.payment_succeeded',
        payload: { invoice: stripeInvoiceId, subscription: `sub_demo_${s.key.replaceAll('-', '_')}` },
        processedAt: addMinutes(issuedAt, 1),
      });
    }
  }
  const liveStatuses = new Set(['trialing', 'active', 'past_due']);
  const live = SUBSCRIPTIONS.filter((s) => liveStatuses.has(s.status));
  invariant(new Set(live.map((s) => s.user)).size === live.length, 'one live subscription per user');

  // ── Events (needed by orders) ────────────────────────────────────────────
  uniqueBy(EVENTS, (e) => e.slug, 'event slug');
  const eventIds = new Map<string, string>();
  const eventBySlug = new Map(EVENTS.map((e) => [e.slug, e]));
  const events: DemoRows['events'] = EVENTS.map((e) => {
    const createdAt = at(e.createdDay, 2);
    const id = seedId(`event:${e.slug}`, createdAt);
    eventIds.set(e.slug, id);
    const registeredCount = REGISTRATIONS.filter((r) => r.event === e.slug && r.status !== 'cancelled').length;
    invariant(e.capacity === null || registeredCount <= e.capacity, `event ${e.slug} is over capacity`);
    invariant(createdAt < utc(e.startsAt), `event ${e.slug} created after it started`);
    return {
      id,
      slug: e.slug,
      title: e.title,
      description: e.description,
      shortDescription: e.shortDescription,
      startsAt: utc(e.startsAt),
      durationMinutes: e.durationMinutes,
      timezone: e.timezone,
      location: e.location ?? null,
      venueAddress: e.venueAddress ?? null,
      isOnline: e.isOnline,
      meetingUrl: e.meetingUrl ?? null,
      meetingPassword: e.meetingPassword ?? null,
      capacity: e.capacity,
      registeredCount,
      price: e.price,
      currency: CURRENCY,
      categoryId: e.category ? lookup(categoryIds, e.category, 'category') : null,
      organizerId: uid(e.organizer),
      imageUrl: null,
      status: e.status,
      featured: e.featured ?? false,
      createdAt,
      updatedAt: createdAt,
    };
  });

  // ── Orders, items, payments, refunds, invoices ──────────────────────────
  uniqueBy(ORDERS, (o) => o.key, 'order key');
  const orderIds = new Map<string, string>();
  const orders: DemoRows['orders'] = [];
  const orderItems: DemoRows['orderItems'] = [];
  const payments: DemoRows['payments'] = [];
  const refunds: DemoRows['refunds'] = [];
  const couponRedemptions: DemoRows['couponRedemptions'] = [];
  const accessLabel = {
    chatbot: 'AI chatbot',
    documentation: 'Documentation',
    examSimulator: 'Exam simulator',
    bundle: 'Bundle',
  } as const;
  const itemAmount = (item: SeedOrderItem): { unit: number; description: string } => {
    if (item.kind === 'program_access') {
      const p = lookup(programBySlug, item.program, 'program');
      const prices = programPrices(p);
      const unit = prices[item.accessType];
      invariant(unit > 0, `order for free access to ${item.program}`);
      return { unit, description: `${p.title}: ${accessLabel[item.accessType]}` };
    }
    const e = lookup(eventBySlug, item.event, 'event');
    invariant(e.price > 0, `order for free event ${item.event}`);
    return { unit: e.price, description: `${e.title}: ticket` };
  };

  const sortedOrders = [...ORDERS].sort((a, b) => a.day - b.day);
  sortedOrders.forEach((o, seq) => {
    const createdAt = at(o.day, 1);
    const id = seedId(`order:${o.key}`, createdAt);
    orderIds.set(o.key, id);
    const items = o.items.map((item, i) => {
      const { unit, description } = itemAmount(item);
      const quantity = item.kind === 'event_ticket' ? item.quantity : 1;
      orderItems.push({
        id: seedId(`order-item:${o.key}:${i}`, createdAt),
        orderId: id,
        kind: item.kind,
        programId: item.kind === 'program_access' ? pid(item.program) : null,
        accessType: item.kind === 'program_access' ? item.accessType : null,
        eventId: item.kind === 'event_ticket' ? lookup(eventIds, item.event, 'event') : null,
        description,
        unitAmount: unit,
        quantity,
        createdAt,
      });
      return unit * quantity;
    });
    const subtotal = items.reduce((s, x) => s + x, 0);
    let discount = 0;
    if (o.coupon) {
      const c = lookup(couponByCode, o.coupon, 'coupon');
      invariant(c.active, `coupon ${c.code} is not active`);
      invariant(
        (c.validFromDay ?? -Infinity) <= o.day && o.day <= (c.validUntilDay ?? Infinity),
        `coupon ${c.code} not valid on order ${o.key}`,
      );
      discount =
        c.percentOff !== undefined ? Math.round((subtotal * c.percentOff) / 100) : Math.min(c.amountOff ?? 0, subtotal);
      couponRedemptions.push({
        id: seedId(`redemption:${o.key}`, createdAt),
        couponId: lookup(couponIds, c.code, 'coupon'),
        userId: uid(o.user),
        orderId: id,
        redeemedAt: createdAt,
      });
    }
    const tax = 0;
    const total = subtotal - discount + tax;
    const paid = o.paymentStatus === 'completed' || o.paymentStatus === 'refunded';
    const paidAt = paid ? addMinutes(createdAt, 2) : null;
    const refundedAt = o.refund ? at(o.refund.day, 2) : null;
    const u = lookup(userByKey, o.user, 'user');
    const date = createdAt.toISOString().slice(0, 10).replaceAll('-', '');
    orders.push({
      id,
      orderNumber: `LGPT-${date}-${String(seq + 1).padStart(4, '0')}`,
      userId: uid(o.user),
      status: o.status,
      paymentStatus: o.paymentStatus,
      currency: CURRENCY,
      subtotal,
      discount,
      tax,
      total,
      couponId: o.coupon ? lookup(couponIds, o.coupon, 'coupon') : null,
      billingAddress: { name: u.name, city: u.city ?? null, country: u.country ?? null },
      notes: o.notes ?? null,
      stripeCheckoutSessionId: `cs_demo_${o.key.replaceAll('-', '_')}`,
      stripePaymentIntentId: paid ? `pi_demo_${o.key.replaceAll('-', '_')}` : null,
      paidAt,
      cancelledAt: o.status === 'cancelled' ? (refundedAt ?? createdAt) : null,
      createdAt,
      updatedAt: refundedAt ?? paidAt ?? createdAt,
    });
    if (o.payment) {
      invariant(paid, `order ${o.key} has a payment but is not paid`);
      const paymentId = seedId(`payment:${o.key}`, paidAt!);
      const pi = `pi_demo_${o.key.replaceAll('-', '_')}`;
      payments.push({
        id: paymentId,
        orderId: id,
        provider: 'stripe',
        providerPaymentId: pi,
        amount: total,
        currency: CURRENCY,
        status: o.payment.status,
        raw: { id: pi, object: 'payment_intent', amount: total, currency: 'usd', status: 'succeeded' },
        createdAt: paidAt!,
        updatedAt: refundedAt ?? paidAt!,
      });
      webhookEvents.push({
        id: seedId(`webhook:checkout:${o.key}`, paidAt!),
        provider: 'stripe',
        eventId: `evt_demo_checkout_${o.key.replaceAll('-', '_')}`,
        type: 'checkout.session.completed',
        payload: { checkoutSession: `cs_demo_${o.key.replaceAll('-', '_')}`, paymentIntent: pi },
        processedAt: paidAt!,
      });
      if (o.refund) {
        const reId = `re_demo_${o.key.replaceAll('-', '_')}`;
        refunds.push({
          id: seedId(`refund:${o.key}`, refundedAt!),
          paymentId,
          amount: total,
          reason: o.refund.reason,
          status: o.refund.status,
          stripeRefundId: reId,
          createdById: uid(o.refund.by),
          createdAt: refundedAt!,
          updatedAt: refundedAt!,
        });
        webhookEvents.push({
          id: seedId(`webhook:refund:${o.key}`, addMinutes(refundedAt!, 1)),
          provider: 'stripe',
          eventId: `evt_demo_refund_${o.key.replaceAll('-', '_')}`,
          type: 'charge.refunded',
          payload: { refund: reId, paymentIntent: pi },
          processedAt: addMinutes(refundedAt!, 1),
        });
      }
    } else {
      invariant(!paid && !o.refund, `paid order ${o.key} needs a payment`);
    }
    if (o.invoice) {
      invariant(paidAt, `invoice for unpaid order ${o.key}`);
      invoiceDrafts.push({
        id: seedId(`invoice:order:${o.key}`, paidAt),
        userId: uid(o.user),
        subscriptionId: null,
        orderId: id,
        amount: total,
        currency: CURRENCY,
        status: 'paid',
        stripeInvoiceId: null,
        issuedAt: paidAt,
        paidAt,
        createdAt: paidAt,
        updatedAt: paidAt,
      });
    }
  });
  // Invoice numbers are sequential in issue order.
  const invoices: DemoRows['invoices'] = [...invoiceDrafts]
    .sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime())
    .map((inv, i) => ({ ...inv, number: `INV-${inv.issuedAt.getUTCFullYear()}-${String(i + 1).padStart(4, '0')}` }));

  // ── Enrollments and lesson progress ──────────────────────────────────────
  uniqueBy(ENROLLMENTS, (e) => `${e.user}/${e.program}`, 'enrollment');
  const enrollments: DemoRows['enrollments'] = [];
  const lessonProgress: DemoRows['lessonProgress'] = [];
  for (const e of ENROLLMENTS) {
    const p = lookup(programBySlug, e.program, 'program');
    invariant(p.status === 'published' || p.status === 'archived', `enrollment in unpublished ${e.program}`);
    const ordered = lookup(lessonOrder, e.program, 'program lessons');
    invariant(e.completedLessons <= ordered.length, `${e.user} completed more lessons than ${e.program} has`);
    invariant((e.source === 'free') === (p.prices === 'free'), `enrollment source of ${e.user}/${e.program}`);
    invariant(
      (e.source === 'purchase') === (e.order !== undefined),
      `purchased enrollments reference their order (${e.user}/${e.program})`,
    );
    if (e.order) {
      const o = ORDERS.find((x) => x.key === e.order);
      invariant(
        o && o.user === e.user && o.items.some((i) => i.kind === 'program_access' && i.program === e.program),
        `order of ${e.user}/${e.program}`,
      );
    }
    if (e.source === 'subscription') {
      invariant(
        SUBSCRIPTIONS.some((s) => s.user === e.user && liveStatuses.has(s.status)),
        `${e.user} has no subscription`,
      );
    }
    const enrolledAt = at(e.day, 1);
    const done = ordered.slice(0, e.completedLessons).map((l, k) => {
      const completedAt = at(e.day + 1 + 2 * k, 2, 15);
      invariant(completedAt < BASE_DATE, `lesson progress of ${e.user}/${e.program} is in the future`);
      return { ...l, completedAt, k };
    });
    for (const l of done) {
      lessonProgress.push({
        id: seedId(`progress:${e.user}:${l.id}`, l.completedAt),
        userId: uid(e.user),
        lessonId: l.id,
        programId: pid(e.program),
        completedAt: l.completedAt,
        timeSpentSeconds: l.minutes * 60 + ((l.k * 137) % 300),
        createdAt: addMinutes(l.completedAt, -l.minutes),
        updatedAt: l.completedAt,
      });
    }
    const status = e.status ?? (e.completedLessons === ordered.length ? 'completed' : 'active');
    const last = done.at(-1)?.completedAt ?? null;
    const has = (f: 'chatbot' | 'documentation' | 'examSimulator') =>
      e.access === 'all' ? true : e.access === 'none' ? false : e.access.includes(f);
    enrollments.push({
      id: seedId(`enrollment:${e.user}:${e.program}`, enrolledAt),
      userId: uid(e.user),
      programId: pid(e.program),
      chatbotAccess: has('chatbot'),
      documentationAccess: has('documentation'),
      examSimulatorAccess: has('examSimulator'),
      source: e.source,
      status,
      progressPercent: Math.round((100 * e.completedLessons) / ordered.length),
      enrolledAt,
      completedAt: status === 'completed' ? last : null,
      lastAccessedAt: last ?? enrolledAt,
      orderId: e.order ? lookup(orderIds, e.order, 'order') : null,
      createdAt: enrolledAt,
      updatedAt: last ?? enrolledAt,
    });
  }
  const enrollmentOf = (user: string, program: string) =>
    ENROLLMENTS.find((e) => e.user === user && e.program === program);

  // ── Reviews and helpful votes ────────────────────────────────────────────
  uniqueBy(REVIEWS, (r) => `${r.user}/${r.program}`, 'review');
  const reviews: DemoRows['reviews'] = [];
  const reviewVotes: DemoRows['reviewVotes'] = [];
  for (const r of REVIEWS) {
    const e = enrollmentOf(r.user, r.program);
    invariant(e && (e.status ?? 'active') !== 'cancelled', `${r.user} reviews ${r.program} without an enrollment`);
    invariant(r.day > e.day, `${r.user} reviewed ${r.program} before enrolling`);
    invariant(!r.helpfulBy.includes(r.user), `${r.user} votes for their own review`);
    uniqueBy(r.helpfulBy, (x) => x, `helpful vote on ${r.user}/${r.program}`);
    const createdAt = at(r.day, 3);
    const id = seedId(`review:${r.user}:${r.program}`, createdAt);
    reviews.push({
      id,
      userId: uid(r.user),
      programId: pid(r.program),
      rating: r.rating,
      comment: r.comment,
      helpfulCount: r.helpfulBy.length,
      createdAt,
      updatedAt: createdAt,
    });
    r.helpfulBy.forEach((voter, i) => {
      reviewVotes.push({ reviewId: id, userId: uid(voter), createdAt: at(Math.min(r.day + 1 + i, 0), -1) });
    });
  }

  // ── Quizzes, questions, attempts, certificates ───────────────────────────
  uniqueBy(QUIZZES, (q) => q.key, 'quiz key');
  const quizByKey = new Map(QUIZZES.map((q) => [q.key, q]));
  const quizIds = new Map<string, string>();
  const questionIds = new Map<string, string[]>();
  const quizzes: DemoRows['quizzes'] = [];
  const questions: DemoRows['questions'] = [];
  const questionRow = (
    q: SeedQuestion,
    id: string,
    programSlug: string,
    quizId: string | null,
    position: number,
    createdAt: Date,
    fallback?: SeedQuestion['difficulty'],
  ): Prisma.QuestionCreateManyInput => {
    invariant(q.correct.length >= 1, `question without answer: ${q.text}`);
    if (q.type !== 'short_answer') {
      invariant(
        q.correct.every((c) => q.options.includes(c)),
        `correct answer not among options: ${q.text}`,
      );
      invariant(q.options.length >= 2, `too few options: ${q.text}`);
    } else invariant(q.options.length === 0, `short answers have no options: ${q.text}`);
    if (q.type === 'multiple_choice' || q.type === 'true_false')
      invariant(q.correct.length === 1, `single answer expected: ${q.text}`);
    return {
      id,
      quizId,
      programId: pid(programSlug),
      type: q.type,
      text: q.text,
      options: q.options,
      correctAnswers: q.correct,
      explanation: q.explanation,
      points: q.points,
      difficulty: q.difficulty ?? fallback ?? null,
      topic: q.topic,
      position,
      createdAt,
      updatedAt: createdAt,
    };
  };
  for (const quiz of QUIZZES) {
    const createdAt = at(quiz.day, 3);
    const id = seedId(`quiz:${quiz.key}`, createdAt);
    quizIds.set(quiz.key, id);
    const p = lookup(programBySlug, quiz.program, 'program');
    invariant(
      userByKey.get(quiz.createdBy)?.key === p.instructor || userByKey.get(quiz.createdBy)?.role === 'admin',
      `quiz ${quiz.key} created by a non-owner`,
    );
    quizzes.push({
      id,
      programId: pid(quiz.program),
      title: quiz.title,
      description: quiz.description,
      difficulty: quiz.difficulty,
      durationMinutes: quiz.durationMinutes,
      passingScore: quiz.passingScore,
      isTimed: quiz.isTimed,
      allowRetake: quiz.allowRetake,
      randomize: quiz.randomize,
      showAnswersAfterSubmit: quiz.showAnswersAfterSubmit,
      status: quiz.status,
      createdById: uid(quiz.createdBy),
      createdAt,
      updatedAt: createdAt,
    });
    const ids = quiz.questions.map((q, i) => {
      const qCreated = addMinutes(createdAt, 1 + i);
      const qid = seedId(`question:${quiz.key}:${i}`, qCreated);
      questions.push(questionRow(q, qid, quiz.program, id, i, qCreated, quiz.difficulty));
      return qid;
    });
    questionIds.set(quiz.key, ids);
  }
  BANK_QUESTIONS.forEach((q, i) => {
    const createdAt = at(-100, 4, i);
    questions.push(questionRow(q, seedId(`bank-question:${q.program}:${i}`, createdAt), q.program, null, i, createdAt));
  });

  uniqueBy(ATTEMPTS, (a) => a.key, 'attempt key');
  uniqueBy(
    ATTEMPTS.filter((a) => a.certificate),
    (a) => a.certificate!.code,
    'certificate code',
  );
  const attempts: DemoRows['attempts'] = [];
  const attemptAnswers: DemoRows['attemptAnswers'] = [];
  const certificates: DemoRows['certificates'] = [];
  const openAttempts = new Set<string>();
  for (const a of ATTEMPTS) {
    const quiz = lookup(quizByKey, a.quiz, 'quiz');
    invariant(quiz.status === 'published', `attempt ${a.key} on an unpublished quiz`);
    const e = enrollmentOf(a.user, quiz.program);
    const canExam = e && (e.access === 'all' || (e.access !== 'none' && e.access.includes('examSimulator')));
    invariant(canExam, `${a.user} has no exam simulator access to ${quiz.program}`);
    if (a.status === 'in_progress') {
      invariant(!openAttempts.has(`${a.user}/${a.quiz}`), `two open attempts of ${a.user} on ${a.quiz}`);
      openAttempts.add(`${a.user}/${a.quiz}`);
    }
    const startedAt = atClock(a.day, a.hour);
    const id = seedId(`attempt:${a.key}`, startedAt);
    const qids = lookup(questionIds, a.quiz, 'quiz questions');
    // Randomised quizzes serve the questions in a different (here: reversed) order.
    const questionOrder = quiz.randomize ? [...qids].reverse() : qids;
    const expiresAt = quiz.isTimed ? addMinutes(startedAt, quiz.durationMinutes) : null;
    const base = {
      id,
      userId: uid(a.user),
      quizId: lookup(quizIds, a.quiz, 'quiz'),
      startedAt,
      expiresAt,
      questionOrder,
      createdAt: startedAt,
    };
    if (a.status !== 'submitted') {
      invariant(!a.answers && !a.certificate, `unsubmitted attempt ${a.key} has answers`);
      invariant(a.status !== 'expired' || quiz.isTimed, `untimed attempt ${a.key} cannot expire`);
      attempts.push({ ...base, status: a.status, updatedAt: expiresAt ?? startedAt });
      continue;
    }
    invariant(
      a.answers && a.answers.length === quiz.questions.length,
      `attempt ${a.key} must answer every question (use [] to skip)`,
    );
    invariant(a.timeTakenSeconds !== undefined, `attempt ${a.key} needs timeTakenSeconds`);
    invariant(
      !quiz.isTimed || a.timeTakenSeconds <= quiz.durationMinutes * 60,
      `attempt ${a.key} took longer than allowed`,
    );
    const submittedAt = new Date(startedAt.getTime() + a.timeTakenSeconds * 1000);
    let score = 0;
    let totalPoints = 0;
    quiz.questions.forEach((q, i) => {
      const selected = a.answers![i]!;
      const correct = isCorrectAnswer(q, selected);
      totalPoints += q.points;
      if (correct) score += q.points;
      attemptAnswers.push({
        id: seedId(`answer:${a.key}:${i}`, submittedAt),
        attemptId: id,
        questionId: qids[i]!,
        selected,
        isCorrect: correct,
        pointsAwarded: correct ? q.points : 0,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      });
    });
    const scorePercent = Math.round((100 * score) / totalPoints);
    const passed = scorePercent >= quiz.passingScore;
    invariant(
      passed === Boolean(a.certificate),
      `attempt ${a.key}: a certificate exactly when it passed (${scorePercent}%)`,
    );
    attempts.push({
      ...base,
      status: 'submitted',
      submittedAt,
      score,
      totalPoints,
      scorePercent,
      passed,
      timeTakenSeconds: a.timeTakenSeconds,
      updatedAt: submittedAt,
    });
    if (a.certificate) {
      invariant(/^[A-Z0-9-]{6,64}$/.test(a.certificate.code), `certificate code format ${a.certificate.code}`);
      invariant(
        !certificates.some((c) => c.userId === uid(a.user) && c.programId === pid(quiz.program)),
        `second certificate for ${a.user}/${quiz.program}`,
      );
      const issuedAt = addMinutes(submittedAt, 1);
      certificates.push({
        id: seedId(`certificate:${a.certificate.code}`, issuedAt),
        userId: uid(a.user),
        programId: pid(quiz.program),
        attemptId: id,
        verificationCode: a.certificate.code,
        issuedAt,
        score: scorePercent,
        status: 'valid',
        createdAt: issuedAt,
        updatedAt: issuedAt,
      });
    }
  }

  // ── AI tutor ─────────────────────────────────────────────────────────────
  const aiChatSessions: DemoRows['aiChatSessions'] = [];
  const aiMessages: DemoRows['aiMessages'] = [];
  const usage = new Map<
    string,
    { userId: string; day: Date; messages: number; inputTokens: number; outputTokens: number; first: Date; last: Date }
  >();
  for (const s of CHAT_SESSIONS) {
    const createdAt = atClock(s.day, s.hour);
    const id = seedId(`chat:${s.key}`, createdAt);
    if (s.program) lookup(programBySlug, s.program, 'program');
    let last = createdAt;
    s.messages.forEach((m, i) => {
      const t = addMinutes(createdAt, i);
      last = t;
      aiMessages.push({
        id: seedId(`chat:${s.key}:${i}`, t),
        sessionId: id,
        role: m.role,
        content: m.content,
        tokens: m.tokens ?? null,
        model: m.role === 'assistant' ? CHAT_MODEL : null,
        createdAt: t,
      });
      const day = dayOf(t);
      const k = `${s.user}:${day.toISOString()}`;
      const u = usage.get(k) ?? {
        userId: uid(s.user),
        day,
        messages: 0,
        inputTokens: 0,
        outputTokens: 0,
        first: t,
        last: t,
      };
      if (m.role === 'user') {
        u.messages += 1;
        u.inputTokens += m.tokens ?? 0;
      } else u.outputTokens += m.tokens ?? 0;
      u.last = t;
      usage.set(k, u);
    });
    aiChatSessions.push({
      id,
      userId: uid(s.user),
      programId: s.program ? pid(s.program) : null,
      title: s.title,
      lastMessageAt: last,
      deletedAt: s.deleted ? addDays(last, 1) : null,
      createdAt,
      updatedAt: s.deleted ? addDays(last, 1) : last,
    });
  }
  const aiUsage: DemoRows['aiUsage'] = [...usage.entries()].map(([k, u]) => ({
    id: seedId(`ai-usage:${k}`, u.first),
    userId: u.userId,
    day: u.day,
    messages: u.messages,
    inputTokens: u.inputTokens,
    outputTokens: u.outputTokens,
    createdAt: u.first,
    updatedAt: u.last,
  }));

  // ── Event registrations ──────────────────────────────────────────────────
  uniqueBy(REGISTRATIONS, (r) => `${r.user}/${r.event}`, 'event registration');
  const eventRegistrations: DemoRows['eventRegistrations'] = REGISTRATIONS.map((r) => {
    const e = lookup(eventBySlug, r.event, 'event');
    const registeredAt = at(r.day, 2);
    invariant(registeredAt < utc(e.startsAt), `${r.user} registered for ${r.event} after it started`);
    invariant(e.price > 0 === (r.order !== undefined), `paid events need an order (${r.user}/${r.event})`);
    if (r.order) {
      const o = ORDERS.find((x) => x.key === r.order);
      invariant(
        o && o.user === r.user && o.items.some((i) => i.kind === 'event_ticket' && i.event === r.event),
        `order of ${r.user}/${r.event}`,
      );
    }
    const past = utc(e.startsAt) < BASE_DATE;
    invariant(!['attended', 'no_show'].includes(r.status) || past, `${r.user} attended ${r.event} before it happened`);
    invariant(!r.feedback || r.status === 'attended', `feedback without attendance (${r.user}/${r.event})`);
    const cancelledAt = r.status === 'cancelled' ? addDays(registeredAt, 1) : null;
    return {
      id: seedId(`registration:${r.user}:${r.event}`, registeredAt),
      userId: uid(r.user),
      eventId: lookup(eventIds, r.event, 'event'),
      orderId: r.order ? lookup(orderIds, r.order, 'order') : null,
      status: r.status,
      registeredAt,
      cancelledAt,
      feedbackRating: r.feedback?.rating ?? null,
      feedbackComment: r.feedback?.comment ?? null,
      createdAt: registeredAt,
      updatedAt: cancelledAt ?? registeredAt,
    };
  });

  // ── Content ──────────────────────────────────────────────────────────────
  uniqueBy(BLOG_POSTS, (b) => b.slug, 'blog slug');
  const blogPosts: DemoRows['blogPosts'] = BLOG_POSTS.map((b) => {
    const createdAt = at(b.createdDay, 4);
    invariant((b.status !== 'draft') === (b.publishedDay !== undefined), `publishedAt of ${b.slug}`);
    const publishedAt = b.publishedDay !== undefined ? at(b.publishedDay, 5) : null;
    return {
      id: seedId(`blog:${b.slug}`, createdAt),
      slug: b.slug,
      title: b.title,
      content: b.paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n'),
      excerpt: b.excerpt,
      authorId: uid(b.author),
      categoryId: b.category ? lookup(categoryIds, b.category, 'category') : null,
      featuredImage: null,
      status: b.status,
      publishedAt,
      metaTitle: b.title,
      metaDescription: b.excerpt,
      tags: b.tags,
      viewCount: b.viewCount,
      createdAt,
      updatedAt: publishedAt ?? createdAt,
    };
  });

  const testimonialIds: string[] = [];
  const testimonials: DemoRows['testimonials'] = TESTIMONIALS.map((t, i) => {
    const createdAt = at(t.day, 6);
    const id = seedId(`testimonial:${i}`, createdAt);
    testimonialIds.push(id);
    invariant(!t.featured || t.status === 'approved', `featured testimonial ${i} must be approved`);
    return {
      id,
      userId: t.user ? uid(t.user) : null,
      programId: t.program ? pid(t.program) : null,
      authorName: t.authorName,
      authorTitle: t.authorTitle,
      rating: t.rating,
      title: t.title,
      content: t.content,
      status: t.status,
      featured: t.featured,
      createdAt,
      updatedAt: createdAt,
    };
  });

  const faqPosition = new Map<string, number>();
  const faqs: DemoRows['faqs'] = FAQS.map((f, i) => {
    const sortOrder = faqPosition.get(f.category) ?? 0;
    faqPosition.set(f.category, sortOrder + 1);
    const createdAt = at(-200, 0, i);
    return {
      id: seedId(`faq:${i}`, createdAt),
      question: f.question,
      answer: f.answer,
      category: f.category,
      sortOrder,
      status: f.status,
      createdAt,
      updatedAt: createdAt,
    };
  });

  // ── Notifications and audit log ──────────────────────────────────────────
  const notifications: DemoRows['notifications'] = NOTIFICATIONS.map((n, i) => {
    const createdAt = atClock(n.day, n.hour);
    return {
      id: seedId(`notification:${i}`, createdAt),
      userId: uid(n.user),
      type: n.type,
      title: n.title,
      body: n.body,
      link: n.link ?? null,
      readAt: n.read ? addMinutes(createdAt, 120) : null,
      createdAt,
    };
  });

  const entityId = (ref: string): string => {
    const [kind, rest] = ref.split(/:(.*)/s) as [string, string];
    switch (kind) {
      case 'user':
        return uid(rest);
      case 'program':
        return pid(rest);
      case 'application':
        return lookup(applicationIds, rest, 'application');
      case 'order':
        return lookup(orderIds, rest, 'order');
      case 'subscription':
        return lookup(subscriptionIds, rest, 'subscription');
      case 'testimonial': {
        const id = testimonialIds[Number(rest)];
        invariant(id, `testimonial ${rest}`);
        return id;
      }
      case 'enrollment': {
        const [user, program] = rest.split('/') as [string, string];
        invariant(enrollmentOf(user, program), `enrollment ${rest}`);
        return seedId(`enrollment:${user}:${program}`, at(enrollmentOf(user, program)!.day, 1));
      }
      default:
        throw new Error(`Demo data is inconsistent: unknown audit entity ${ref}`);
    }
  };
  const auditLogs: DemoRows['auditLogs'] = AUDIT_LOGS.map((l, i) => {
    const createdAt = at(l.day, l.hour);
    return {
      id: seedId(`audit:${i}`, createdAt),
      actorId: l.actor ? uid(l.actor) : null,
      action: l.action,
      entityType: l.entityType,
      entityId: entityId(l.entity),
      data: l.data ?? {},
      ip: l.actor ? '203.0.113.10' : null,
      createdAt,
    };
  });

  return {
    users,
    instructorProfiles,
    instructorApplications,
    categories,
    programs,
    sections,
    lessons,
    plans,
    subscriptions,
    coupons,
    events,
    orders,
    orderItems,
    payments,
    refunds,
    invoices,
    couponRedemptions,
    webhookEvents,
    enrollments,
    lessonProgress,
    reviews,
    reviewVotes,
    quizzes,
    questions,
    attempts,
    attemptAnswers,
    certificates,
    aiChatSessions,
    aiMessages,
    aiUsage,
    eventRegistrations,
    blogPosts,
    testimonials,
    faqs,
    notifications,
    auditLogs,
  };
}
