// quizzes.list / quizzes.byId: what a viewer may see (see quiz-access.ts), never an answer.
import type { Db, Prisma } from '@learningpt/db';
import type { QuizDetail, QuizListData, QuizSummary } from '@learningpt/schema';
import { getFeatureAccess } from '../access/feature-access';
import type { Clock } from '../shared/clock';
import { pageOffset, paginationMeta } from '../shared/pagination';
import type { Viewer } from '../shared/viewer';
import { findQuizForViewer, questionCountOf, quizSelect, toQuizSettings, type QuizRow } from './quiz-access';
import { attemptHistory, attemptLimit } from './retake-policy';

function toSummary(q: QuizRow): QuizSummary {
  const s = toQuizSettings(q);
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    programId: s.programId,
    programTitle: s.programTitle,
    difficulty: s.difficulty,
    status: s.status,
    questionCount: s.questionCount,
    duration: s.duration,
    passingScore: s.passingScore,
    isTimed: s.isTimed,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/**
 * Admins: every quiz. Others: the quizzes of the programs they teach (drafts too), and the
 * published quizzes of programs they can see (public ones, or ones they are enrolled in).
 */
export async function findQuizzes({
  db,
  viewer,
  input,
}: {
  db: Db;
  viewer: Viewer;
  input: QuizListData;
}): Promise<{ quizzes: QuizSummary[]; pagination: ReturnType<typeof paginationMeta> }> {
  const visible: Prisma.QuizWhereInput =
    viewer.role === 'admin'
      ? {}
      : {
          OR: [
            { program: { instructorId: viewer.userId, deletedAt: null } },
            {
              status: 'published',
              program: {
                deletedAt: null,
                OR: [
                  { status: 'published' },
                  { enrollments: { some: { userId: viewer.userId, status: { not: 'cancelled' } } } },
                ],
              },
            },
          ],
        };
  const where: Prisma.QuizWhereInput = {
    AND: [
      visible,
      {
        deletedAt: null,
        ...(input.programId && { programId: input.programId }),
        ...(input.difficulty && { difficulty: input.difficulty }),
        ...(input.status && { status: input.status }),
      },
    ],
  };
  const [total, rows] = await Promise.all([
    db.quiz.count({ where }),
    db.quiz.findMany({
      where,
      select: quizSelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: pageOffset(input.page, input.limit),
      take: input.limit,
    }),
  ]);
  return { quizzes: rows.map(toSummary), pagination: paginationMeta(total, input.page, input.limit) };
}

/** quizzes.byId: the quiz's settings and what the viewer may do with it (no questions). */
export async function getQuiz({
  db,
  clock,
  viewer,
  quizId,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  quizId: string;
}): Promise<{ quiz: QuizDetail }> {
  const { quiz, canManage } = await findQuizForViewer({ db, quizId, viewer });
  const [access, history, open] = await Promise.all([
    getFeatureAccess({ db, clock, viewer, feature: 'examSimulator', program: quiz.program }),
    attemptHistory(db, viewer.userId, quiz.id),
    db.quizAttempt.findFirst({
      where: { userId: viewer.userId, quizId: quiz.id, status: 'in_progress' },
      select: { id: true },
    }),
  ]);
  const limit = attemptLimit(quiz);
  return {
    quiz: {
      ...toQuizSettings(quiz),
      viewer: {
        canManage,
        hasExamAccess: access.allowed,
        previewQuestionCount: access.allowed ? 0 : Math.min(quiz.program.freeQuestionsCount, questionCountOf(quiz)),
        attemptsUsed: history.used,
        attemptsLeft: limit === null ? null : Math.max(0, limit - history.used),
        openAttemptId: open?.id ?? null,
      },
    },
  };
}
