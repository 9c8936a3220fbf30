// Issuing on a pass (issueCertificateForPass, called by the grading transaction): the completion
// rule, one certificate per learner and program under concurrency, and the render job queued with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificateForPass, RENDER_CERTIFICATE_TASK } from '@learningpt/core';
import { startTestServer, type TestServer } from '../../testing/harness';
import { makeProgram, makeUser } from '../../testing/learning-fixtures';
import { issueInTransaction, jobsOf, makeGradedAttempt, makeQuizRow } from './certificate-fixtures';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

async function learnerAndProgram() {
  const instructor = await makeUser(s, 'instructor');
  const program = await makeProgram(s, { ownerId: instructor.id, sections: 1, lessonsPerSection: 1 });
  const learner = await makeUser(s, 'student');
  return { program, learner };
}

const certificatesOf = (userId: string, programId: string) =>
  s.db.certificate.findMany({ where: { userId, programId } });

describe('issueCertificateForPass', () => {
  it('issues one certificate on the first pass, with an unguessable code, and queues its render', async () => {
    const { program, learner } = await learnerAndProgram();
    const quiz = await makeQuizRow(s, program.id);
    const attempt = await makeGradedAttempt(s, { userId: learner.id, quizId: quiz.id, scorePercent: 91 });

    const issued = await issueInTransaction(s, {
      userId: learner.id,
      programId: program.id,
      attemptId: attempt.id,
      scorePercent: 91,
    });

    const rows = await certificatesOf(learner.id, program.id);
    expect(rows).toHaveLength(1);
    const [c] = rows;
    expect(issued).toEqual({ certificateId: c!.id, created: true });
    expect(c).toMatchObject({
      attemptId: attempt.id,
      score: 91,
      status: 'valid',
      fileId: null,
      issuedAt: s.clock.now(),
    });
    // CERT-<year of issue>-<16 base32 characters = 80 random bits>
    expect(c!.verificationCode).toMatch(/^CERT-2026-[A-Z2-7]{16}$/);
    expect(await jobsOf(s, RENDER_CERTIFICATE_TASK)).toContainEqual(
      expect.objectContaining({ key: `certificate:${c!.id}`, payload: { certificateId: c!.id } }),
    );
    const note = await s.db.notification.findFirst({ where: { userId: learner.id, type: 'certificate' } });
    expect(note?.link).toBe(`/verify/${c!.verificationCode}`);
  });

  it('answers the certificate already held on a later pass, without a second one or a second job', async () => {
    const { program, learner } = await learnerAndProgram();
    const quiz = await makeQuizRow(s, program.id);
    const first = await makeGradedAttempt(s, { userId: learner.id, quizId: quiz.id, scorePercent: 75 });
    const later = await makeGradedAttempt(s, { userId: learner.id, quizId: quiz.id, scorePercent: 99 });
    const a = await issueInTransaction(s, {
      userId: learner.id,
      programId: program.id,
      attemptId: first.id,
      scorePercent: 75,
    });
    const b = await issueInTransaction(s, {
      userId: learner.id,
      programId: program.id,
      attemptId: later.id,
      scorePercent: 99,
    });

    expect(b).toEqual({ certificateId: a!.certificateId, created: false });
    const rows = await certificatesOf(learner.id, program.id);
    // The first pass is what the certificate records.
    expect(rows).toEqual([expect.objectContaining({ attemptId: first.id, score: 75 })]);
    const jobs = (await jobsOf(s, RENDER_CERTIFICATE_TASK)).filter((j) => j.key === `certificate:${a!.certificateId}`);
    expect(jobs).toHaveLength(1);
  });

  it('issues exactly one certificate when passes are graded at the same time', async () => {
    const { program, learner } = await learnerAndProgram();
    const quiz = await makeQuizRow(s, program.id);
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        makeGradedAttempt(s, { userId: learner.id, quizId: quiz.id, scorePercent: 80 + i }),
      ),
    );
    const results = await Promise.all(
      attempts.map((a, i) =>
        issueInTransaction(s, { userId: learner.id, programId: program.id, attemptId: a.id, scorePercent: 80 + i }),
      ),
    );

    const rows = await certificatesOf(learner.id, program.id);
    expect(rows).toHaveLength(1);
    expect(results.map((r) => r?.certificateId)).toEqual(Array(6).fill(rows[0]!.id));
    expect(results.filter((r) => r?.created)).toHaveLength(1);
    const jobs = (await jobsOf(s, RENDER_CERTIFICATE_TASK)).filter((j) => j.key === `certificate:${rows[0]!.id}`);
    expect(jobs).toHaveLength(1);
  });

  it('issues nothing when the completion rule is not met', async () => {
    const { program, learner } = await learnerAndProgram();
    const other = await makeProgram(s, {
      ownerId: (await makeUser(s, 'instructor')).id,
      sections: 1,
      lessonsPerSection: 1,
    });
    const published = await makeQuizRow(s, program.id, { passingScore: 80 });
    const draft = await makeQuizRow(s, program.id, { status: 'draft' });
    const deleted = await makeQuizRow(s, program.id, { deleted: true });
    const elsewhere = await makeQuizRow(s, other.id);
    const someoneElse = await makeUser(s, 'student');

    const cases: [string, { quizId: string; scorePercent: number; userId?: string; isPreview?: boolean }][] = [
      ['below the pass mark', { quizId: published.id, scorePercent: 79 }],
      ['a free preview', { quizId: published.id, scorePercent: 100, isPreview: true }],
      ['a draft quiz', { quizId: draft.id, scorePercent: 100 }],
      ['a deleted quiz', { quizId: deleted.id, scorePercent: 100 }],
      ["another program's quiz", { quizId: elsewhere.id, scorePercent: 100 }],
      ["someone else's attempt", { quizId: published.id, scorePercent: 100, userId: someoneElse.id }],
    ];
    for (const [why, c] of cases) {
      const attempt = await makeGradedAttempt(s, {
        userId: c.userId ?? learner.id,
        quizId: c.quizId,
        scorePercent: c.scorePercent,
        isPreview: c.isPreview ?? false,
      });
      const issued = await issueInTransaction(s, {
        userId: learner.id,
        programId: program.id,
        attemptId: attempt.id,
        scorePercent: c.scorePercent,
      });
      expect(issued, why).toBeNull();
    }
    // A graded attempt's recorded score decides, whatever score the caller passes.
    const failed = await makeGradedAttempt(s, { userId: learner.id, quizId: published.id, scorePercent: 50 });
    expect(
      await issueInTransaction(s, {
        userId: learner.id,
        programId: program.id,
        attemptId: failed.id,
        scorePercent: 95,
      }),
    ).toBeNull();
    expect(await certificatesOf(learner.id, program.id)).toEqual([]);
  });

  it('leaves neither a certificate nor a job when the grading transaction rolls back', async () => {
    const { program, learner } = await learnerAndProgram();
    const quiz = await makeQuizRow(s, program.id);
    const attempt = await makeGradedAttempt(s, { userId: learner.id, quizId: quiz.id, scorePercent: 90 });
    let issuedId: string | undefined;
    await expect(
      s.db.$transaction(async (tx) => {
        const issued = await issueCertificateForPass(tx, {
          clock: s.clock,
          userId: learner.id,
          programId: program.id,
          attemptId: attempt.id,
          scorePercent: 90,
        });
        issuedId = issued?.certificateId;
        throw new Error('grading failed after issuing');
      }),
    ).rejects.toThrow('grading failed after issuing');
    expect(issuedId).toBeDefined();
    expect(await certificatesOf(learner.id, program.id)).toEqual([]);
    expect((await jobsOf(s, RENDER_CERTIFICATE_TASK)).filter((j) => j.key === `certificate:${issuedId}`)).toEqual([]);
  });
});
