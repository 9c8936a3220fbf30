// The tutor's streamed answer over real HTTP, through the real @ai-sdk/openai provider against a
// fake of OpenAI's Responses API: tokens reach the client as the provider sends them, the answer is
// saved once even when the client leaves, and it cites the lesson passages it was given.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enrollDirectly, makeProgram, makeUser } from '../../testing/learning-fixtures';
import { gate, postStream, readParts, settledAnswer, startAiServer, textOf, type AiTestServer } from './ai-testing';

let s: AiTestServer;
let program: Awaited<ReturnType<typeof makeProgram>>;
let owner: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  s = await startAiServer();
  owner = await makeUser(s, 'instructor');
  program = await makeProgram(s, { ownerId: owner.id, prices: 'free' });
  await s.db.lesson.update({
    where: { id: program.lessonIds[1]! },
    data: {
      title: 'Hooks in depth',
      content:
        '<h2>State hooks</h2><p>The useState hook returns the current state and a function that updates it. ' +
        'Calling the updater schedules a new render of the component.</p><p>Effects run after the browser paints.</p>',
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

describe('POST /api/ai/chat/stream', () => {
  it('streams the tokens as the provider sends them, with metadata and citations, and saves the answer', async () => {
    const u = await student();
    const last = gate();
    const chunks = ['The ', 'useState ', 'hook ', 'returns the state [1].'];
    s.fake.enqueue({
      chunks,
      holdBefore: { index: 3, until: last.opened },
      usage: { inputTokens: 321, outputTokens: 4 },
    });

    const res = await postStream(s, u.token, {
      // What useChat sends: the messages so far; only the last user message is read.
      id: 'chat-1',
      messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'How does the useState hook work?' }] }],
      programId: program.id,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');

    let sentWhenFirstArrived = -1;
    const parts = await readParts(res, (p) => {
      if (p.type === 'text-delta' && sentWhenFirstArrived < 0) {
        // The provider has not sent its last chunk yet: the relay does not buffer.
        sentWhenFirstArrived = s.fake.modelCalls()[0]!.chunksSent ?? -1;
        last.open();
      }
    });
    expect(sentWhenFirstArrived).toBeGreaterThan(0);
    expect(sentWhenFirstArrived).toBeLessThan(chunks.length);
    expect(textOf(parts)).toBe(chunks.join(''));

    const start = parts.find((p) => p.type === 'start')!;
    const meta = start.messageMetadata as { sessionId: string; messageId: string; model: string; offline: boolean };
    expect(meta).toMatchObject({ model: 'gpt-test', cached: false, offline: false });
    expect(start.messageId).toBe(meta.messageId);
    const citations = parts.find((p) => p.type === 'data-citations')!.data as { citations: { lessonTitle: string }[] };
    expect(citations.citations.map((c) => c.lessonTitle)).toContain('Hooks in depth');
    const finish = parts.find((p) => p.type === 'finish')!;
    expect(finish.messageMetadata).toMatchObject({ usage: { inputTokens: 321, outputTokens: 4 } });

    const saved = await settledAnswer(s, meta.messageId);
    expect(saved).toMatchObject({ status: 'complete', content: chunks.join(''), tokens: 4, inputTokens: 321 });
    const messages = await s.db.aiMessage.findMany({
      where: { sessionId: meta.sessionId },
      orderBy: { createdAt: 'asc' },
    });
    expect(messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'How does the useState hook work?'],
      ['assistant', chunks.join('')],
    ]);
    const usage = await s.db.aiUsage.findFirstOrThrow({ where: { userId: u.id } });
    expect(usage).toMatchObject({ messages: 1, inputTokens: 321, outputTokens: 4 });

    // The prompt had the course: the lesson passage, the program, and the rule to cite.
    const prompt = s.fake.promptText(s.fake.modelCalls()[0]!);
    expect(prompt).toContain('useState hook returns the current state');
    expect(prompt).toContain(program.title);
    expect(prompt).toContain('How does the useState hook work?');
  });

  it('finishes and saves the answer once when the client disconnects after the first chunk', async () => {
    const u = await student();
    const rest = gate();
    const chunks = ['Effects ', 'run ', 'after ', 'the ', 'paint.'];
    s.fake.enqueue({ chunks, holdBefore: { index: 1, until: rest.opened } });

    const abort = new AbortController();
    const res = await postStream(s, u.token, { message: 'When do effects run?', programId: program.id }, abort.signal);
    let messageId = '';
    await readParts(res, (p) => {
      if (p.type === 'start') messageId = (p.messageMetadata as { messageId: string }).messageId;
      if (p.type === 'text-delta') return false; // stop reading: the reader is cancelled
    }).catch(() => {});
    abort.abort();
    rest.open();

    const saved = await settledAnswer(s, messageId);
    expect(saved.status).toBe('complete');
    expect(saved.content).toBe(chunks.join(''));
    const answers = await s.db.aiMessage.count({ where: { sessionId: saved.sessionId, role: 'assistant' } });
    expect(answers).toBe(1);
    expect((await s.db.aiUsage.findFirstOrThrow({ where: { userId: u.id } })).messages).toBe(1);
  });

  it('shows an answer still being written as streaming with its text so far (a reload mid-answer)', async () => {
    const u = await student();
    const rest = gate();
    s.fake.enqueue({ chunks: ['Part one. ', 'Part two.'], holdBefore: { index: 1, until: rest.opened } });
    const res = await postStream(s, u.token, { message: 'Tell me in two parts', programId: program.id });
    let meta = { sessionId: '', messageId: '' };
    const reading = readParts(res, (p) => {
      if (p.type === 'start') meta = p.messageMetadata as typeof meta;
    });
    await s.fake.waitForModelCalls(1);
    // The first chunk is written into the row shortly after it arrives.
    let seen: { status: string; content: string } | undefined;
    for (let i = 0; i < 200 && seen?.content !== 'Part one. '; i++) {
      await new Promise((r) => setTimeout(r, 25));
      if (!meta.sessionId) continue;
      const { session } = await u.caller.ai.session({ sessionId: meta.sessionId });
      seen = session.messages.find((m) => m.role === 'assistant');
    }
    expect(seen).toMatchObject({ status: 'streaming', content: 'Part one. ' });
    rest.open();
    await reading;
    const done = await settledAnswer(s, meta.messageId);
    expect(done).toMatchObject({ status: 'complete', content: 'Part one. Part two.' });
    const { session } = await u.caller.ai.session({ sessionId: meta.sessionId });
    expect(session.messages.find((m) => m.role === 'assistant')).toMatchObject({ model: 'gpt-test', offline: false });
  });

  it('reports a provider failure mid-stream clearly, keeps the question, and charges nothing', async () => {
    const u = await student();
    s.fake.enqueue({ chunks: ['Half ', 'an ', 'answer'], failAfter: 1 });
    const res = await postStream(s, u.token, { message: 'Explain closures', programId: program.id });
    expect(res.status).toBe(200);
    const parts = await readParts(res);
    const error = parts.find((p) => p.type === 'error');
    expect(error?.errorText).toMatch(/could not finish this answer.*nothing was counted/);
    const meta = parts.find((p) => p.type === 'start')!.messageMetadata as { messageId: string; sessionId: string };
    const saved = await settledAnswer(s, meta.messageId);
    expect(saved.status).toBe('failed');
    const question = await s.db.aiMessage.findFirstOrThrow({ where: { sessionId: meta.sessionId, role: 'user' } });
    expect(question.content).toBe('Explain closures');
    expect((await s.db.aiUsage.findFirst({ where: { userId: u.id } }))?.messages ?? 0).toBe(0);
  });

  it('"Try again" after a failed answer keeps the one question and replaces the failed answer', async () => {
    const u = await student();
    s.fake.enqueue({ chunks: ['Half ', 'an ', 'answer'], failAfter: 1 });
    const first = await readParts(await postStream(s, u.token, { message: 'Explain hoisting', programId: program.id }));
    const meta = first.find((p) => p.type === 'start')!.messageMetadata as { messageId: string; sessionId: string };
    expect((await settledAnswer(s, meta.messageId)).status).toBe('failed');

    s.fake.enqueue({ chunks: ['Declarations ', 'move ', 'up.'] });
    const again = await readParts(
      await postStream(s, u.token, { message: 'Explain hoisting', programId: program.id, sessionId: meta.sessionId }),
    );
    const retried = again.find((p) => p.type === 'start')!.messageMetadata as { messageId: string; sessionId: string };
    expect(retried.sessionId).toBe(meta.sessionId);
    expect((await settledAnswer(s, retried.messageId)).status).toBe('complete');
    const rows = await s.db.aiMessage.findMany({
      where: { sessionId: meta.sessionId },
      orderBy: { createdAt: 'asc' },
      select: { role: true, content: true, status: true },
    });
    expect(rows).toEqual([
      { role: 'user', content: 'Explain hoisting', status: 'complete' },
      { role: 'assistant', content: 'Declarations move up.', status: 'complete' },
    ]);
    // The model was asked the question once, not once from the history and once anew.
    const asked = JSON.stringify(s.fake.modelCalls()[1]!.body);
    expect(asked.split('Explain hoisting').length - 1).toBe(1);

    // The same question after a complete answer is a new question.
    s.fake.enqueue({ chunks: ['Again: ', 'declarations.'] });
    await readParts(
      await postStream(s, u.token, { message: 'Explain hoisting', programId: program.id, sessionId: meta.sessionId }),
    );
    expect(await s.db.aiMessage.count({ where: { sessionId: meta.sessionId, role: 'user' } })).toBe(2);
  });

  it('refuses before streaming: signed out 401, empty or oversized message 400, no access 402', async () => {
    const u = await student();
    const anon = await fetch(`${s.baseUrl}/api/ai/chat/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'hi' }),
    });
    expect(anon.status).toBe(401);

    const empty = await postStream(s, u.token, { messages: [{ role: 'user', parts: [{ type: 'text', text: '  ' }] }] });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ success: false, error: { code: 'BAD_REQUEST', message: /message/ } });

    const long = await postStream(s, u.token, { message: 'x'.repeat(4001) });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { message: string } }).error.message).toMatch(/at most 4000 characters/);

    const paid = await makeProgram(s, { ownerId: owner.id });
    const refused = await postStream(s, u.token, { message: 'hello', programId: paid.id });
    expect(refused.status).toBe(402);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Buy its AI chatbot/);
    expect(s.fake.modelCalls()).toHaveLength(0);
  });
});
