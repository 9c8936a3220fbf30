// The question bank: a program's Question rows that belong to no quiz. Blueprint quizzes draw
// from it at each start. Managed by the program's instructor or an admin. A removed question is
// archived, not deleted: attempts that were served it still show and grade it.
import type { Db, Prisma, QuizDifficulty } from '@learningpt/db';
import type { BlueprintEntry, ManagedQuestion, QuestionDraft } from '@learningpt/schema';
import { findManageableProgram } from '../catalog/program-access-check';
import type { Clock } from '../shared/clock';
import { AppError, type FieldIssue } from '../shared/errors';
import { pageOffset, paginationMeta } from '../shared/pagination';
import type { Viewer } from '../shared/viewer';
import { questionData, questionSelect, toManagedQuestion } from './question-view';
import { shuffled } from './shuffle';

type DbLike = Db | Prisma.TransactionClient;

const QUESTION_NOT_FOUND = 'Question not found';

const activeBank = (programId: string) => ({ programId, quizId: null, archivedAt: null }) as const;
/** What blueprints draw from: the active bank without the AI drafts awaiting review. */
const drawableBank = (programId: string) => ({ ...activeBank(programId), draft: false }) as const;

interface BankEntry {
  id: string;
  topic: string | null;
  difficulty: QuizDifficulty | null;
}

const matches = (e: BlueprintEntry, q: BankEntry) =>
  (e.topic === null || (q.topic ?? '').toLowerCase() === e.topic.toLowerCase()) &&
  (e.difficulty === null || q.difficulty === e.difficulty);

const describe = (e: BlueprintEntry) =>
  [e.topic ? `topic "${e.topic}"` : 'any topic', e.difficulty ? `difficulty ${e.difficulty}` : 'any difficulty'].join(
    ', ',
  );

async function bankEntries(db: DbLike, programId: string): Promise<BankEntry[]> {
  return db.question.findMany({
    where: drawableBank(programId),
    select: { id: true, topic: true, difficulty: true },
    orderBy: [{ topic: 'asc' }, { position: 'asc' }, { id: 'asc' }],
  });
}

/** A 400 naming each blueprint entry the bank cannot fill. */
export async function checkBlueprint(db: DbLike, programId: string, blueprint: BlueprintEntry[]): Promise<void> {
  const bank = await bankEntries(db, programId);
  const issues: FieldIssue[] = [];
  const usable = new Set<string>();
  blueprint.forEach((e, i) => {
    const n = bank.filter((q) => matches(e, q));
    n.forEach((q) => usable.add(q.id));
    if (n.length < e.count) {
      issues.push({
        path: ['blueprint', i, 'count'],
        message: `The question bank has ${n.length} question(s) for ${describe(e)}; this entry asks for ${e.count}. Add questions to the bank or lower the count.`,
      });
    }
  });
  const wanted = blueprint.reduce((s, e) => s + e.count, 0);
  if (issues.length === 0 && wanted > usable.size) {
    issues.push({
      path: ['blueprint'],
      message: `The blueprint asks for ${wanted} questions but the entries only match ${usable.size} different bank questions.`,
    });
  }
  if (issues.length > 0) throw new AppError('BAD_REQUEST', issues[0]!.message, { issues });
}

/**
 * Draws the questions of one attempt. The most specific entries draw first (topic and difficulty,
 * then one of them, then neither), so a broad entry cannot take the questions a narrow one needs.
 * An entry the bank can no longer fill draws what there is.
 */
export async function drawFromBank(db: DbLike, programId: string, blueprint: BlueprintEntry[]): Promise<string[]> {
  const bank = await bankEntries(db, programId);
  const specificity = (e: BlueprintEntry) => (e.topic === null ? 1 : 0) + (e.difficulty === null ? 1 : 0);
  const order = blueprint.map((e, i) => ({ e, i })).sort((a, b) => specificity(a.e) - specificity(b.e) || a.i - b.i);
  const taken = new Set<string>();
  const drawn: string[][] = blueprint.map(() => []);
  for (const { e, i } of order) {
    const pick = shuffled(bank.filter((q) => !taken.has(q.id) && matches(e, q))).slice(0, e.count);
    pick.forEach((q) => taken.add(q.id));
    drawn[i] = pick.map((q) => q.id);
  }
  return drawn.flat();
}

