// What the AI writes besides answers, with the real @ai-sdk/openai provider against the fake
// (structured output): questions into the bank as drafts that no blueprint draws until approved,
// learning paths only from the real catalog, the four-part code review; and, with no provider,
// a clear "not configured" for writing and a rule-based learning path.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enrollDirectly, makeProgram, makeUser, outcome } from '../../testing/learning-fixtures';
import { startAiServer, type AiTestServer } from './ai-testing';

const question = (text: string, options: string[], correctAnswer: string) => ({
  questionText: text,
  options,
  correctAnswer,
  explanation: `Because ${correctAnswer}.`,
});

describe('with a provider', () => {
  let s: AiTestServer;
  beforeAll(async () => {
    s = await startAiServer();
  });
  afterAll(() => s.close());
  beforeEach(() => s.fake.reset());

  it('quizzes.generate saves valid questions as drafts; blueprints draw them only once approved', async () => {
    const owner = await makeUser(s, 'instructor');
    const p = await makeProgram(s, { ownerId: owner.id });
    s.fake.enqueue({
      text: JSON.stringify({
        questions: [
          question('What does useState return?', ['A pair', 'A number', 'Nothing', 'A promise'], 'A pair'),
          question('Which hook runs after paint?', ['useEffect', 'useMemo', 'useRef', 'useId'], 'useEffect'),
          question('Broken: answer not an option', ['a', 'b', 'c', 'd'], 'e'),
        ],
      }),
    });
    const res = await owner.caller.quizzes.generate({ programId: p.id, topic: 'Hooks', difficulty: 'easy', count: 3 });
    expect(res.rejected).toBe(1);
    expect(res.questions.map((q) => [q.questionText, q.draft, q.topic, q.difficulty])).toEqual([
      ['What does useState return?', true, 'Hooks', 'easy'],
      ['Which hook runs after paint?', true, 'Hooks', 'easy'],
    ]);
    // The model was asked for structured output.
    const body = s.fake.modelCalls()[0]!.body as { text?: { format?: { type?: string } } };
    expect(body.text?.format?.type).toBe('json_schema');

    const blueprintQuiz = () =>
      s.rest<{ error?: { issues?: { path: unknown[] }[] } }>({
        method: 'POST',
        url: '/api/quizzes',
        headers: s.bearer(owner.token),
        payload: {
          programId: p.id,
          title: 'Drawn from the bank',
          passingScore: 50,
          duration: 10,
          status: 'published',
          blueprint: [{ topic: 'Hooks', difficulty: 'easy', count: 2 }],
        },
      });
    const before = await blueprintQuiz();
    expect(before.status).toBe(400);
    expect(before.body.error!.issues![0]!.path).toEqual(['blueprint', 0, 'count']);

    const approved = await owner.caller.quizzes.bank.approve({
      programId: p.id,
      questionIds: res.questions.map((q) => q.id),
    });
    expect(approved).toEqual({ approved: 2 });
    expect((await blueprintQuiz()).status).toBe(200);
  });

  it('quizzes.generate is for the program’s owner or an admin', async () => {
    const owner = await makeUser(s, 'instructor');
    const p = await makeProgram(s, { ownerId: owner.id });
    const other = await makeUser(s, 'instructor');
    const student = await makeUser(s, 'student');
    const input = { programId: p.id, topic: 'Hooks', difficulty: 'easy' as const, count: 2 };
    expect(await outcome(student.caller.quizzes.generate(input))).toBe('FORBIDDEN');
    expect(await outcome(other.caller.quizzes.generate(input))).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(await outcome(other.caller.quizzes.bank.approve({ programId: p.id, questionIds: [p.id] }))).toMatch(
      /FORBIDDEN|NOT_FOUND/,
    );
    expect(s.fake.modelCalls()).toHaveLength(0);
  });

  it('ai.learningPath picks only from the real catalog, with the model’s reasons', async () => {
    const u = await makeUser(s, 'student');
    const catalog = await s.db.program.findMany({ where: { status: 'published', deletedAt: null }, take: 3 });
    await enrollDirectly(s, u.id, catalog[0]!.id, { status: 'completed' });
    // The model answers one real, one enrolled and one invented id: only the real new one stays.
    const ranked = await s.db.program.findMany({
      where: { status: 'published', deletedAt: null, id: { not: catalog[0]!.id } },
      orderBy: [{ enrolledCount: 'desc' }, { id: 'asc' }],
      take: 1,
    });
    s.fake.enqueue({
      text: JSON.stringify({
        recommendations: [
          { programId: ranked[0]!.id, reason: 'It builds on what you finished.' },
          { programId: catalog[0]!.id, reason: 'Again?' },
          { programId: '00000000-0000-7000-8000-000000000000', reason: 'Invented' },
        ],
        summary: 'Keep going.',
      }),
    });
    const path = await u.caller.ai.learningPath();
    expect(path.generatedBy).toBe('ai');
    expect(path.recommendations.map((r) => [r.program.id, r.reason])).toEqual([
      [ranked[0]!.id, 'It builds on what you finished.'],
    ]);
    expect(path.basedOn.completedPrograms).toEqual([catalog[0]!.title]);
    const prompt = s.fake.promptText(s.fake.modelCalls()[0]!);
    expect(prompt).toContain(ranked[0]!.title);
    expect(prompt).not.toContain(catalog[0]!.id); // the enrolled program is not a candidate
  });

  it('ai.reviewCode answers the four parts and uses one of today’s messages; a failure gives it back', async () => {
    const u = await makeUser(s, 'student');
    const review = {
      correctness: 'It works for positive numbers.',
      bestPractices: 'Name the function after what it does.',
      improvements: 'Handle negative input.',
      learningPoints: 'Recursion needs a base case.',
    };
    s.fake.enqueue({ text: JSON.stringify(review) });
    const res = await s.rest<{ success: boolean; review: typeof review }>({
      method: 'POST',
      url: '/api/ai/review-code',
      headers: s.bearer(u.token),
      payload: { code: 'function f(n) { return n * f(n - 1) }', language: 'javascript', topic: 'recursion' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, review, language: 'javascript' });
    expect(s.fake.promptText(s.fake.modelCalls()[0]!)).toContain('return n * f(n - 1)');
    expect((await u.caller.ai.usage()).messagesUsed).toBe(1);

    s.fake.enqueue({ status: 500 }, { status: 500 });
    const failed = await s.rest({
      method: 'POST',
      url: '/api/ai/review-code',
      headers: s.bearer(u.token),
      payload: { code: 'x = 1', language: 'python' },
    });
    expect(failed.status).toBe(503);
    expect((await u.caller.ai.usage()).messagesUsed).toBe(1);

    const bad = await s.rest<{ error: { message: string } }>({
      method: 'POST',
      url: '/api/ai/review-code',
      headers: s.bearer(u.token),
      payload: { code: '', language: 'python' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Paste the code/);
  });
});

describe('with no provider', () => {
  let s: AiTestServer;
  beforeAll(async () => {
    s = await startAiServer({ provider: 'offline' });
  });
  afterAll(() => s.close());

  it('writing answers a clear 503 "not configured"; the learning path is ranked by rules', async () => {
    const owner = await makeUser(s, 'instructor');
    const p = await makeProgram(s, { ownerId: owner.id });
    const gen = await s.rest<{ error: { code: string; message: string } }>({
      method: 'POST',
      url: '/api/quizzes/generate',
      headers: s.bearer(owner.token),
      payload: { programId: p.id, topic: 'Hooks' },
    });
    expect(gen.status).toBe(503);
    expect(gen.body.error.message).toMatch(/needs an AI provider.*OPENAI_API_KEY or MISTRAL_API_KEY/);
    expect(await s.db.question.count({ where: { programId: p.id } })).toBe(0);

    const u = await makeUser(s, 'student');
    const review = await s.rest({
      method: 'POST',
      url: '/api/ai/review-code',
      headers: s.bearer(u.token),
      payload: { code: 'x = 1', language: 'python' },
    });
    expect(review.status).toBe(503);

    const path = await u.caller.ai.learningPath();
    expect(path.generatedBy).toBe('rules');
    expect(path.recommendations.length).toBeGreaterThan(0);
    const ids = path.recommendations.map((r) => r.program.id);
    const real = await s.db.program.count({ where: { id: { in: ids }, status: 'published', deletedAt: null } });
    expect(real).toBe(ids.length);
    expect(path.recommendations.every((r) => r.reason.length > 10)).toBe(true);
  });
});
