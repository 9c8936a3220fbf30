// The same tutor on Mistral (the real @ai-sdk/mistral provider against the fake's Chat Completions
// in Mistral's shape, and Mistral's moderation), and with no provider at all: the offline tutor
// answers from the course passages, cited and streamed, and says it is the offline tutor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollDirectly, makeProgram, makeUser } from '../../testing/learning-fixtures';
import { postStream, readParts, settledAnswer, startAiServer, textOf, type AiTestServer } from './ai-testing';

async function setUp(s: AiTestServer) {
  const owner = await makeUser(s, 'instructor');
  const program = await makeProgram(s, { ownerId: owner.id, prices: 'free' });
  await s.db.lesson.update({
    where: { id: program.lessonIds[2]! },
    data: {
      title: 'Promises',
      content:
        '<p>A promise represents a value that may arrive later. Chaining then() runs the next step when the promise settles.</p>' +
        '<p>Use catch() to handle a rejected promise.</p>',
    },
  });
  const u = await makeUser(s, 'student');
  await enrollDirectly(s, u.id, program.id);
  return { program, u };
}

describe('on Mistral', () => {
  let s: AiTestServer;
  beforeAll(async () => {
    s = await startAiServer({ provider: 'mistral' });
  });
  afterAll(() => s.close());

  it('streams through Chat Completions and moderates with Mistral’s endpoint', async () => {
    const { program, u } = await setUp(s);
    s.fake.enqueue({ chunks: ['A promise ', 'settles later [1].'], usage: { inputTokens: 50, outputTokens: 2 } });
    const res = await postStream(s, u.token, { message: 'What is a promise?', programId: program.id });
    const parts = await readParts(res);
    expect(textOf(parts)).toBe('A promise settles later [1].');
    const meta = parts.find((p) => p.type === 'start')!.messageMetadata as { messageId: string; model: string };
    expect(meta.model).toBe('mistral-test');
    expect(await settledAnswer(s, meta.messageId)).toMatchObject({ status: 'complete', tokens: 2, inputTokens: 50 });
    expect(s.fake.requests.map((r) => r.path)).toEqual(['/v1/moderations', '/v1/chat/completions']);
    expect(s.fake.modelCalls()[0]!.api).toBe('chat.mistral');

    s.fake.setFlaggedTerms(['threatening words']);
    const flagged = await postStream(s, u.token, { message: 'some threatening words here' });
    expect(flagged.status).toBe(422);
  });
});

describe('with no provider configured', () => {
  let s: AiTestServer;
  beforeAll(async () => {
    s = await startAiServer({ provider: 'offline' });
  });
  afterAll(() => s.close());

  it('the offline tutor streams an extractive, cited answer from the lessons and says what it is', async () => {
    const { program, u } = await setUp(s);
    const res = await postStream(s, u.token, { message: 'How do I handle a rejected promise?', programId: program.id });
    const parts = await readParts(res);
    const text = textOf(parts);
    expect(parts.filter((p) => p.type === 'text-delta').length).toBeGreaterThan(5);
    expect(text).toContain('Offline tutor');
    expect(text).toContain('Use catch() to handle a rejected promise. [1]');
    expect(text).toContain('[1] Promises');
    const meta = parts.find((p) => p.type === 'start')!.messageMetadata as {
      offline: boolean;
      messageId: string;
      sessionId: string;
    };
    expect(meta.offline).toBe(true);
    const citations = parts.find((p) => p.type === 'data-citations')!.data as { citations: { lessonTitle: string }[] };
    expect(citations.citations[0]!.lessonTitle).toBe('Promises');
    expect(await settledAnswer(s, meta.messageId)).toMatchObject({
      status: 'complete',
      content: text,
      model: 'offline-tutor',
    });
    // Read back later, the answer still says the offline tutor wrote it (the app shows the badge).
    const { session } = await u.caller.ai.session({ sessionId: meta.sessionId });
    expect(session.messages.map((m) => [m.role, m.model, m.offline])).toEqual([
      ['user', null, false],
      ['assistant', 'offline-tutor', true],
    ]);
    expect(s.fake.requests).toHaveLength(0);

    // Local moderation still applies.
    const flagged = await postStream(s, u.token, { message: 'how to make a bomb' });
    expect(flagged.status).toBe(422);
  });
});
