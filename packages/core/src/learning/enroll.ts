import type { Db, Prisma } from '@learningpt/db';
import type { AccessType, EnrollOutput } from '@learningpt/schema';
import { PLAN_PROGRAM_ACCESS, planFeaturesFor, type FEATURES } from '../access/feature-access';
import { isFreeProgram, programCoreSelect, PROGRAM_NOT_FOUND, type ProgramCore } from '../catalog/program-access-check';
import { notify } from '../notifications/notify';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { toMajor } from '../shared/money';
import type { Viewer } from '../shared/viewer';

const PRICE_COLUMN: Record<AccessType, keyof ProgramCore> = {
  chatbot: 'priceChatbot',
  documentation: 'priceDocumentation',
  examSimulator: 'priceExamSimulator',
  bundle: 'priceBundle',
};

export function formatPrice(minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(toMajor(minor));
  } catch {
    return `${toMajor(minor).toFixed(2)} ${currency}`;
  }
}

/**
 * programs.enroll for what needs no payment: a free program (source free) or one the student's
 * live plan includes (source subscription). Anything else is a 402 naming the price.
 *
 * Exactly once, whatever the concurrency: the insert is ON CONFLICT DO NOTHING on the unique
 * (userId, programId); a cancelled enrollment is re-activated by a conditional update; and the
 * program's enrolledCount is incremented atomically in the same transaction, only by the call
 * that created or re-activated the row. Everyone else gets a 409.
 */
export async function enrollInProgram({
  db,
  clock,
  viewer,
  programId,
  accessType,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  programId: string;
  accessType: AccessType;
}): Promise<EnrollOutput> {
  const program = await db.program.findUnique({ where: { id: programId }, select: programCoreSelect });
  if (!program || program.deletedAt !== null || program.status === 'draft') {
    throw new AppError('NOT_FOUND', PROGRAM_NOT_FOUND);
  }
  if (program.status === 'archived') {
    throw new AppError('UNPROCESSABLE', 'This program is archived and no longer open for enrollment.');
  }
  const existing = await db.enrollment.findUnique({
    where: { userId_programId: { userId: viewer.userId, programId } },
    select: { status: true },
  });
  if (existing && existing.status !== 'cancelled') throw alreadyEnrolled();

  let source: 'free' | 'subscription';
  let access: Record<(typeof FEATURES)[number], boolean>;
  if (isFreeProgram(program)) {
    source = 'free';
    access = { chatbot: true, documentation: true, examSimulator: true };
  } else {
    const { features } = await planFeaturesFor({ db, clock, userId: viewer.userId, program });
    if (features.length === 0) {
      const price = program[PRICE_COLUMN[accessType]] as number;
      throw new AppError('PAYMENT_REQUIRED', whatToBuy(program, accessType), {
        price: toMajor(price),
        currency: program.currency,
        accessType,
      });
    }
    source = 'subscription';
    access = {
      chatbot: features.includes('chatbot'),
      documentation: features.includes('documentation'),
      examSimulator: features.includes('examSimulator'),
    };
  }

  const now = clock.now();
  const fields = {
    source,
    status: 'active' as const,
    chatbotAccess: access.chatbot,
    documentationAccess: access.documentation,
    examSimulatorAccess: access.examSimulator,
    enrolledAt: now,
    completedAt: null,
    orderId: null,
    updatedAt: now,
  };
  const enrollment = await db.$transaction(async (tx) => {
    const inserted = await tx.enrollment.createMany({
      data: [{ userId: viewer.userId, programId, progressPercent: 0, createdAt: now, ...fields }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) {
      // The row exists: re-activate it only if it is cancelled (a refunded purchase, say). Lesson
      // progress made before is kept, so progressPercent is left as it was.
      const reactivated = await tx.enrollment.updateMany({
        where: { userId: viewer.userId, programId, status: 'cancelled' },
        data: fields,
      });
      if (reactivated.count === 0) throw alreadyEnrolled();
    }
    await tx.$executeRaw`UPDATE "Program" SET "enrolledCount" = "enrolledCount" + 1 WHERE id = ${programId}::uuid`;
    const student = await tx.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { name: true } });
    await notify({
      db: tx,
      clock,
      userId: program.instructorId,
      type: 'enrollment',
      title: `New student in ${program.title}`,
      body: `${student.name} enrolled in ${program.title}.`,
      link: `/programs/${program.slug}`,
      data: { programId, source },
    });
    return tx.enrollment.findUniqueOrThrow({ where: { userId_programId: { userId: viewer.userId, programId } } });
  });

  return {
    message: source === 'free' ? 'You are enrolled. Enjoy the program!' : 'You are enrolled with your subscription.',
    enrollment: {
      id: enrollment.id,
      programId,
      source: enrollment.source,
      status: enrollment.status,
      access: {
        chatbot: enrollment.chatbotAccess,
        documentation: enrollment.documentationAccess,
        examSimulator: enrollment.examSimulatorAccess,
      },
      enrolledAt: enrollment.enrolledAt,
    },
  };
}

