// Writing quizzes and the question bank (owner, admin): the seed's payload over REST, validation
// that names the field, who may write, who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, TestServer } from '../../testing/harness';
import { startTestServer } from '../../testing/harness';
import { enrollDirectly, makeProgram, makeUser, outcome, type TestUser } from '../../testing/learning-fixtures';

let s: TestServer;
let owner: TestUser;
let other: TestUser;
let admin: TestUser;
let student: TestUser;
let programId: string;

beforeAll(async () => {
  s = await startTestServer();
  [owner, other, admin, student] = await Promise.all([
    makeUser(s, 'instructor', 'Quiz Owner'),
    makeUser(s, 'instructor', 'Other Instructor'),
    makeUser(s, 'admin', 'Quiz Admin'),
    makeUser(s, 'student', 'Quiz Student'),
  ]);
  programId = (await makeProgram(s, { ownerId: owner.id })).id;
});
afterAll(() => s.close());

type ErrorBody = {
  success: false;
  error: { code: string; message: string; issues?: { path: unknown[]; message: string }[] };
};

/** The seed's POST /api/quizzes body. */
const seedPayload = (over: Record<string, unknown> = {}) => ({
  title: 'Advanced React Quiz',
  description: 'Test advanced concepts...',
  programId,
  difficulty: 'hard',
  duration: 45,
  passingScore: 75,
  isTimed: true,
  allowRetake: false,
  questions: [
    {
      questionText: 'Explain useEffect...',
      questionType: 'multiple-choice',
      options: ['A', 'B', 'C', 'D'],
      correctAnswer: 'B',
      explanation: 'useEffect is...',
      points: 5,
    },
  ],
  ...over,
});

const post = (token: string | null, payload: unknown) =>
  s.rest<ErrorBody & { quiz: Record<string, unknown> }>({
    method: 'POST',
    url: '/api/quizzes',
    headers: token ? s.bearer(token) : {},
    payload: payload as Record<string, unknown>,
  });

