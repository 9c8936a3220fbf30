// Writing quizzes (the program's instructor or an admin). A quiz has its own questions or a
// blueprint that draws from the program's bank. Questions taken out of a quiz are archived, not
// deleted, so the attempts that were served them keep showing and grading them.
import { Prisma, type Db } from '@learningpt/db';
import type { ManagedQuiz, QuizCreateData, QuizUpdateData } from '@learningpt/schema';
import { findManageableProgram } from '../catalog/program-access-check';
import type { Clock } from '../shared/clock';
import { AppError, type FieldIssue } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import { checkBlueprint } from './question-bank';
import { blueprintOf, questionData, questionSelect, toManagedQuestion } from './question-view';
import { findManageableQuiz, quizSelect, toQuizSettings } from './quiz-access';

type DbLike = Db | Prisma.TransactionClient;

async function managedQuiz(db: DbLike, quizId: string): Promise<ManagedQuiz> {
  const [quiz, questions] = await Promise.all([
    db.quiz.findUniqueOrThrow({ where: { id: quizId }, select: quizSelect }),
    db.question.findMany({
      where: { quizId, archivedAt: null },
      select: questionSelect,
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    }),
  ]);
  return {
    ...toQuizSettings(quiz),
    questions: questions.map(toManagedQuestion),
    blueprint: blueprintOf(quiz.blueprint),
  };
}

const blueprintJson = (b: QuizCreateData['blueprint']) =>
  b ? b.map((e) => ({ topic: e.topic ?? null, difficulty: e.difficulty ?? null, count: e.count })) : null;

export async function createQuiz({
  db,
  clock,
  viewer,
  input,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  input: QuizCreateData;
}): Promise<{ quiz: ManagedQuiz }> {
  const program = await findManageableProgram({ db, programId: input.programId, viewer });
  const blueprint = blueprintJson(input.blueprint);
  if (blueprint) await checkBlueprint(db, program.id, blueprint);
  const now = clock.now();
  const quizId = await db.$transaction(async (tx) => {
    const quiz = await tx.quiz.create({
      data: {
        programId: program.id,
        title: input.title,
        description: input.description || null,
        difficulty: input.difficulty,
        durationMinutes: input.duration,
        passingScore: input.passingScore,
        isTimed: input.isTimed,
        allowRetake: input.allowRetake,
        maxAttempts: input.maxAttempts ?? null,
        retakeCooldownMinutes: input.retakeCooldownMinutes,
        randomize: input.shuffleQuestions,
        shuffleOptions: input.shuffleOptions,
        showAnswersAfterSubmit: input.showAnswersAfterSubmit,
        blueprint: blueprint ? (blueprint as unknown as Prisma.InputJsonArray) : undefined,
        status: input.status,
        createdById: viewer.userId,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    if (!blueprint && input.questions?.length) {
      await tx.question.createMany({
        data: input.questions.map((q, i) => ({
          ...questionData(q),
          quizId: quiz.id,
          programId: program.id,
          position: i,
          createdAt: now,
          updatedAt: now,
        })),
      });
    }
    return quiz.id;
  });
  return { quiz: await managedQuiz(db, quizId) };
}

export async function updateQuiz({
  db,
  clock,
  viewer,
  input,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  input: QuizUpdateData;
}): Promise<{ quiz: ManagedQuiz }> {
  const quiz = await findManageableQuiz({ db, quizId: input.id, viewer });
  const blueprint = input.blueprint === undefined ? blueprintOf(quiz.blueprint) : blueprintJson(input.blueprint);
  if (input.blueprint) await checkBlueprint(db, quiz.programId, blueprint!);

  const current = await db.question.findMany({
    where: { quizId: quiz.id, archivedAt: null },
    select: { id: true },
  });
  const currentIds = new Set(current.map((q) => q.id));
  const issues: FieldIssue[] = [];
  input.questions?.forEach((q, i) => {
    if (q.id !== undefined && !currentIds.has(q.id)) {
      issues.push({
        path: ['questions', i, 'id'],
        message: 'This id is not a question of this quiz (leave it out for a new question)',
      });
    }
  });
  const questionsAfter = input.questions ? input.questions.length : currentIds.size;
  if (!blueprint && questionsAfter === 0) {
    issues.push({
      path: ['questions'],
      message: 'A quiz needs at least one question (or a blueprint that draws them from the question bank)',
    });
  }
  const allowRetake = input.allowRetake ?? quiz.allowRetake;
  if (!allowRetake && input.maxAttempts != null && input.maxAttempts > 1) {
    issues.push({ path: ['maxAttempts'], message: 'maxAttempts above 1 needs allowRetake: true' });
  }
  if (issues.length > 0) throw new AppError('BAD_REQUEST', issues[0]!.message, { issues });

  const now = clock.now();
  await db.$transaction(async (tx) => {
    await tx.quiz.update({
      where: { id: quiz.id },
      data: {
        title: input.title,
        description: input.description === undefined ? undefined : input.description || null,
        difficulty: input.difficulty,
        durationMinutes: input.duration,
        passingScore: input.passingScore,
        isTimed: input.isTimed,
        allowRetake: input.allowRetake,
        maxAttempts: input.maxAttempts,
        retakeCooldownMinutes: input.retakeCooldownMinutes,
        randomize: input.shuffleQuestions,
        shuffleOptions: input.shuffleOptions,
        showAnswersAfterSubmit: input.showAnswersAfterSubmit,
        status: input.status,
        ...(input.blueprint !== undefined && {
          blueprint: blueprint ? (blueprint as unknown as Prisma.InputJsonArray) : Prisma.DbNull,
        }),
        updatedAt: now,
      },
    });
    // A blueprint quiz has no questions of its own; a new list replaces the old one.
    const keep = new Set(blueprint ? [] : (input.questions ?? current).flatMap((q) => (q.id ? [q.id] : [])));
    const retire = [...currentIds].filter((id) => !keep.has(id));
    if (retire.length > 0) {
      await tx.question.updateMany({ where: { id: { in: retire } }, data: { archivedAt: now, updatedAt: now } });
    }
    if (!blueprint && input.questions) {
      for (const [i, q] of input.questions.entries()) {
        const { id, ...draft } = q;
        const data = { ...questionData(draft), position: i, updatedAt: now };
        if (id) await tx.question.update({ where: { id }, data });
        else
          await tx.question.create({ data: { ...data, quizId: quiz.id, programId: quiz.programId, createdAt: now } });
      }
    }
  });
  return { quiz: await managedQuiz(db, quiz.id) };
}

/** Soft delete: attempts and certificates keep pointing at it; nobody can start it any more. */
export async function deleteQuiz({
  db,
  clock,
  viewer,
  quizId,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  quizId: string;
}): Promise<{ id: string; message: string }> {
  const quiz = await findManageableQuiz({ db, quizId, viewer });
  const now = clock.now();
  await db.quiz.updateMany({ where: { id: quiz.id, deletedAt: null }, data: { deletedAt: now, updatedAt: now } });
  return { id: quiz.id, message: 'Quiz deleted' };
}

/** quizzes.questions: the quiz with its questions and answers, for its editor. */
export async function getQuizForEditing({
  db,
  viewer,
  quizId,
}: {
  db: Db;
  viewer: Viewer;
  quizId: string;
}): Promise<{ quiz: ManagedQuiz }> {
  const quiz = await findManageableQuiz({ db, quizId, viewer });
  return { quiz: await managedQuiz(db, quiz.id) };
}