const alreadyEnrolled = () => new AppError('CONFLICT', 'You are already enrolled in this program.');

const ACCESS_NAME: Record<AccessType, string> = {
  chatbot: 'chatbot',
  documentation: 'documentation',
  examSimulator: 'exam simulator',
  bundle: 'bundle',
};

/**
 * The 402's message: the price of what was asked, the other ways in (each feature's price, the
 * plans that include the program) and where to pay.
 */
function whatToBuy(program: ProgramCore, accessType: AccessType): string {
  const price = (t: AccessType) => program[PRICE_COLUMN[t]] as number;
  const others = (Object.keys(PRICE_COLUMN) as AccessType[])
    .filter((t) => t !== accessType && price(t) > 0)
    .map((t) => `${ACCESS_NAME[t]} ${formatPrice(price(t), program.currency)}`);
  const plans = Object.entries(PLAN_PROGRAM_ACCESS)
    .filter(([, rule]) => rule.levels.includes(program.level))
    .map(([id]) => id.charAt(0).toUpperCase() + id.slice(1));
  return (
    `This program costs ${formatPrice(price(accessType), program.currency)} (${accessType}) — buy it with ` +
    'payments.createCheckout (POST /api/payments/checkout with programId and accessType)' +
    (others.length ? `; other parts: ${others.join(', ')}` : '') +
    (plans.length ? `; or subscribe to the ${plans.join(' or ')} plan (POST /api/subscriptions/subscribe).` : '.')
  );
}

type Tx = Prisma.TransactionClient;
type AccessFlags = { chatbotAccess: boolean; documentationAccess: boolean; examSimulatorAccess: boolean };
const NO_ACCESS: AccessFlags = { chatbotAccess: false, documentationAccess: false, examSimulatorAccess: false };

function flagsOf(types: readonly (AccessType | null)[]): AccessFlags {
  const has = (f: AccessType) => types.includes(f) || types.includes('bundle');
  return {
    chatbotAccess: has('chatbot'),
    documentationAccess: has('documentation'),
    examSimulatorAccess: has('examSimulator'),
  };
}

const orFlags = (a: AccessFlags, b: AccessFlags): AccessFlags => ({
  chatbotAccess: a.chatbotAccess || b.chatbotAccess,
  documentationAccess: a.documentationAccess || b.documentationAccess,
  examSimulatorAccess: a.examSimulatorAccess || b.examSimulatorAccess,
});

/** What the user's paid, not (fully) refunded orders give them in a program (optionally without one order). */
async function paidAccessFlags(
  tx: Tx,
  userId: string,
  programId: string,
  exceptOrderId?: string,
): Promise<AccessFlags> {
  const rows = await tx.$queryRaw<{ accessType: AccessType | null }[]>`
    SELECT DISTINCT oi."accessType"::text AS "accessType"
    FROM "OrderItem" oi JOIN "Order" o ON o.id = oi."orderId"
    WHERE o."userId" = ${userId}::uuid AND oi."programId" = ${programId}::uuid AND oi.kind = 'program_access'
      AND o."paidAt" IS NOT NULL AND o."paymentStatus" = 'completed'
      AND o.id <> COALESCE(${exceptOrderId ?? null}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`;
  return flagsOf(rows.map((r) => r.accessType));
}