describe('quizzes.create (POST /api/quizzes)', () => {
  it('takes the seed payload as is and stores what it says', async () => {
    const res = await post(owner.token, seedPayload());
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    const quiz = res.body.quiz as { id: string; questions: { id: string }[] };
    expect(res.body.quiz).toMatchObject({
      title: 'Advanced React Quiz',
      difficulty: 'hard',
      duration: 45,
      passingScore: 75,
      isTimed: true,
      allowRetake: false,
      status: 'published',
      questionCount: 1,
      programId,
      questions: [
        {
          questionText: 'Explain useEffect...',
          questionType: 'multiple-choice',
          options: ['A', 'B', 'C', 'D'],
          correctAnswer: 'B',
          correctAnswers: ['B'],
          explanation: 'useEffect is...',
          points: 5,
        },
      ],
    });
    const row = await s.db.quiz.findUniqueOrThrow({ where: { id: quiz.id }, include: { questions: true } });
    expect(row).toMatchObject({ createdById: owner.id, durationMinutes: 45, passingScore: 75, allowRetake: false });
    expect(row.questions).toEqual([
      expect.objectContaining({ type: 'multiple_choice', correctAnswers: ['B'], points: 5, programId, position: 0 }),
    ]);
  });

  it('accepts the seeds’ enum spellings in any case, and every question type', async () => {
    const res = await post(
      owner.token,
      seedPayload({
        difficulty: 'Hard',
        questions: [
          { questionText: 'Pick one', questionType: 'Multiple Choice', options: ['x', 'y'], correctAnswer: 'Y' },
          {
            questionText: 'Pick all',
            questionType: 'multi_select',
            options: ['p', 'q', 'r'],
            correctAnswers: ['p', 'r'],
          },
          { questionText: 'Is it true?', questionType: 'true-false', correctAnswer: true },
          {
            questionText: 'Name it',
            questionType: 'Short Answer',
            correctAnswers: ['Node.js', 'node'],
            topic: 'Runtime',
            difficulty: 'EASY',
          },
        ],
      }),
    );
    expect(res.status).toBe(200);
    const qs = (res.body.quiz as { questions: Record<string, unknown>[] }).questions;
    expect(qs.map((q) => [q.questionType, q.correctAnswers])).toEqual([
      ['multiple-choice', ['y']],
      ['multi-select', ['p', 'r']],
      ['true-false', ['True']],
      ['short-answer', ['Node.js', 'node']],
    ]);
    expect(qs[2]!.options).toEqual(['True', 'False']);
    expect(qs[3]).toMatchObject({ topic: 'Runtime', difficulty: 'easy', options: [] });
    expect(res.body.quiz.difficulty).toBe('hard');
  });

  it.each([
    [
      'a correct answer that is not an option',
      { questions: [{ questionText: 'Which?', options: ['A', 'B'], correctAnswer: 'C' }] },
      'questions.0.correctAnswer',
    ],
    ['no questions', { questions: [] }, 'questions'],
    ['a passing score above 100', { passingScore: 150 }, 'passingScore'],
    ['a negative passing score', { passingScore: -1 }, 'passingScore'],
    [
      'an unknown question type',
      { questions: [{ questionText: 'Which?', questionType: 'essay', options: ['A', 'B'], correctAnswer: 'A' }] },
      'questions.0.questionType',
    ],
    ['an unknown difficulty', { difficulty: 'extreme' }, 'difficulty'],
    [
      'a multi-select answer outside the options',
      {
        questions: [
          { questionText: 'Which?', questionType: 'multi-select', options: ['A', 'B'], correctAnswers: ['A', 'Z'] },
        ],
      },
      'questions.0.correctAnswers.1',
    ],
    [
      'a choice question with one option',
      { questions: [{ questionText: 'Which?', options: ['A'], correctAnswer: 'A' }] },
      'questions.0.options',
    ],
  ])('refuses %s with 400 naming the field', async (_name, over, field) => {
    const before = await s.db.quiz.count();
    const res = await post(owner.token, seedPayload(over));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.issues!.map((i) => i.path.join('.'))).toContain(field);
    expect(res.body.error.message).toContain(field);
    expect(await s.db.quiz.count()).toBe(before);
  });

  it('refuses a program the caller does not own (403) and one that does not exist (404)', async () => {
    expect((await post(other.token, seedPayload())).status).toBe(403);
    const missing = await post(owner.token, seedPayload({ programId: '01900000-0000-7000-8000-000000000000' }));
    expect(missing.status).toBe(404);
  });
});

