import type { Db } from '@learningpt/db';
import type { AccessType, EnrollOutput } from '@learningpt/schema';
import { planFeaturesFor, type FEATURES } from '../access/feature-access';
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
      throw new AppError(
        'PAYMENT_REQUIRED',
        `This program costs ${formatPrice(price, program.currency)} (${accessType}) — purchase it or upgrade your plan.`,
        { price: toMajor(price), currency: program.currency, accessType },
      );
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
