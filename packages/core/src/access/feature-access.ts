// THE access model: "may this user use feature F of program P now?". Every domain (lessons,
// AI tutor, exam simulator, enrollment) asks `getFeatureAccess` (or, for a list of programs,
// `getFeatureAccessForPrograms`, which applies the same rules); nothing else re-implements it.
//
// Access comes from, in this order:
//   1. admin: everything;  2. the program's instructor (owner): everything of their program;
//   3. an enrollment (status active or completed) whose per-feature flag is set:
//        - source free / purchase / admin: the flag alone decides (kept even after the program is
//          archived or soft-deleted);
//        - source subscription: the flag AND a live subscription whose plan still includes the
//          program (a lapsed subscription takes subscription-sourced access away);
//   4. without an enrollment: a live subscription whose plan includes the program, for programs
//      open to the public (published, not deleted).
// A live subscription: the one rule in billing/live-plan.ts (livePlanOf).
import type { Db, Enrollment, Prisma, ProgramLevel } from '@learningpt/db';
import type { Clock } from '../shared/clock';
import type { Viewer } from '../shared/viewer';
import { livePlanOf } from '../billing/live-plan';
import { isPubliclyVisible, programCoreSelect, type ProgramCore } from '../catalog/program-access-check';

export const FEATURES = ['chatbot', 'documentation', 'examSimulator'] as const;
export type Feature = (typeof FEATURES)[number];

export type AccessVia = 'admin' | 'owner' | 'enrollment' | 'subscription';
export interface AccessDecision {
  allowed: boolean;
  via: AccessVia | null;
}

/**
 * What each subscription plan includes, keyed by SubscriptionPlan.id: the one place that turns
 * the plans' marketed features into rules. From the plans table (the seed of the spec's
 * GET /api/subscriptions/plans):
 *   free    — "Access to free programs": no paid program is included (free programs are open to
 *             every enrolled user anyway).
 *   basic   — "Access to all basic programs", "Unlimited AI chatbot", "Exam simulator": the
 *             beginner and intermediate programs, with all three features.
 *   premium — "All Basic features", "Advanced programs": every level, all three features.
 * A plan id missing here (or an inactive plan row) includes nothing, so a new plan grants no
 * access until it is described here.
 */
export const PLAN_PROGRAM_ACCESS: Readonly<
  Record<string, { levels: readonly ProgramLevel[]; features: readonly Feature[] }>
> = {
  free: { levels: [], features: [] },
  basic: { levels: ['beginner', 'intermediate'], features: FEATURES },
  premium: { levels: ['beginner', 'intermediate', 'advanced'], features: FEATURES },
};

type DbLike = Db | Prisma.TransactionClient;

/** The features of this program that the user's live plan includes (empty without one). */
export async function planFeaturesFor({
  db,
  clock,
  userId,
  program,
}: {
  db: DbLike;
  clock: Clock;
  userId: string;
  program: Pick<ProgramCore, 'level'>;
}): Promise<{ planId: string | null; features: Feature[] }> {
  const plan = await livePlanOf({ db, clock, userId });
  return { planId: plan?.planId ?? null, features: planIncludes(plan?.planId ?? null, program) };
}

/** The features of a program of this level that the plan includes (none without a plan). */
function planIncludes(planId: string | null, program: Pick<ProgramCore, 'level'>): Feature[] {
  const rule = planId === null ? undefined : PLAN_PROGRAM_ACCESS[planId];
  if (!rule || !rule.levels.includes(program.level)) return [];
  return [...rule.features];
}

const FLAG: Record<Feature, 'chatbotAccess' | 'documentationAccess' | 'examSimulatorAccess'> = {
  chatbot: 'chatbotAccess',
  documentation: 'documentationAccess',
  examSimulator: 'examSimulatorAccess',
};
type FlagKey = (typeof FLAG)[Feature];
type EnrollmentFlags = Pick<Enrollment, 'status' | 'source' | FlagKey>;
const DENIED: AccessDecision = { allowed: false, via: null };