describe('authorization of quiz writes', () => {
  type Who = 'anonymous' | 'student' | 'otherInstructor' | 'owner' | 'admin';
  const WHO: Who[] = ['anonymous', 'student', 'otherInstructor', 'owner', 'admin'];
  const callerOf = (who: Who): Caller =>
    who === 'anonymous' ? s.anonymous : { student, otherInstructor: other, owner, admin }[who].caller;
  const newQuizId = async () => (await owner.caller.quizzes.create(seedPayload())).quiz.id;
  const cases: { name: string; run: (c: Caller) => Promise<unknown> }[] = [
    { name: 'create', run: (c) => c.quizzes.create(seedPayload()) },
    { name: 'update', run: async (c) => c.quizzes.update({ id: await newQuizId(), title: 'Renamed quiz' }) },
    { name: 'delete', run: async (c) => c.quizzes.delete({ id: await newQuizId() }) },
    { name: 'questions', run: async (c) => c.quizzes.questions({ id: await newQuizId() }) },
    { name: 'bank.list', run: (c) => c.quizzes.bank.list({ programId }) },
  ];
  it.each(cases)(
    'quizzes.$name: 401 anonymous, 403 student and other instructor, owner and admin OK',
    async ({ run }) => {
      const got: string[] = [];
      for (const who of WHO) got.push(await outcome(run(callerOf(who))));
      expect(got).toEqual(['UNAUTHORIZED', 'FORBIDDEN', 'FORBIDDEN', 'OK', 'OK']);
    },
  );

  it('a banned user’s token is 401 over REST', async () => {
    const banned = await makeUser(s, 'instructor');
    const p = await makeProgram(s, { ownerId: banned.id });
    await s.db.user.update({ where: { id: banned.id }, data: { status: 'banned' } });
    const res = await post(banned.token, seedPayload({ programId: p.id }));
    expect(res.status).toBe(401);
    expect(await s.db.quiz.count({ where: { programId: p.id } })).toBe(0);
  });

  it('leaves the quiz unchanged when someone else tries', async () => {
    const id = await newQuizId();
    const res = await s.rest<ErrorBody>({
      method: 'PUT',
      url: `/api/quizzes/${id}`,
      headers: s.bearer(other.token),
      payload: { title: 'Hijacked' },
    });
    expect(res.status).toBe(403);
    const del = await s.rest<ErrorBody>({
      method: 'DELETE',
      url: `/api/quizzes/${id}`,
      headers: s.bearer(student.token),
    });
    expect(del.status).toBe(403);
    const row = await s.db.quiz.findUniqueOrThrow({ where: { id } });
    expect([row.title, row.deletedAt]).toEqual(['Advanced React Quiz', null]);
  });
});