const lockEnrollment = (tx: Tx, userId: string, programId: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`enrollment:${userId}:${programId}`}, 0))`;

/**
 * Purchase rules, applied when an order is paid (in its transaction): the order's access is added
 * to the enrollment, which becomes source `purchase` (access bought is kept for good, so a
 * subscription-sourced enrollment switches to what was bought). A cancelled enrollment comes back
 * with lesson progress kept. `duplicate`: every feature of the order was already bought by
 * another paid order, so the caller refunds it instead of charging twice.
 */
export async function grantPurchasedAccess({
  tx,
  clock,
  userId,
  programId,
  orderId,
  accessType,
}: {
  tx: Tx;
  clock: Clock;
  userId: string;
  programId: string;
  orderId: string;
  accessType: AccessType;
}): Promise<{ duplicate: boolean; newlyEnrolled: boolean }> {
  await lockEnrollment(tx, userId, programId);
  const others = await paidAccessFlags(tx, userId, programId, orderId);
  const mine = flagsOf([accessType]);
  const duplicate =
    (!mine.chatbotAccess || others.chatbotAccess) &&
    (!mine.documentationAccess || others.documentationAccess) &&
    (!mine.examSimulatorAccess || others.examSimulatorAccess);
  if (duplicate) return { duplicate: true, newlyEnrolled: false };
  const bought = orFlags(others, mine);
  const now = clock.now();
  const existing = await tx.enrollment.findUnique({ where: { userId_programId: { userId, programId } } });
  if (!existing || existing.status === 'cancelled') {
    const fields = {
      ...bought,
      source: 'purchase' as const,
      status: 'active' as const,
      orderId,
      enrolledAt: now,
      completedAt: null,
      updatedAt: now,
    };
    if (existing) await tx.enrollment.update({ where: { id: existing.id }, data: fields });
    else await tx.enrollment.create({ data: { userId, programId, progressPercent: 0, createdAt: now, ...fields } });
    await tx.$executeRaw`UPDATE "Program" SET "enrolledCount" = "enrolledCount" + 1 WHERE id = ${programId}::uuid`;
    return { duplicate: false, newlyEnrolled: true };
  }
  // Free and admin grants keep their source and gain what was bought.
  const keep = existing.source === 'free' || existing.source === 'admin' || existing.source === 'purchase';
  await tx.enrollment.update({
    where: { id: existing.id },
    data: {
      ...(keep ? orFlags(existing, bought) : bought),
      source: existing.source === 'subscription' ? 'purchase' : existing.source,
      orderId,
      updatedAt: now,
    },
  });
  return { duplicate: false, newlyEnrolled: false };
}

/**
 * Refund rule: after an order is fully refunded, a purchase-sourced enrollment keeps only what
 * the user's other paid orders give; with nothing left it is cancelled (lesson progress is kept,
 * buying again or a plan re-activates it). Free, admin and subscription enrollments are not
 * touched: the refunded order did not give them.
 */
export async function revokePurchasedAccess({
  tx,
  clock,
  userId,
  programId,
}: {
  tx: Tx;
  clock: Clock;
  userId: string;
  programId: string;
}): Promise<{ cancelled: boolean }> {
  await lockEnrollment(tx, userId, programId);
  const existing = await tx.enrollment.findUnique({ where: { userId_programId: { userId, programId } } });
  if (!existing || existing.source !== 'purchase' || existing.status === 'cancelled') return { cancelled: false };
  const left = await paidAccessFlags(tx, userId, programId);
  const none = !left.chatbotAccess && !left.documentationAccess && !left.examSimulatorAccess;
  const now = clock.now();
  await tx.enrollment.update({
    where: { id: existing.id },
    data: none ? { ...NO_ACCESS, status: 'cancelled', updatedAt: now } : { ...left, updatedAt: now },
  });
  if (none) {
    await tx.$executeRaw`UPDATE "Program" SET "enrolledCount" = greatest("enrolledCount" - 1, 0) WHERE id = ${programId}::uuid`;
  }
  return { cancelled: none };
}
