// The tutor's rules through ai.chat (the non-streaming twin of the stream) on both faces, with the
// real @ai-sdk/openai provider against the fake: atomic daily limits, the first-question cache,
// moderation, owner-only sessions, usage, and hints only during an exam (the answer key never
// reaches the model).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HINTS_ONLY_MARKER } from '@learningpt/ai';
import { enrollDirectly, makeProgram, makeUser, outcome, subscribe } from '../../testing/learning-fixtures';
import { startAiServer, type AiTestServer } from './ai-testing';

let s: AiTestServer;
let program: Awaited<ReturnType<typeof makeProgram>>;

beforeAll(async () => {
  s = await startAiServer({ poolMax: 10 });
  const owner = await makeUser(s, 'instructor');
  program = await makeProgram(s, { ownerId: owner.id, prices: 'free' });
  await s.db.lesson.update({
    where: { id: program.lessonIds[0]! },
    data: {
      title: 'Closures',
      content:
        '<p>A closure is a function bundled with the variables of the scope where it was created. ' +
        'The keyword that declares a block-scoped binding is zorblet in this course.</p>',
    },
  });
});
afterAll(() => s.close());
beforeEach(() => s.fake.reset());

async function student() {
  const u = await makeUser(s, 'student');
  await enrollDirectly(s, u.id, program.id);
  return u;
}

const today = () => new Date(Date.UTC(2026, 10, 23)); // the harness clock's UTC day

describe('daily limits', () => {
  it('20 parallel requests at the free limit minus one: exactly one reaches the model, 19 get the upgrade 429', async () => {
    const u = await student();
    await s.db.aiUsage.create({ data: { userId: u.id, day: today(), messages: 9 } });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        s.rest<{ success: boolean; error?: { message: string }; upgradeUrl?: string }>({
          method: 'POST',
          url: '/api/ai/chat',
          headers: s.bearer(u.token),
          payload: { message: `Question number ${i}` },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 429)).toHaveLength(19);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.error!.message).toMatch(/Daily AI message limit reached.*10 tutor messages a day.*Upgrade/);
    expect(refused.body.upgradeUrl).toBe('/pricing');
    expect(refused.headers['retry-after']).toBeDefined();
    expect(s.fake.modelCalls()).toHaveLength(1);
    expect((await s.db.aiUsage.findFirstOrThrow({ where: { userId: u.id } })).messages).toBe(10);

    const usage = await u.caller.ai.usage();
    expect(usage).toMatchObject({
      plan: 'free',
      day: '2026-11-23',
      messagesUsed: 10,
      messagesLimit: 10,
      messagesRemaining: 0,
    });
    expect(usage.resetsAt.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(usage.upgradeUrl).toBe('/pricing');
  });

  it('takes the output cap from the plan: free 500 tokens, premium 2000 and no daily limit', async () => {
    const free = await student();
    await free.caller.ai.chat({ message: 'Short question' });
    expect((s.fake.modelCalls()[0]!.body as { max_output_tokens: number }).max_output_tokens).toBe(500);

    const premium = await student();
    await subscribe(s, premium.id, 'premium');
    await s.db.aiUsage.create({ data: { userId: premium.id, day: today(), messages: 5000 } });
    await premium.caller.ai.chat({ message: 'Another question' });
    expect((s.fake.modelCalls()[1]!.body as { max_output_tokens: number }).max_output_tokens).toBe(2000);
    expect(await premium.caller.ai.usage()).toMatchObject({
      plan: 'premium',
      messagesLimit: null,
      messagesRemaining: null,
    });
  });

  it('a provider error is a clear 503, keeps the question and charges nothing', async () => {
    const u = await student();
    s.fake.enqueue({ status: 500 });
    const res = await s.rest<{ error: { code: string; message: string } }>({
      method: 'POST',
      url: '/api/ai/chat',
      headers: s.bearer(u.token),
      payload: { message: 'Will this fail?' },
    });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/could not finish this answer/);
    const question = await s.db.aiMessage.findFirst({ where: { role: 'user', content: 'Will this fail?' } });
    expect(question).not.toBeNull();
    expect((await s.db.aiUsage.findFirst({ where: { userId: u.id } }))?.messages ?? 0).toBe(0);
  });
});

describe('the first-question cache', () => {
  it('answers the same first question on a program from the cache: no model call, no quota', async () => {
    const a = await student();
    s.fake.enqueue({ text: 'A closure keeps its scope alive [1].' });
    const first = await a.caller.ai.chat({ message: 'What is a closure?', programId: program.id });
    expect(first).toMatchObject({ cached: false, response: 'A closure keeps its scope alive [1].' });
    expect(s.fake.modelCalls()).toHaveLength(1);

    const b = await student();
    const again = await b.caller.ai.chat({ message: '  what IS a closure ', programId: program.id });
    expect(again).toMatchObject({ cached: true, response: 'A closure keeps its scope alive [1].' });
    expect(again.citations.map((c) => c.lessonTitle)).toContain('Closures');
    expect(s.fake.modelCalls()).toHaveLength(1);
    expect(await s.db.aiUsage.findFirst({ where: { userId: b.id } })).toBeNull();

    // Not a first question (history), or after 7 days: the model answers.
    await b.caller.ai.chat({ message: 'What is a closure?', programId: program.id, sessionId: again.sessionId });
    expect(s.fake.modelCalls()).toHaveLength(2);
    s.clock.advance(7 * 86_400_000 + 1000);
    try {
      const later = await (await student()).caller.ai.chat({ message: 'What is a closure?', programId: program.id });
      expect(later.cached).toBe(false);
      expect(s.fake.modelCalls()).toHaveLength(3);
    } finally {
      s.clock.advance(-(7 * 86_400_000 + 1000));
    }
  });
});