export async function findBankQuestions({
  db,
  viewer,
  programId,
  page,
  limit,
  topic,
  difficulty,
}: {
  db: Db;
  viewer: Viewer;
  programId: string;
  page: number;
  limit: number;
  topic?: string | undefined;
  difficulty?: QuizDifficulty | undefined;
}) {
  await findManageableProgram({ db, programId, viewer });
  const where: Prisma.QuestionWhereInput = {
    ...activeBank(programId),
    ...(topic ? { topic: { equals: topic, mode: 'insensitive' } } : {}),
    ...(difficulty ? { difficulty } : {}),
  };
  const [total, rows, groups] = await Promise.all([
    db.question.count({ where }),
    db.question.findMany({
      where,
      select: questionSelect,
      orderBy: [{ topic: 'asc' }, { position: 'asc' }, { id: 'asc' }],
      skip: pageOffset(page, limit),
      take: limit,
    }),
    db.question.groupBy({
      by: ['topic', 'difficulty'],
      where: activeBank(programId),
      _count: { _all: true },
      orderBy: [{ topic: 'asc' }, { difficulty: 'asc' }],
    }),
  ]);
  return {
    questions: rows.map(toManagedQuestion),
    topics: groups.map((g) => ({ topic: g.topic, difficulty: g.difficulty, count: g._count._all })),
    pagination: paginationMeta(total, page, limit),
  };
}

export async function addBankQuestions({
  db,
  clock,
  viewer,
  programId,
  questions,
  draft = false,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  programId: string;
  questions: QuestionDraft[];
  /** AI-written: kept out of blueprints until approved (approveBankQuestions). */
  draft?: boolean;
}): Promise<{ questions: ManagedQuestion[] }> {
  await findManageableProgram({ db, programId, viewer });
  const now = clock.now();
  const rows = await db.$transaction(async (tx) => {
    const last = await tx.question.aggregate({ where: { programId, quizId: null }, _max: { position: true } });
    const start = (last._max.position ?? -1) + 1;
    return tx.question.createManyAndReturn({
      data: questions.map((q, i) => ({
        ...questionData(q),
        programId,
        quizId: null,
        position: start + i,
        draft,
        createdAt: now,
        updatedAt: now,
      })),
      select: questionSelect,
    });
  });
  return { questions: rows.sort((a, b) => a.position - b.position).map(toManagedQuestion) };
}

export async function updateBankQuestion({
  db,
  clock,
  viewer,
  programId,
  questionId,
  question,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  programId: string;
  questionId: string;
  question: QuestionDraft;
}): Promise<{ question: ManagedQuestion }> {
  await findManageableProgram({ db, programId, viewer });
  const { count } = await db.question.updateMany({
    where: { id: questionId, ...activeBank(programId) },
    data: { ...questionData(question), updatedAt: clock.now() },
  });
  if (count === 0) throw new AppError('NOT_FOUND', QUESTION_NOT_FOUND);
  const row = await db.question.findUniqueOrThrow({ where: { id: questionId }, select: questionSelect });
  return { question: toManagedQuestion(row) };
}

export async function deleteBankQuestion({
  db,
  clock,
  viewer,
  programId,
  questionId,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  programId: string;
  questionId: string;
}): Promise<{ id: string; message: string }> {
  await findManageableProgram({ db, programId, viewer });
  const now = clock.now();
  const { count } = await db.question.updateMany({
    where: { id: questionId, ...activeBank(programId) },
    data: { archivedAt: now, updatedAt: now },
  });
  if (count === 0) throw new AppError('NOT_FOUND', QUESTION_NOT_FOUND);
  return { id: questionId, message: 'Question removed from the bank' };
}

/** Approves AI-written drafts of the bank: from now on blueprints may draw them. */
export async function approveBankQuestions({
  db,
  clock,
  viewer,
  programId,
  questionIds,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  programId: string;
  questionIds: string[];
}): Promise<{ approved: number }> {
  await findManageableProgram({ db, programId, viewer });
  const { count } = await db.question.updateMany({
    where: { id: { in: questionIds }, ...activeBank(programId), draft: true },
    data: { draft: false, updatedAt: clock.now() },
  });
  return { approved: count };
}
