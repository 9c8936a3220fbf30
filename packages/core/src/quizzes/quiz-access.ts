// Who may see and who may change a quiz. Seeing: its program's staff (owner, admins) always;
// everyone else only a published quiz of a program they can see (public, or enrolled in it).
// A quiz nobody may see is NOT_FOUND (a draft's existence is not revealed).
import type { Db, Prisma } from '@learningpt/db';
import type { QuizSettings } from '@learningpt/schema';
import { isProgramStaff, isPubliclyVisible, programCoreSelect } from '../catalog/program-access-check';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import { blueprintOf } from './question-view';

type DbLike = Db | Prisma.TransactionClient;

export const QUIZ_NOT_FOUND = 'Quiz not found';

export const quizSelect = {
  id: true,
  programId: true,
  title: true,
  description: true,
  difficulty: true,
  durationMinutes: true,
  passingScore: true,
  isTimed: true,
  allowRetake: true,
  maxAttempts: true,
  retakeCooldownMinutes: true,
  randomize: true,
  shuffleOptions: true,
  showAnswersAfterSubmit: true,
  blueprint: true,
  status: true,
  deletedAt: true,
  createdAt: true,
  updatedAt: true,
  program: { select: { ...programCoreSelect, freeQuestionsCount: true } },
  _count: { select: { questions: { where: { archivedAt: null } } } },
} satisfies Prisma.QuizSelect;
export type QuizRow = Prisma.QuizGetPayload<{ select: typeof quizSelect }>;

/** Questions per attempt: the quiz's own, or what its blueprint draws. */
export function questionCountOf(q: Pick<QuizRow, 'blueprint' | '_count'>): number {
  const blueprint = blueprintOf(q.blueprint);
  return blueprint ? blueprint.reduce((n, e) => n + e.count, 0) : q._count.questions;
}

export function toQuizSettings(q: QuizRow): QuizSettings {
  return {
    id: q.id,
    title: q.title,
    description: q.description,
    programId: q.programId,
    programTitle: q.program.title,
    difficulty: q.difficulty,
    status: q.status,
    questionCount: questionCountOf(q),
    duration: q.durationMinutes,
    passingScore: q.passingScore,
    isTimed: q.isTimed,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
    allowRetake: q.allowRetake,
    maxAttempts: q.maxAttempts,
    retakeCooldownMinutes: q.retakeCooldownMinutes,
    shuffleQuestions: q.randomize,
    shuffleOptions: q.shuffleOptions,
    showAnswersAfterSubmit: q.showAnswersAfterSubmit,
    usesBlueprint: blueprintOf(q.blueprint) !== null,
  };
}

async function loadQuiz(db: DbLike, quizId: string): Promise<QuizRow> {
  const quiz = await db.quiz.findUnique({ where: { id: quizId }, select: quizSelect });
  if (!quiz || quiz.deletedAt !== null) throw new AppError('NOT_FOUND', QUIZ_NOT_FOUND);
  return quiz;
}

/** Can this viewer see the quiz without managing it? */
async function visibleToLearner(db: DbLike, quiz: QuizRow, viewer: Viewer | null): Promise<boolean> {
  if (quiz.status !== 'published' || quiz.program.deletedAt !== null) return false;
  if (isPubliclyVisible(quiz.program)) return true;
  if (!viewer) return false;
  const enrollment = await db.enrollment.findUnique({
    where: { userId_programId: { userId: viewer.userId, programId: quiz.programId } },
    select: { status: true },
  });
  return enrollment !== null && enrollment.status !== 'cancelled';
}

/** The quiz as this viewer may see it, or NOT_FOUND. */
export async function findQuizForViewer({
  db,
  quizId,
  viewer,
}: {
  db: DbLike;
  quizId: string;
  viewer: Viewer | null;
}): Promise<{ quiz: QuizRow; canManage: boolean }> {
  const quiz = await loadQuiz(db, quizId);
  if (isProgramStaff(viewer, quiz.program) && (quiz.program.deletedAt === null || viewer?.role === 'admin')) {
    return { quiz, canManage: true };
  }
  if (!(await visibleToLearner(db, quiz, viewer))) throw new AppError('NOT_FOUND', QUIZ_NOT_FOUND);
  return { quiz, canManage: false };
}

/** A quiz this viewer may change (its program's instructor, an admin): FORBIDDEN if they can only see it. */
export async function findManageableQuiz({
  db,
  quizId,
  viewer,
}: {
  db: DbLike;
  quizId: string;
  viewer: Viewer;
}): Promise<QuizRow> {
  const quiz = await loadQuiz(db, quizId);
  if (quiz.program.deletedAt !== null) throw new AppError('NOT_FOUND', QUIZ_NOT_FOUND);
  if (isProgramStaff(viewer, quiz.program)) return quiz;
  if (await visibleToLearner(db, quiz, viewer)) {
    throw new AppError('FORBIDDEN', "Only the program's instructor or an admin can change this quiz.");
  }
  throw new AppError('NOT_FOUND', QUIZ_NOT_FOUND);
}
