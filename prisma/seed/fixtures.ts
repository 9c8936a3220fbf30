// Facts about the demo data that tests can rely on. Everything here is computed from the same
// rows the seed inserts (build.ts); nothing is typed in by hand. Importing this module touches
// neither the database nor argon2.
import { buildDemoRows } from './build';
import { CATEGORIES, PROGRAMS, isPublic } from './data/catalog';
import { EVENTS } from './data/events';
import { canSignIn, DEMO_PASSWORDS, USERS } from './data/users';
import { BASE_DATE, countBy } from './util';

export { BASE_DATE } from './util';
export { ADMIN_EMAIL, DEMO_PASSWORDS } from './data/users';

const rows = buildDemoRows();

export interface DemoAccount {
  role: 'student' | 'instructor' | 'admin';
  email: string;
  password: string;
  name: string;
}

/** Accounts that can sign in (active and email verified), admin first. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = USERS.filter(canSignIn).map((u) => ({
  role: u.role,
  email: u.email,
  password: DEMO_PASSWORDS[u.role],
  name: u.name,
}));

/** Every demo user, including those who cannot sign in (unverified, banned). */
export const DEMO_USERS = USERS.map((u) => ({
  role: u.role,
  email: u.email,
  name: u.name,
  status: u.status,
  emailVerified: u.emailVerified,
  password: DEMO_PASSWORDS[u.role],
}));

const demoUser = (pred: (u: (typeof USERS)[number]) => boolean) => {
  const u = USERS.find(pred);
  if (!u) throw new Error('demo user missing');
  return u.email;
};
/** Handy individual accounts. */
export const DEMO_EMAILS = {
  admin: demoUser((u) => u.role === 'admin'),
  instructor: demoUser((u) => u.key === 'jane'),
  /** Basic subscriber with enrollments, a certificate and a failed attempt. */
  student: demoUser((u) => u.key === 'john'),
  /** Has a React Mastery certificate. */
  certified: demoUser((u) => u.key === 'zoe'),
  /** Has no enrollments at all and has not verified the email. */
  unverified: demoUser((u) => !u.emailVerified),
  banned: demoUser((u) => u.status === 'banned'),
  /** Has a pending instructor application. */
  applicant: demoUser((u) => u.key === 'amara'),
} as const;

/** Row counts per table after one seed run. */
export const DEMO_COUNTS = Object.fromEntries(
  (Object.entries(rows) as [keyof typeof rows, unknown[]][]).map(([table, list]) => [table, list.length]),
) as { readonly [K in keyof typeof rows]: number };

const publicPrograms = PROGRAMS.filter(isPublic);

export const PROGRAM_FACTS = {
  total: PROGRAMS.length,
  /** status published and not soft-deleted: what the public catalogue lists. */
  published: publicPrograms.length,
  draft: PROGRAMS.filter((p) => p.status === 'draft').length,
  archived: PROGRAMS.filter((p) => p.status === 'archived').length,
  softDeleted: PROGRAMS.filter((p) => p.deleted).length,
  featuredSlugs: PROGRAMS.filter((p) => p.featured).map((p) => p.slug),
  /** Public programs whose four prices are all 0. */
  freeSlugs: publicPrograms.filter((p) => p.prices === 'free').map((p) => p.slug),
  draftSlugs: PROGRAMS.filter((p) => p.status === 'draft').map((p) => p.slug),
  archivedSlugs: PROGRAMS.filter((p) => p.status === 'archived').map((p) => p.slug),
  deletedSlugs: PROGRAMS.filter((p) => p.deleted).map((p) => p.slug),
  publishedByLevel: countBy(publicPrograms, (p) => p.level),
} as const;

/** Published, non-deleted programs directly in each category (by slug; 0 included). */
export const PUBLISHED_PROGRAMS_BY_CATEGORY: Readonly<Record<string, number>> = Object.fromEntries(
  CATEGORIES.map((c) => [c.slug, publicPrograms.filter((p) => p.category === c.slug).length]),
);