/**
 * May `viewer` use `feature` of the program now? Pass the program (programCoreSelect) and the
 * viewer's enrollment when you already have them to save queries; otherwise they are loaded.
 */
export async function getFeatureAccess(opts: {
  db: DbLike;
  clock: Clock;
  viewer: Viewer | null;
  feature: Feature;
  program: ProgramCore | string;
  /** The viewer's enrollment in the program, if already loaded (null = known to have none). */
  enrollment?: EnrollmentFlags | null;
}): Promise<AccessDecision> {
  const { db, clock, viewer, feature } = opts;
  if (!viewer) return DENIED;
  if (viewer.role === 'admin') return { allowed: true, via: 'admin' };

  const program =
    typeof opts.program === 'string'
      ? await db.program.findUnique({ where: { id: opts.program }, select: programCoreSelect })
      : opts.program;
  if (!program) return DENIED;
  if (program.instructorId === viewer.userId) return { allowed: true, via: 'owner' };

  const enrollment =
    opts.enrollment !== undefined
      ? opts.enrollment
      : await db.enrollment.findUnique({
          where: { userId_programId: { userId: viewer.userId, programId: program.id } },
          select: {
            status: true,
            source: true,
            chatbotAccess: true,
            documentationAccess: true,
            examSimulatorAccess: true,
          },
        });
  const decided = decideWithoutPlan(viewer, feature, program, enrollment);
  if (decided !== 'plan') return decided;
  const { features } = await planFeaturesFor({ db, clock, userId: viewer.userId, program });
  return features.includes(feature) ? { allowed: true, via: 'subscription' } : DENIED;
}

/**
 * Rules 1-4 of the header for what is already loaded; 'plan' when the viewer's live plan decides
 * (a subscription-sourced enrollment with the flag set, or no enrollment on a public program).
 */
function decideWithoutPlan(
  viewer: Viewer,
  feature: Feature,
  program: ProgramCore,
  enrollment: EnrollmentFlags | null,
): AccessDecision | 'plan' {
  if (viewer.role === 'admin') return { allowed: true, via: 'admin' };
  if (program.instructorId === viewer.userId) return { allowed: true, via: 'owner' };
  const live = enrollment && enrollment.status !== 'cancelled' ? enrollment : null;
  if (live && live.source !== 'subscription') {
    return live[FLAG[feature]] ? { allowed: true, via: 'enrollment' } : DENIED;
  }
  if (live && !live[FLAG[feature]]) return DENIED;
  if (!live && !isPubliclyVisible(program)) return DENIED;
  return 'plan';
}

/**
 * getFeatureAccess for every feature of many programs at once (e.g. a list of the viewer's
 * enrollments): the same rules, with the viewer's live plan read at most once.
 */
export async function getFeatureAccessForPrograms({
  db,
  clock,
  viewer,
  items,
}: {
  db: DbLike;
  clock: Clock;
  viewer: Viewer | null;
  /** Each program with the viewer's enrollment in it (null = none). */
  items: readonly { program: ProgramCore; enrollment: EnrollmentFlags | null }[];
}): Promise<Record<Feature, AccessDecision>[]> {
  const pending = items.map(({ program, enrollment }) =>
    FEATURES.map((feature) => (viewer ? decideWithoutPlan(viewer, feature, program, enrollment) : DENIED)),
  );
  const needsPlan = viewer !== null && pending.some((decisions) => decisions.includes('plan'));
  const plan = needsPlan ? await livePlanOf({ db, clock, userId: viewer.userId }) : null;
  return items.map(({ program }, i) => {
    const included = planIncludes(plan?.planId ?? null, program);
    const out = {} as Record<Feature, AccessDecision>;
    FEATURES.forEach((feature, f) => {
      const d = pending[i]![f]!;
      out[feature] = d !== 'plan' ? d : included.includes(feature) ? { allowed: true, via: 'subscription' } : DENIED;
    });
    return out;
  });
}