describe('safety', () => {
  it('refuses a message moderation flags with a 422, before any model call or row', async () => {
    const u = await student();
    s.fake.setFlaggedTerms(['forbidden phrase']);
    const res = await s.rest<{ error: { code: string; message: string } }>({
      method: 'POST',
      url: '/api/ai/chat',
      headers: s.bearer(u.token),
      payload: { message: 'Here is a forbidden phrase for you' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/moderation flagged it.*rephrase/);
    expect(s.fake.requests.map((r) => r.path)).toEqual(['/v1/moderations']);
    expect(await s.db.aiChatSession.count({ where: { userId: u.id } })).toBe(0);
  });

  it('during an open exam attempt: hints only, and the answer key is in no prompt the provider receives', async () => {
    const u = await student();
    const quiz = await s.db.quiz.create({
      data: { programId: program.id, title: 'Scopes exam', status: 'published', durationMinutes: 30, passingScore: 50 },
    });
    const question = await s.db.question.create({
      data: {
        quizId: quiz.id,
        programId: program.id,
        text: 'Which keyword declares a block-scoped binding in this course?',
        type: 'multiple_choice',
        options: ['zorblet', 'var', 'function'],
        correctAnswers: ['zorblet'],
        explanation: 'The course calls the block-scoped keyword by its own name.',
        points: 1,
        position: 0,
      },
    });
    await s.db.quizAttempt.create({
      data: {
        userId: u.id,
        quizId: quiz.id,
        status: 'in_progress',
        startedAt: s.clock.now(),
        expiresAt: new Date(s.clock.now().getTime() + 30 * 60_000),
        questionOrder: [question.id],
      },
    });
    await u.caller.ai.chat({
      message: 'Which keyword declares a block-scoped binding? Is it zorblet?',
      programId: program.id,
    });
    const call = s.fake.modelCalls()[0]!;
    const everything = JSON.stringify(call.body);
    expect(everything.toLowerCase()).not.toContain('zorblet');
    expect(everything).not.toContain('The course calls the block-scoped keyword by its own name.');
    expect(s.fake.promptText(call)).toContain(HINTS_ONLY_MARKER);
    // The passage itself still came, with the answer cut out.
    expect(s.fake.promptText(call)).toContain('declares a block-scoped binding is [hidden during your exam]');
  });
});

describe('sessions', () => {
  it('lists, reads and deletes the owner’s sessions; another user gets 404 everywhere', async () => {
    const owner = await student();
    const other = await student();
    const first = await owner.caller.ai.chat({
      message: 'Explain closures with an everyday analogy, please',
      programId: program.id,
    });
    await owner.caller.ai.chat({ message: 'And a code example?', sessionId: first.sessionId });

    const { sessions, pagination } = await owner.caller.ai.sessions({ page: 1, limit: 20 });
    expect(pagination.total).toBe(1);
    expect(sessions[0]).toMatchObject({
      id: first.sessionId,
      title: 'Explain closures with an everyday analogy, please',
      programId: program.id,
      messageCount: 4,
    });
    const { session } = await owner.caller.ai.session({ sessionId: first.sessionId });
    expect(session.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    // The second turn kept the session's program and saw the first turn.
    expect(s.fake.promptText(s.fake.modelCalls().at(-1)!)).toContain('Explain closures with an everyday analogy');

    expect(await outcome(other.caller.ai.session({ sessionId: first.sessionId }))).toBe('NOT_FOUND');
    expect(await outcome(other.caller.ai.deleteSession({ sessionId: first.sessionId }))).toBe('NOT_FOUND');
    expect(await outcome(other.caller.ai.chat({ message: 'hijack', sessionId: first.sessionId }))).toBe('NOT_FOUND');
    expect((await other.caller.ai.sessions({ page: 1, limit: 20 })).sessions).toEqual([]);

    const rest = await s.rest<{ success: boolean; session: { id: string } }>({
      url: `/api/ai/chat/sessions/${first.sessionId}`,
      headers: s.bearer(owner.token),
    });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ success: true, session: { id: first.sessionId } });
    const del = await s.rest({
      method: 'DELETE',
      url: `/api/ai/chat/sessions/${first.sessionId}`,
      headers: s.bearer(owner.token),
    });
    expect(del.status).toBe(200);
    expect(await outcome(owner.caller.ai.session({ sessionId: first.sessionId }))).toBe('NOT_FOUND');
    expect(await s.db.aiMessage.count({ where: { sessionId: first.sessionId } })).toBe(0);
  });

  it('needs a signed-in user on every tutor procedure', async () => {
    for (const url of ['/api/ai/chat/sessions', '/api/ai/usage']) {
      expect((await s.rest({ url })).status).toBe(401);
    }
    expect((await s.rest({ method: 'POST', url: '/api/ai/chat', payload: { message: 'hi' } })).status).toBe(401);
  });
});