/** Same, counting sub-categories too (what GET /api/categories reports as programCount, and ?category= filters by). */
export const PUBLISHED_PROGRAMS_IN_CATEGORY_TREE: Readonly<Record<string, number>> = Object.fromEntries(
  CATEGORIES.map((c) => {
    const subtree = new Set([c.slug]);
    for (let grew = true; grew;) {
      grew = false;
      for (const x of CATEGORIES) {
        if (x.parent && subtree.has(x.parent) && !subtree.has(x.slug)) {
          subtree.add(x.slug);
          grew = true;
        }
      }
    }
    return [c.slug, publicPrograms.filter((p) => subtree.has(p.category)).length];
  }),
);

export const CATEGORY_FACTS = {
  total: CATEGORIES.length,
  active: CATEGORIES.filter((c) => c.isActive ?? true).length,
  topLevelSlugs: CATEGORIES.filter((c) => !c.parent && (c.isActive ?? true)).map((c) => c.slug),
  inactiveSlugs: CATEGORIES.filter((c) => c.isActive === false).map((c) => c.slug),
} as const;

/** Denormalised counters per program slug, as stored on the Program row. */
export const PROGRAM_STATS: Readonly<
  Record<string, { enrolledCount: number; reviewCount: number; ratingTotal: number; lessons: number }>
> = Object.fromEntries(
  rows.programs.map((p) => [
    p.slug,
    {
      enrolledCount: p.enrolledCount ?? 0,
      reviewCount: p.reviewCount ?? 0,
      ratingTotal: p.ratingTotal ?? 0,
      lessons: rows.lessons.filter((l) => l.programId === p.id).length,
    },
  ]),
);

const emailById = new Map(rows.users.map((u) => [u.id, u.email]));
const slugById = new Map(rows.programs.map((p) => [p.id, p.slug]));

export const CERTIFICATES = rows.certificates.map((c) => ({
  verificationCode: c.verificationCode,
  email: emailById.get(c.userId)!,
  programSlug: slugById.get(c.programId)!,
  score: c.score,
}));

export const SUBSCRIPTION_PLANS = rows.plans.map((p) => ({
  id: p.id,
  name: p.name,
  price: p.price,
  currency: p.currency!,
  features: p.features as string[],
  limits: p.limits as Record<string, number | boolean>,
}));

export const EVENT_FACTS = {
  total: EVENTS.length,
  /** status upcoming and starting after BASE_DATE. */
  upcomingAfterBase: EVENTS.filter((e) => e.status === 'upcoming' && new Date(e.startsAt) > BASE_DATE).map(
    (e) => e.slug,
  ),
  /** Upcoming events in 2030, so "upcoming" lists are never empty whatever today's date is. */
  farFutureSlugs: EVENTS.filter((e) => e.status === 'upcoming' && new Date(e.startsAt).getUTCFullYear() >= 2030).map(
    (e) => e.slug,
  ),
  pastSlugs: EVENTS.filter((e) => new Date(e.startsAt) < BASE_DATE).map((e) => e.slug),
  cancelledSlugs: EVENTS.filter((e) => e.status === 'cancelled').map((e) => e.slug),
  registeredCount: Object.fromEntries(rows.events.map((e) => [e.slug, e.registeredCount ?? 0])) as Record<
    string,
    number
  >,
} as const;

export const CONTENT_FACTS = {
  publishedBlogPosts: rows.blogPosts.filter((b) => b.status === 'published').length,
  approvedTestimonials: rows.testimonials.filter((t) => t.status === 'approved').length,
  featuredTestimonials: rows.testimonials.filter((t) => t.featured).length,
  publishedFaqs: rows.faqs.filter((f) => f.status === 'published').length,
} as const;

export const COUPON_CODES = rows.coupons.map((c) => c.code);

export const ORDER_NUMBERS = rows.orders.map((o) => o.orderNumber);

/** Unread notifications per email. */
export const UNREAD_NOTIFICATIONS: Readonly<Record<string, number>> = countBy(
  rows.notifications.filter((n) => !n.readAt),
  (n) => emailById.get(n.userId)!,
);