describe('quizzes.update / delete', () => {
  it('replaces the questions, keeping the edited one and archiving the dropped one', async () => {
    const created = await owner.caller.quizzes.create(
      seedPayload({
        questions: [
          { questionText: 'First?', options: ['a', 'b'], correctAnswer: 'a' },
          { questionText: 'Second?', options: ['a', 'b'], correctAnswer: 'b' },
        ],
      }),
    );
    const [first, second] = created.quiz.questions;
    const res = await s.rest<{ quiz: { questions: { id: string; questionText: string }[]; passingScore: number } }>({
      method: 'PUT',
      url: `/api/quizzes/${created.quiz.id}`,
      headers: s.bearer(owner.token),
      payload: {
        passingScore: 50,
        questions: [
          { id: second!.id, questionText: 'Second, edited?', options: ['a', 'b'], correctAnswer: 'a' },
          { questionText: 'Third?', questionType: 'true-false', correctAnswer: 'false' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.quiz.passingScore).toBe(50);
    expect(res.body.quiz.questions.map((q) => q.questionText)).toEqual(['Second, edited?', 'Third?']);
    expect(res.body.quiz.questions[0]!.id).toBe(second!.id);
    const dropped = await s.db.question.findUniqueOrThrow({ where: { id: first!.id } });
    expect(dropped.archivedAt).not.toBeNull();
  });

  it('refuses an update that would leave no questions, and an id of another quiz', async () => {
    const a = await owner.caller.quizzes.create(seedPayload());
    const b = await owner.caller.quizzes.create(seedPayload());
    const empty = await s.rest<ErrorBody>({
      method: 'PUT',
      url: `/api/quizzes/${a.quiz.id}`,
      headers: s.bearer(owner.token),
      payload: { questions: [] },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues!.map((i) => i.path.join('.'))).toEqual(['questions']);
    const foreign = await s.rest<ErrorBody>({
      method: 'PUT',
      url: `/api/quizzes/${a.quiz.id}`,
      headers: s.bearer(owner.token),
      payload: {
        questions: [{ id: b.quiz.questions[0]!.id, questionText: 'Mine?', options: ['a', 'b'], correctAnswer: 'a' }],
      },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues![0]!.path).toEqual(['questions', 0, 'id']);
  });

  it('delete hides the quiz from everyone (404) and keeps the row', async () => {
    const { quiz } = await owner.caller.quizzes.create(seedPayload());
    const res = await s.rest<{ id: string }>({
      method: 'DELETE',
      url: `/api/quizzes/${quiz.id}`,
      headers: s.bearer(admin.token),
    });
    expect(res.status).toBe(200);
    expect(await outcome(owner.caller.quizzes.byId({ id: quiz.id }))).toBe('NOT_FOUND');
    expect((await s.db.quiz.findUniqueOrThrow({ where: { id: quiz.id } })).deletedAt).not.toBeNull();
  });
});

describe('quizzes.list / byId visibility', () => {
  it('students see published quizzes of programs they can see; owners and admins see drafts too', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const draftProgram = await makeProgram(s, { ownerId: owner.id, status: 'draft' });
    const published = (await owner.caller.quizzes.create(seedPayload({ programId: p.id, title: 'Published one' })))
      .quiz;
    const draft = (
      await owner.caller.quizzes.create(seedPayload({ programId: p.id, status: 'draft', title: 'Draft one' }))
    ).quiz;
    const hidden = (
      await owner.caller.quizzes.create(seedPayload({ programId: draftProgram.id, title: 'In a draft program' }))
    ).quiz;

    const ids = async (c: Caller, pid: string) =>
      (await c.quizzes.list({ programId: pid, limit: 100 })).quizzes.map((q) => q.id);
    expect(await ids(student.caller, p.id)).toEqual([published.id]);
    expect(await ids(student.caller, draftProgram.id)).toEqual([]);
    expect((await ids(owner.caller, p.id)).sort()).toEqual([published.id, draft.id].sort());
    expect(await ids(admin.caller, draftProgram.id)).toEqual([hidden.id]);
    expect(await outcome(student.caller.quizzes.byId({ id: draft.id }))).toBe('NOT_FOUND');
    expect(await outcome(student.caller.quizzes.byId({ id: hidden.id }))).toBe('NOT_FOUND');
    // A draft is not revealed to another instructor either; a quiz they can see is a 403.
    expect(await outcome(other.caller.quizzes.update({ id: draft.id, title: 'Mine now' }))).toBe('NOT_FOUND');
    expect(await outcome(other.caller.quizzes.update({ id: published.id, title: 'Mine now' }))).toBe('FORBIDDEN');

    // Enrolled in a program that is no longer public: its published quizzes stay visible.
    await enrollDirectly(s, student.id, draftProgram.id);
    expect(await ids(student.caller, draftProgram.id)).toEqual([hidden.id]);

    const rest = await s.rest<{ success: boolean; quizzes: Record<string, unknown>[]; pagination: { total: number } }>({
      url: `/api/quizzes?programId=${p.id}&difficulty=HARD`,
      headers: s.bearer(student.token),
    });
    expect(rest.status).toBe(200);
    expect(rest.body.quizzes).toEqual([
      expect.objectContaining({
        id: published.id,
        title: 'Published one',
        programId: p.id,
        programTitle: p.title,
        difficulty: 'hard',
        questionCount: 1,
        duration: 45,
        passingScore: 75,
        createdAt: published.createdAt.toISOString(),
      }),
    ]);
    expect(JSON.stringify(rest.body)).not.toContain('useEffect is...');
    expect((await s.rest(`/api/quizzes`)).status).toBe(401);
  });

  it('byId answers the seed fields and what the viewer may do, no questions', async () => {
    const { quiz } = await owner.caller.quizzes.create(seedPayload({ allowRetake: true, maxAttempts: 3 }));
    const res = await s.rest<{ quiz: Record<string, unknown> }>({
      url: `/api/quizzes/${quiz.id}`,
      headers: s.bearer(student.token),
    });
    expect(res.status).toBe(200);
    expect(res.body.quiz).toMatchObject({
      id: quiz.id,
      title: 'Advanced React Quiz',
      difficulty: 'hard',
      duration: 45,
      passingScore: 75,
      questionCount: 1,
      isTimed: true,
      allowRetake: true,
      showAnswersAfterSubmit: false,
      viewer: { canManage: false, hasExamAccess: false, attemptsUsed: 0, attemptsLeft: 3, openAttemptId: null },
    });
    expect(res.body.quiz).not.toHaveProperty('questions');
  });
});

describe('question bank and blueprints', () => {
  it('draws N questions per topic × difficulty from the bank, checked when the quiz is written', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const bank = (topic: string, difficulty: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        questionText: `${topic} ${difficulty} ${i}?`,
        options: ['yes', 'no'],
        correctAnswer: 'yes',
        topic,
        difficulty,
      }));
    const added = await s.rest<{ questions: { id: string }[] }>({
      method: 'POST',
      url: `/api/programs/${p.id}/question-bank`,
      headers: s.bearer(owner.token),
      payload: { questions: [...bank('Hooks', 'easy', 3), ...bank('Hooks', 'Hard', 2), ...bank('State', 'medium', 4)] },
    });
    expect(added.status).toBe(200);
    expect(added.body.questions).toHaveLength(9);

    const list = await owner.caller.quizzes.bank.list({ programId: p.id, topic: 'hooks' });
    expect(list.pagination.total).toBe(5);
    expect(list.topics).toEqual(
      expect.arrayContaining([
        { topic: 'Hooks', difficulty: 'hard', count: 2 },
        { topic: 'State', difficulty: 'medium', count: 4 },
      ]),
    );

    const tooMany = await post(
      owner.token,
      seedPayload({
        programId: p.id,
        questions: undefined,
        blueprint: [{ topic: 'Hooks', difficulty: 'hard', count: 3 }],
      }),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.issues![0]!.path).toEqual(['blueprint', 0, 'count']);

    const ok = await post(
      owner.token,
      seedPayload({
        programId: p.id,
        questions: undefined,
        allowRetake: true,
        blueprint: [
          { topic: 'Hooks', difficulty: 'hard', count: 2 },
          { topic: 'State', count: 3 },
        ],
      }),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.quiz).toMatchObject({ usesBlueprint: true, questionCount: 5, questions: [] });

    // Each start draws from the bank: 2 hard Hooks questions and 3 State ones.
    const taker = await makeUser(s, 'student');
    await enrollDirectly(s, taker.id, p.id);
    const start = await taker.caller.quizzes.start({ id: (ok.body.quiz as { id: string }).id });
    const drawn = await s.db.question.findMany({ where: { id: { in: start.questions.map((q) => q.id) } } });
    expect(drawn.filter((q) => q.topic === 'Hooks' && q.difficulty === 'hard')).toHaveLength(2);
    expect(drawn.filter((q) => q.topic === 'State')).toHaveLength(3);
    expect(drawn.every((q) => q.quizId === null)).toBe(true);
  });

  it('edits and removes bank questions; others cannot', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const { questions } = await owner.caller.quizzes.bank.add({
      programId: p.id,
      questions: [{ questionText: 'Old text?', options: ['a', 'b'], correctAnswer: 'a' }],
    });
    const id = questions[0]!.id;
    const upd = await s.rest<{ question: { questionText: string; correctAnswers: string[] } }>({
      method: 'PUT',
      url: `/api/programs/${p.id}/question-bank/${id}`,
      headers: s.bearer(owner.token),
      payload: { questionText: 'New text?', options: ['a', 'b'], correctAnswer: 'b' },
    });
    expect(upd.status).toBe(200);
    expect(upd.body.question).toMatchObject({ questionText: 'New text?', correctAnswers: ['b'] });
    expect(await outcome(other.caller.quizzes.bank.delete({ programId: p.id, questionId: id }))).toBe('FORBIDDEN');
    await owner.caller.quizzes.bank.delete({ programId: p.id, questionId: id });
    expect((await owner.caller.quizzes.bank.list({ programId: p.id })).questions).toEqual([]);
    expect(await outcome(owner.caller.quizzes.bank.delete({ programId: p.id, questionId: id }))).toBe('NOT_FOUND');
  });
});
