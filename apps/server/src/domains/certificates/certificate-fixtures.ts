// Certificates for the tests, issued the way the grading transaction issues them: a quiz and a
// graded attempt written straight to the database, then issueCertificateForPass in a transaction.
import { issueCertificateForPass } from '@learningpt/core';
import type { QuizStatus } from '@learningpt/db';
import type { TestServer } from '../../testing/harness';
import { makeProgram, makeUser, type TestProgram, type TestUser } from '../../testing/learning-fixtures';

let seq = 0;

/** A quiz of the program (published, pass mark 70, unless told otherwise). */
export async function makeQuizRow(
  s: TestServer,
  programId: string,
  opts: { status?: QuizStatus; passingScore?: number; deleted?: boolean } = {},
) {
  return s.db.quiz.create({
    data: {
      programId,
      title: `Certificate exam ${++seq}`,
      status: opts.status ?? 'published',
      passingScore: opts.passingScore ?? 70,
      deletedAt: opts.deleted ? s.clock.now() : null,
    },
    select: { id: true, programId: true },
  });
}

/** A graded attempt of the user at the quiz, with this score. */
export async function makeGradedAttempt(
  s: TestServer,
  opts: { userId: string; quizId: string; scorePercent: number; isPreview?: boolean },
) {
  const now = s.clock.now();
  return s.db.quizAttempt.create({
    data: {
      userId: opts.userId,
      quizId: opts.quizId,
      status: 'submitted',
      startedAt: new Date(now.getTime() - 10 * 60_000),
      submittedAt: now,
      score: opts.scorePercent,
      totalPoints: 100,
      scorePercent: opts.scorePercent,
      passed: opts.scorePercent >= 70,
      isPreview: opts.isPreview ?? false,
    },
    select: { id: true },
  });
}

export interface IssueOptions {
  userId: string;
  programId: string;
  attemptId: string;
  scorePercent: number;
}

/** issueCertificateForPass in a transaction of its own, as the grading transaction calls it. */
export function issueInTransaction(s: TestServer, opts: IssueOptions) {
  return s.db.$transaction((tx) => issueCertificateForPass(tx, { clock: s.clock, ...opts }));
}

export interface IssuedCertificate {
  learner: TestUser & { email: string };
  program: TestProgram;
  certificateId: string;
  verificationCode: string;
  attemptId: string;
}

/** A learner (named as given) who passed a published quiz of a new program, and their certificate. */
export async function issuedCertificate(
  s: TestServer,
  opts: { name?: string; scorePercent?: number } = {},
): Promise<IssuedCertificate> {
  const instructor = await makeUser(s, 'instructor');
  const program = await makeProgram(s, { ownerId: instructor.id, sections: 1, lessonsPerSection: 1 });
  const learner = await makeUser(s, 'student', opts.name);
  const { email } = await s.db.user.findUniqueOrThrow({ where: { id: learner.id }, select: { email: true } });
  const quiz = await makeQuizRow(s, program.id);
  const scorePercent = opts.scorePercent ?? 88;
  const attempt = await makeGradedAttempt(s, { userId: learner.id, quizId: quiz.id, scorePercent });
  const issued = await issueInTransaction(s, {
    userId: learner.id,
    programId: program.id,
    attemptId: attempt.id,
    scorePercent,
  });
  if (!issued) throw new Error('the fixture expected a certificate');
  const { verificationCode } = await s.db.certificate.findUniqueOrThrow({
    where: { id: issued.certificateId },
    select: { verificationCode: true },
  });
  return {
    learner: { ...learner, email },
    program,
    certificateId: issued.certificateId,
    verificationCode,
    attemptId: attempt.id,
  };
}

export interface JobRow {
  task_identifier: string;
  key: string | null;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
}

/** The queued jobs of a task. */
export function jobsOf(s: TestServer, task: string) {
  return s.db.$queryRaw<JobRow[]>`
    SELECT t.identifier AS task_identifier, j.key, j.payload, j.attempts, j.max_attempts, j.last_error
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = ${task} ORDER BY j.id`;
}
