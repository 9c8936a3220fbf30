// The fake OpenAI / Mistral server, driven by the REAL `@ai-sdk/openai` and `@ai-sdk/mistral`
// providers through `ai`'s streamText / generateText over HTTP: no SDK mocks.
import { createMistral } from '@ai-sdk/mistral';
import { createOpenAI } from '@ai-sdk/openai';
import {
  APICallError,
  TypeValidationError,
  generateText,
  Output,
  streamText,
  type LanguageModel,
  type TextStreamPart,
  type ToolSet,
} from 'ai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEFAULT_FAKE_REPLY,
  MID_STREAM_ERROR,
  splitIntoChunks,
  startFakeAiServer,
  type FakeAiServer,
} from './fake-provider';

let fake: FakeAiServer;
let openai: ReturnType<typeof createOpenAI>;
let mistral: ReturnType<typeof createMistral>;

beforeAll(async () => {
  fake = await startFakeAiServer();
  openai = createOpenAI({ baseURL: fake.baseUrl, apiKey: 'sk-test-openai' });
  mistral = createMistral({ baseURL: fake.baseUrl, apiKey: 'test-mistral-key' });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function gate() {
  let release!: () => void;
  const until = new Promise<void>((resolve) => (release = resolve));
  return { until, release };
}

/** Reads a streamText result to its end: the text deltas, the error parts and the finish reason. */
async function drain(result: { fullStream: AsyncIterable<TextStreamPart<ToolSet>> }) {
  const deltas: string[] = [];
  const errors: unknown[] = [];
  let finishReason: string | undefined;
  for await (const part of result.fullStream) {
    if (part.type === 'text-delta') deltas.push(part.text);
    else if (part.type === 'error') errors.push(part.error);
    else if (part.type === 'finish') finishReason = part.finishReason;
  }
  return { deltas, errors, finishReason, text: deltas.join('') };
}

/** streamText logs stream errors to the console unless given an onError. */
const quiet = { onError: () => undefined };

// Not always an Error: the OpenAI Responses provider reports a mid-stream error as a plain object
// { message, type, code, statusCode, isRetryable, data }.
const messageOf = (e: unknown) => (isMessage(e) ? e.message : JSON.stringify(e));
const isMessage = (e: unknown): e is { message: string } =>
  typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';

const models: { name: string; path: string; api: string; model: () => LanguageModel; errorFinishReason: string }[] = [
  {
    name: 'OpenAI Responses',
    path: '/v1/responses',
    api: 'responses',
    model: () => openai('gpt-4o-mini'),
    errorFinishReason: 'error',
  },
  {
    name: 'OpenAI Chat Completions',
    path: '/v1/chat/completions',
    api: 'chat.openai',
    model: () => openai.chat('gpt-4o-mini'),
    errorFinishReason: 'error',
  },
  // The Mistral provider has no 'error' finish reason: a stream that broke finishes with 'other'.
  {
    name: 'Mistral',
    path: '/v1/chat/completions',
    api: 'chat.mistral',
    model: () => mistral('mistral-small-latest'),
    errorFinishReason: 'other',
  },
];

describe('splitIntoChunks', () => {
  it('splits into words that keep their spaces and join back to the text', () => {
    expect(splitIntoChunks('  Hello  big world ')).toEqual(['  Hello  ', 'big ', 'world ']);
    expect(splitIntoChunks('one')).toEqual(['one']);
    expect(splitIntoChunks('')).toEqual([]);
  });
});

describe.each(models)('$name through the real provider', ({ path, api, model, errorFinishReason }) => {
  it('streams the text in several deltas and reports the usage', async () => {
    fake.enqueue({ chunks: ['Closures ', 'capture ', 'variables.'], usage: { inputTokens: 12, outputTokens: 3 } });
    const result = streamText({ model: model(), system: 'You are a tutor.', prompt: 'What is a closure?' });
    const { deltas, errors, finishReason } = await drain(result);
    expect(errors).toEqual([]);
    expect(deltas).toEqual(['Closures ', 'capture ', 'variables.']);
    expect(finishReason).toBe('stop');
    const usage = await result.usage;
    expect(usage.inputTokens).toBe(12);
    expect(usage.outputTokens).toBe(3);
    expect(usage.totalTokens).toBe(15);
    const [call] = fake.modelCalls();
    expect(call?.path).toBe(path);
    expect(call?.api).toBe(api);
    expect((call?.body as { stream?: boolean }).stream).toBe(true);
    expect(call?.state).toBe('completed');
    expect(call?.chunksSent).toBe(3);
  });

  it('defaults: the text split into words, input = words of the prompt, output = chunks', async () => {
    fake.enqueue({ text: 'A function with its scope.' });
    const result = streamText({ model: model(), system: 'Be brief.', prompt: 'Define a closure please' });
    const { deltas } = await drain(result);
    expect(deltas).toEqual(['A ', 'function ', 'with ', 'its ', 'scope.']);
    const usage = await result.usage;
    expect(usage.inputTokens).toBe(6); // "Be brief." + "Define a closure please"
    expect(usage.outputTokens).toBe(5);
  });

  it('answers generateText (non-streaming) with the text and usage', async () => {
    fake.enqueue({ text: 'Recursion is a function calling itself.', usage: { inputTokens: 9, outputTokens: 7 } });
    const result = await generateText({ model: model(), prompt: 'What is recursion?' });
    expect(result.text).toBe('Recursion is a function calling itself.');
    expect(result.usage.inputTokens).toBe(9);
    expect(result.usage.outputTokens).toBe(7);
    expect(result.finishReason).toBe('stop');
    expect((fake.modelCalls()[0]?.body as { stream?: boolean }).stream).not.toBe(true);
  });

  it('delivers tokens incrementally: the first delta arrives while the last chunk is held', async () => {
    const g = gate();
    fake.enqueue({ chunks: ['one ', 'two ', 'three'], holdBefore: { index: 2, until: g.until } });
    const result = streamText({ model: model(), prompt: 'Count to three' });
    const reader = result.textStream[Symbol.asyncIterator]();
    const first = await reader.next(); // would never arrive if the fake (or the SDK) buffered the stream
    expect(first.value).toBe('one ');
    const [call] = fake.modelCalls();
    expect(call?.chunksSent).toBe(2);
    expect(call?.state).toBe('streaming');
    expect(fake.inFlight()).toBe(1);
    g.release();
    const rest: string[] = [];
    for (let r = await reader.next(); !r.done; r = await reader.next()) rest.push(r.value);
    expect(['one ', ...rest].join('')).toBe('one two three');
    expect(fake.inFlight()).toBe(0);
    expect(call?.state).toBe('completed');
  });

  it('reports an error in the stream when the provider breaks it after the first deltas', async () => {
    fake.enqueue({ chunks: ['Part ', 'one, ', 'part ', 'two.'], failAfter: 2 });
    const onErrorCalls: unknown[] = [];
    const result = streamText({
      model: model(),
      prompt: 'Explain',
      maxRetries: 0,
      onError: ({ error }) => void onErrorCalls.push(error),
    });
    const { deltas, errors, finishReason } = await drain(result);
    expect(deltas).toEqual(['Part ', 'one, ']);
    expect(errors).toHaveLength(1);
    expect(messageOf(errors[0])).toContain(MID_STREAM_ERROR);
    expect(onErrorCalls).toEqual(errors);
    expect(finishReason).toBe(errorFinishReason);
    expect(await result.text).toBe('Part one, ');
    expect(fake.modelCalls()[0]?.state).toBe('failed');
  });

  it('a socket destroyed mid-stream makes the stream throw (no error part, no onError)', async () => {
    fake.enqueue({ chunks: ['a ', 'b ', 'c'], failAfter: 2, failMode: 'disconnect' });
    const onErrorCalls: unknown[] = [];
    const result = streamText({
      model: model(),
      prompt: 'x',
      maxRetries: 0,
      onError: ({ error }) => void onErrorCalls.push(error),
    });
    const deltas: string[] = [];
    const thrown = await (async () => {
      for await (const part of result.fullStream) if (part.type === 'text-delta') deltas.push(part.text);
    })().catch((e: unknown) => e);
    expect(deltas).toEqual(['a ', 'b ']);
    expect(APICallError.isInstance(thrown)).toBe(true);
    expect(String((thrown as APICallError).cause)).toContain('terminated');
    expect(onErrorCalls).toEqual([]);
    await expect(result.text).rejects.toThrow();
  });

  it('answers an HTTP error status in the provider format: an APICallError with its message', async () => {
    fake.enqueue({ status: 500, errorMessage: 'Fake outage' });
    const err = await generateText({ model: model(), prompt: 'Hi', maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(err)).toBe(true);
    const apiErr = err as APICallError;
    expect(apiErr.statusCode).toBe(500);
    expect(apiErr.message).toBe('Fake outage');
    expect(apiErr.isRetryable).toBe(true);
    expect(fake.modelCalls()).toHaveLength(1);
  });

  it('gets a parsed object from structured output (Output.object) on an enqueued JSON text', async () => {
    const schema = z.object({ question: z.string(), options: z.array(z.string()), answer: z.number() });
    const quiz = { question: 'What is 2 + 2?', options: ['3', '4'], answer: 1 };
    fake.enqueue({ text: JSON.stringify(quiz) });
    const result = await generateText({ model: model(), output: Output.object({ schema }), prompt: 'One question' });
    expect(result.output).toEqual(quiz);
    const body = fake.modelCalls()[0]?.body as Record<string, { format?: { type: string }; type?: string }>;
    // The providers ask for JSON schema output: Responses in text.format, Chat Completions in response_format.
    const format = path === '/v1/responses' ? body.text?.format?.type : body.response_format?.type;
    expect(format).toBe('json_schema');
  });

  it('records the whole prompt: system, user and assistant messages', async () => {
    fake.enqueue({ text: 'ok' });
    await generateText({
      model: model(),
      system: 'SYSTEM: course Intro to JS',
      messages: [
        { role: 'user', content: 'first question about loops' },
        { role: 'assistant', content: 'an earlier answer' },
        { role: 'user', content: [{ type: 'text', text: 'follow-up about arrays' }] },
      ],
    });
    const text = fake.promptText(fake.modelCalls()[0]!);
    for (const part of [
      'SYSTEM: course Intro to JS',
      'first question about loops',
      'an earlier answer',
      'follow-up about arrays',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('the answer key');
  });
});

describe('errors and retries through the real providers', () => {
  it('Responses: the error event carries its message to onError, and the call finishes with "error"', async () => {
    fake.enqueue({ chunks: ['a ', 'b ', 'c'], failAfter: 1 });
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: 'x', maxRetries: 0, ...quiet });
    const { deltas, errors, finishReason } = await drain(result);
    expect(deltas).toEqual(['a ']);
    expect(errors).toHaveLength(1); // the `error` event; the `response.failed` after it is not reported twice
    expect(errors[0]).not.toBeInstanceOf(Error); // a plain object, not an Error
    expect(errors[0]).toMatchObject({ message: MID_STREAM_ERROR, code: 'server_error', isRetryable: true });
    expect(finishReason).toBe('error');
  });

  it('Chat Completions: the in-stream error object is reported with its message', async () => {
    fake.enqueue({ chunks: ['a ', 'b ', 'c'], failAfter: 2, errorMessage: 'Upstream overloaded' });
    const { errors } = await drain(
      streamText({ model: openai.chat('gpt-4o-mini'), prompt: 'x', maxRetries: 0, ...quiet }),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 'Upstream overloaded', type: 'server_error' });
  });

  it('Mistral: its in-stream error object is reported as a TypeValidationError quoting it', async () => {
    fake.enqueue({ chunks: ['a ', 'b ', 'c'], failAfter: 2, errorMessage: 'Upstream overloaded' });
    const { errors } = await drain(
      streamText({ model: mistral('mistral-small-latest'), prompt: 'x', maxRetries: 0, ...quiet }),
    );
    expect(errors).toHaveLength(1);
    expect(TypeValidationError.isInstance(errors[0])).toBe(true);
    expect(messageOf(errors[0])).toContain('Upstream overloaded');
  });

  it('a Responses stream that fails before any output is an APICallError, retried by the SDK', async () => {
    const failing = { text: 'never sent', failAfter: 0, retryAfterMs: 0 };
    fake.enqueue(failing, failing, { text: 'third time lucky' });
    const { text, errors } = await drain(streamText({ model: openai('gpt-4o-mini'), prompt: 'x', ...quiet }));
    // Two failed attempts (each an APICallError the SDK retries at once, per retry-after-ms), then the answer.
    expect(errors).toEqual([]);
    expect(text).toBe('third time lucky');
    expect(fake.modelCalls().map((c) => c.state)).toEqual(['failed', 'failed', 'completed']);

    fake.reset();
    fake.enqueue(failing);
    const onlyTry = streamText({ model: openai('gpt-4o-mini'), prompt: 'x', maxRetries: 0, ...quiet });
    // streamText reports the call's APICallError as the stream's error part; `text` then rejects.
    const { errors: onlyTryErrors } = await drain(onlyTry);
    expect(onlyTryErrors).toHaveLength(1);
    expect(APICallError.isInstance(onlyTryErrors[0])).toBe(true);
    expect((onlyTryErrors[0] as APICallError).message).toBe(MID_STREAM_ERROR);
    await expect(onlyTry.text).rejects.toThrow('No output generated');
    expect(fake.modelCalls()).toHaveLength(1);
  });

  it("Mistral: an error status answers in Mistral's format, and retry-after-ms makes the retry immediate", async () => {
    fake.enqueue({ status: 429, retryAfterMs: 0 }, { text: 'after the retry' });
    const result = await generateText({ model: mistral('mistral-small-latest'), prompt: 'Hi' });
    expect(result.text).toBe('after the retry');
    expect(fake.modelCalls()).toHaveLength(2);

    fake.enqueue({ status: 429 });
    const err = await generateText({ model: mistral('mistral-small-latest'), prompt: 'Hi', maxRetries: 0 }).catch(
      (e: unknown) => e,
    );
    expect(APICallError.isInstance(err)).toBe(true);
    expect((err as APICallError).statusCode).toBe(429);
    expect((err as APICallError).message).toBe('Requests rate limit exceeded');
    expect(JSON.parse((err as APICallError).responseBody ?? '{}')).toMatchObject({ object: 'error', code: '1300' });
  });

  it('toUIMessageStream: an in-stream error becomes an error chunk; a dropped socket errors the stream', async () => {
    const uiChunks = async (failMode: 'event' | 'disconnect') => {
      fake.enqueue({ chunks: ['a ', 'b ', 'c'], failAfter: 2, failMode });
      const result = streamText({ model: openai('gpt-4o-mini'), prompt: 'x', maxRetries: 0, ...quiet });
      const seen: string[] = [];
      try {
        for await (const chunk of result.toUIMessageStream({ onError: (e) => `relayed: ${messageOf(e)}` })) {
          seen.push(chunk.type === 'error' ? `error(${chunk.errorText})` : chunk.type);
        }
      } catch (e) {
        seen.push(`thrown(${messageOf(e)})`);
      }
      return seen;
    };
    const event = await uiChunks('event');
    expect(event).toContain(`error(relayed: ${MID_STREAM_ERROR})`);
    expect(event.at(-1)).toBe('finish');
    const dropped = await uiChunks('disconnect');
    expect(dropped.filter((c) => c === 'text-delta')).toHaveLength(2);
    expect(dropped.at(-1)).toBe('thrown(Failed to process successful response)');
  });

  it('a non-streaming call with failAfter loses its connection: an APICallError', async () => {
    fake.enqueue({ text: 'never sent', failAfter: 0 });
    const err = await generateText({ model: openai('gpt-4o-mini'), prompt: 'Hi', maxRetries: 0 }).catch(
      (e: unknown) => e,
    );
    expect(APICallError.isInstance(err)).toBe(true);
    expect((err as APICallError).statusCode).toBeUndefined();
    expect(fake.modelCalls()[0]?.state).toBe('failed');
  });

  it('a missing API key is a 401 in the provider format', async () => {
    const noKey = createOpenAI({ baseURL: fake.baseUrl, apiKey: '' });
    const err = await generateText({ model: noKey('gpt-4o-mini'), prompt: 'Hi', maxRetries: 0 }).catch(
      (e: unknown) => e,
    );
    expect(APICallError.isInstance(err)).toBe(true);
    expect((err as APICallError).statusCode).toBe(401);
    expect((err as APICallError).message).toContain("didn't provide an API key");

    const res = await fetch(`${fake.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mistral-small-latest', messages: [] }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ object: 'error', message: 'Unauthorized' });
  });
});

describe('the fake itself', () => {
  const post = (path: string, body: unknown, auth = 'Bearer k') =>
    fetch(`${fake.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify(body),
    });

  it('emits the Responses API event sequence', async () => {
    fake.enqueue({ chunks: ['Hi', ' there'], usage: { inputTokens: 2, outputTokens: 2 } });
    const res = await post('/responses', { model: 'gpt-4o-mini', input: 'hello', stream: true });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const raw = await res.text();
    const events = [...raw.matchAll(/^event: (.+)$/gm)].map((m) => m[1]);
    expect(events).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const datas = [...raw.matchAll(/^data: (.+)$/gm)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
    expect(datas.map((d) => d.sequence_number)).toEqual(events.map((_, i) => i));
    expect(datas.at(-1)).toMatchObject({
      type: 'response.completed',
      response: { status: 'completed', usage: { input_tokens: 2, output_tokens: 2, total_tokens: 4 } },
    });
    expect(datas[6]).toMatchObject({ type: 'response.output_text.done', text: 'Hi there' });
  });

  it("ends a Chat Completions stream with data: [DONE], usage in OpenAI's or Mistral's place", async () => {
    fake.enqueue({ text: 'Hi' }, { text: 'Hi' });
    const openaiRaw = await (
      await post('/chat/completions', {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
        stream_options: { include_usage: true },
      })
    ).text();
    const mistralRaw = await (
      await post('/chat/completions', {
        model: 'mistral-small-latest',
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
      })
    ).text();
    for (const raw of [openaiRaw, mistralRaw]) expect(raw.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const parse = (raw: string) =>
      [...raw.matchAll(/^data: (\{.+)$/gm)].map((m) => JSON.parse(m[1]!) as { choices: unknown[]; usage?: unknown });
    const o = parse(openaiRaw);
    expect(o.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 1 } });
    expect(o.at(-2)).toMatchObject({ choices: [{ finish_reason: 'stop' }], usage: null });
    const m = parse(mistralRaw);
    expect(m.at(-1)).toMatchObject({
      choices: [{ finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, total_tokens: 2 },
    });
  });

  it("moderation: flags inputs with a flagged term, in OpenAI's and Mistral's shapes", async () => {
    fake.setFlaggedTerms(['Forbidden Word']);
    const flagged = (await (
      await post('/moderations', { model: 'omni-moderation-latest', input: 'this has a forbidden word in it' })
    ).json()) as { id: string; model: string; results: { flagged: boolean; categories: Record<string, boolean> }[] };
    expect(flagged.model).toBe('omni-moderation-latest');
    expect(flagged.results).toHaveLength(1);
    expect(flagged.results[0]?.flagged).toBe(true);
    expect(flagged.results[0]?.categories.violence).toBe(true); // OpenAI
    expect(flagged.results[0]?.categories.violence_and_threats).toBe(true); // Mistral

    const clean = (await (await post('/moderations', { input: ['a harmless question', 'forbidden word'] })).json()) as {
      results: { flagged: boolean; categories: Record<string, boolean> }[];
    };
    expect(clean.results.map((r) => r.flagged)).toEqual([false, true]);
    expect(Object.values(clean.results[0]!.categories).some(Boolean)).toBe(false);

    const chat = (await (
      await post('/chat/moderations', {
        model: 'mistral-moderation-latest',
        input: [
          { role: 'user', content: 'hello' },
          { role: 'assistant', content: 'FORBIDDEN WORD here' },
        ],
      })
    ).json()) as { results: Record<string, unknown>[] };
    expect(chat.results).toHaveLength(1);
    expect(chat.results[0]).toMatchObject({ categories: { violence_and_threats: true, sexual: false } });
    expect(chat.results[0]).not.toHaveProperty('flagged');

    fake.reset();
    const afterReset = (await (await post('/moderations', { input: 'forbidden word' })).json()) as {
      results: { flagged: boolean }[];
    };
    expect(afterReset.results[0]?.flagged).toBe(false);
  });

  it("answers 404 on unknown paths and 401 without a bearer key, in OpenAI's format", async () => {
    const notFound = await post('/completions/nope', {});
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ error: { message: 'Invalid URL (POST /v1/completions/nope)' } });
    const noKey = await post('/moderations', { input: 'x' }, '');
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    expect(fake.modelCalls()).toHaveLength(0);
    expect(fake.requests).toHaveLength(2);
  });

  it('serves the queue FIFO, then the default reply; reset keeps the default reply', async () => {
    fake.setDefaultReply({ text: 'default answer' });
    fake.enqueue({ text: 'first' }, { text: 'second' });
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push((await generateText({ model: openai('gpt-4o-mini'), prompt: 'q' })).text);
    expect(texts).toEqual(['first', 'second', 'default answer']);
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    expect((await generateText({ model: openai('gpt-4o-mini'), prompt: 'q' })).text).toBe('default answer');
    fake.setDefaultReply(DEFAULT_FAKE_REPLY);
  });

  it('counts held streams in flight, and a client that leaves is no longer in flight', async () => {
    const g = gate();
    fake.enqueue(
      { chunks: ['a ', 'b'], holdBefore: { index: 1, until: g.until } },
      { chunks: ['c ', 'd'], holdBefore: { index: 1, until: g.until } },
    );
    const abort = new AbortController();
    const kept = streamText({ model: openai('gpt-4o-mini'), prompt: 'one' });
    const keptReader = kept.textStream[Symbol.asyncIterator]();
    expect((await keptReader.next()).value).toBe('a ');
    const left = streamText({
      model: mistral('mistral-small-latest'),
      prompt: 'two',
      abortSignal: abort.signal,
      ...quiet,
    });
    const leftReader = left.textStream[Symbol.asyncIterator]();
    expect((await leftReader.next()).value).toBe('c ');
    expect(fake.inFlight()).toBe(2);
    abort.abort();
    await leftReader.next().catch(() => undefined);
    const leftCall = fake.modelCalls()[1]!;
    await expect.poll(() => leftCall.state).toBe('aborted');
    expect(fake.inFlight()).toBe(1);
    g.release();
    expect((await keptReader.next()).value).toBe('b');
    await kept.consumeStream();
    expect(fake.inFlight()).toBe(0);
  });

  it('delayMs spaces the chunks out, still one delta per chunk', async () => {
    fake.enqueue({ chunks: ['slow ', 'and ', 'steady'], delayMs: 20 });
    const { deltas } = await drain(streamText({ model: mistral('mistral-small-latest'), prompt: 'x' }));
    expect(deltas).toEqual(['slow ', 'and ', 'steady']);
  });

  it('a non-streaming call with holdBefore waits for the gate and counts in flight meanwhile', async () => {
    const g = gate();
    fake.enqueue({ text: 'held answer', holdBefore: { index: 0, until: g.until } });
    const pending = generateText({ model: openai.chat('gpt-4o-mini'), prompt: 'x' });
    const [call] = await fake.waitForModelCalls(1);
    await expect.poll(() => fake.inFlight()).toBe(1);
    expect(call?.state).toBe('streaming');
    g.release();
    expect((await pending).text).toBe('held answer');
    expect(fake.inFlight()).toBe(0);
    expect(call?.state).toBe('completed');
  });

  it('waitForModelCalls resolves once that many calls arrived', async () => {
    const waiting = fake.waitForModelCalls(2);
    let resolved = false;
    void waiting.then(() => (resolved = true));
    await generateText({ model: openai('gpt-4o-mini'), prompt: 'q1' });
    await Promise.resolve();
    expect(resolved).toBe(false);
    await generateText({ model: openai.chat('gpt-4o-mini'), prompt: 'q2' });
    const calls = await waiting;
    expect(calls.map((c) => c.api)).toEqual(['responses', 'chat.openai']);
  });

  it('close() does not wait for a stream held open', async () => {
    const other = await startFakeAiServer();
    other.enqueue({ chunks: ['a ', 'b'], holdBefore: { index: 1, until: new Promise(() => undefined) } });
    const model = createOpenAI({ baseURL: other.baseUrl, apiKey: 'k' })('gpt-4o-mini');
    const result = streamText({ model, prompt: 'x', maxRetries: 0, ...quiet });
    const reader = result.textStream[Symbol.asyncIterator]();
    expect((await reader.next()).value).toBe('a ');
    await other.close(); // would hang (test timeout) if the streaming connection kept the server open
    await reader.next().catch(() => undefined);
    expect(other.inFlight()).toBe(0);
  });
});
