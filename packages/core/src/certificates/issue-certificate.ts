// Issuing a certificate when a quiz attempt passes. Called by the grading transaction, so the
// certificate, its notification and the job that renders and emails its PDF commit (or roll
// back) together with the graded attempt.
import { randomBytes } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import type { Db, Prisma } from '@learningpt/db';
import type { Clock } from '../shared/clock';
import { notify } from '../notifications/notify';

export const RENDER_CERTIFICATE_TASK = 'render_certificate';
/** With graphile-worker's exponential backoff (exp(n) s), 10 attempts span about 3 hours. */
export const RENDER_CERTIFICATE_MAX_ATTEMPTS = 10;

/** The render job's payload, as the worker reads it. */
export interface RenderCertificatePayload {
  certificateId: string;
}

/**
 * `CERT-2026-` + 80 random bits in base32 (16 characters, A-Z2-7). The code is the only thing a
 * verifier needs, so it must not be guessable from another certificate's code or its date.
 */
export function newVerificationCode(now: Date): string {
  return `CERT-${now.getUTCFullYear()}-${encodeBase32UpperCaseNoPadding(randomBytes(10))}`;
}

/** What a verification code looks like (for rejecting junk before a lookup). */
export const VERIFICATION_CODE_PATTERN = /^CERT-\d{4}-[A-Z2-7]{16}$/;

/**
 * Queues the PDF render (and its email) in the caller's transaction. One job per certificate:
 * `unsafe_dedupe` leaves a job that already exists (queued, running or failed) as it is.
 */
export async function enqueueCertificateRender(db: Db | Prisma.TransactionClient, certificateId: string) {
  const payload: RenderCertificatePayload = { certificateId };
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${RENDER_CERTIFICATE_TASK}::text,
    payload => ${JSON.stringify(payload)}::json,
    max_attempts => ${RENDER_CERTIFICATE_MAX_ATTEMPTS}::int,
    job_key => ${'certificate:' + certificateId}::text,
    job_key_mode => 'unsafe_dedupe'
  )`;
}

export interface IssueCertificateOptions {
  clock: Clock;
  userId: string;
  programId: string;
  attemptId: string;
  /** The attempt's graded score, 0-100. */
  scorePercent: number;
}

/**
 * The completion rule: a program is completed by passing one of its quizzes. The attempt must
 *  - be this user's attempt, and not a free preview (a preview proves no access to the exam);
 *  - be at a quiz of this program that is published and not deleted (a draft quiz is the
 *    instructor's test run, not an exam);
 *  - score at least that quiz's passing score. The score is the attempt's recorded one when the
 *    attempt is graded already (the database, not the caller, has the last word), else
 *    `scorePercent`; it is checked against the quiz here, not taken from the caller's `passed`.
 * The attempt's status is not checked: the grading transaction may call this before or after it
 * marks the attempt submitted.
 *
 * Otherwise answers null. When the rule is met, the user holds exactly one certificate for the
 * program (unique (userId, programId) in the database): the first pass creates it, with this
 * attempt and score, and later passes (or a concurrent call) answer the existing one, revoked or
 * not — a revoked certificate is not re-issued by passing again; an admin decides that.
 * `created` says whether this call issued it.
 */
export async function issueCertificateForPass(
  tx: Prisma.TransactionClient,
  { clock, userId, programId, attemptId, scorePercent }: IssueCertificateOptions,
): Promise<{ certificateId: string; created: boolean } | null> {
  const attempt = await tx.quizAttempt.findUnique({
    where: { id: attemptId },
    select: {
      userId: true,
      isPreview: true,
      scorePercent: true,
      quiz: { select: { programId: true, status: true, deletedAt: true, passingScore: true } },
    },
  });
  const score = attempt?.scorePercent ?? scorePercent;
  if (
    !attempt ||
    attempt.userId !== userId ||
    attempt.isPreview ||
    attempt.quiz.programId !== programId ||
    attempt.quiz.status !== 'published' ||
    attempt.quiz.deletedAt !== null ||
    !Number.isFinite(score) ||
    score < attempt.quiz.passingScore
  ) {
    return null;
  }

  const existing = () =>
    tx.certificate.findUnique({ where: { userId_programId: { userId, programId } }, select: { id: true } });
  const held = await existing();
  if (held) return { certificateId: held.id, created: false };

  const now = clock.now();
  // ON CONFLICT DO NOTHING: a concurrent transaction issuing the same certificate makes this one
  // wait for it and then insert nothing (no error that would abort the caller's transaction); the
  // read after it sees the committed row (READ COMMITTED: each statement takes a new snapshot).
  // A clash of the random code with another certificate is as good as impossible; it also inserts
  // nothing and finds nothing, and then we try with another code.
  for (let i = 0; i < 3; i++) {
    const [inserted] = await tx.certificate.createManyAndReturn({
      data: [
        {
          userId,
          programId,
          attemptId,
          verificationCode: newVerificationCode(now),
          issuedAt: now,
          score: Math.round(Math.min(100, Math.max(0, score))),
        },
      ],
      skipDuplicates: true,
      select: { id: true, verificationCode: true },
    });
    if (inserted) {
      await enqueueCertificateRender(tx, inserted.id);
      await notify({
        db: tx,
        clock,
        userId,
        type: 'certificate',
        title: 'You earned a certificate',
        body: 'Your certificate is ready to share; the PDF is on its way to your inbox.',
        link: `/verify/${encodeURIComponent(inserted.verificationCode)}`,
        data: { certificateId: inserted.id, programId },
      });
      return { certificateId: inserted.id, created: true };
    }
    const other = await existing();
    if (other) return { certificateId: other.id, created: false };
  }
  throw new Error('Could not issue a certificate: verification codes kept clashing');
}
