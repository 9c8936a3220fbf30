// A local stand-in for the OpenAI and Mistral HTTP APIs, for tests that drive the REAL
// `@ai-sdk/openai` and `@ai-sdk/mistral` providers (pass `baseUrl` as their `baseURL`):
//
//   POST /v1/responses          OpenAI Responses API: SSE (`stream: true`) with the real event
//                               sequence, or one JSON response. `createOpenAI(...)(model)`.
//   POST /v1/chat/completions   Chat Completions: SSE `data: {chunk}` lines then `data: [DONE]`, or
//                               JSON. `createOpenAI(...).chat(model)` and `createMistral(...)(model)`.
//                               The two providers expect different streams (see `chatStream`), so
//                               the fake tells them apart by the request (user agent / model name).
//   POST /v1/moderations        OpenAI's and Mistral's moderation in ONE answer: each result has
//                               OpenAI's `flagged` and both vendors' category keys (see `moderate`).
//   POST /v1/chat/moderations   Mistral's chat moderation, in Mistral's format.
//   anything else               404 with an OpenAI-style error body.
//
// A known route without `Authorization: Bearer <key>` answers 401 in the provider's error format.
// Replies are scripted per model call (`enqueue`, FIFO, else the default reply): text and chunks,
// a gate before a chunk (`holdBefore`), a delay, a failure mid-stream (`failAfter`), an HTTP error
// status, and the usage reported. Note that the AI SDK retries retryable errors (429, 5xx, and a
// stream that fails before its first output) up to `maxRetries` (default 2) times, each retry being
// a new model call that takes the next queued reply: tests of errors want `maxRetries: 0`, or
// `retryAfterMs: 0` on the reply to make retries immediate.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAiRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The request body parsed as JSON (`{}` when empty, the raw string when not JSON). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the agreed interface: tests read provider-specific fields freely
  body: any;
  /** Model calls only: which wire format answered it. */
  api?: 'responses' | 'chat.openai' | 'chat.mistral';
  /** Model calls only: the reply that answered it (after defaults). */
  reply?: FakeReply;
  /**
   * Model calls only, updated as it goes: `streaming` while the answer is being sent (also while a
   * non-streaming call waits on its gate), then `completed`, `failed` (failAfter or an error
   * status) or `aborted` (the client closed the connection before the end).
   */
  state?: 'streaming' | 'completed' | 'failed' | 'aborted';
  /** Model calls only: how many text chunks were written to the client so far. */
  chunksSent?: number;
}

export interface FakeReply {
  /** The answer text; streamed as `chunks` when given, else split into words (keeping spaces so chunks join to text). */
  text?: string;
  chunks?: string[];
  /**
   * Before sending chunk number `index` (0-based), wait for `until` to resolve (lets a test check
   * that earlier tokens already reached its client). An index ≥ the number of chunks holds the
   * end of the stream (after the last chunk). A non-streaming call waits for `until` before it
   * answers, whatever the index. A rejected `until` releases the gate too.
   */
  holdBefore?: { index: number; until: Promise<unknown> };
  /** Milliseconds between chunks (default 0). */
  delayMs?: number;
  /**
   * After sending this many chunks, break the stream (see `failMode`). In `event` mode the SDK
   * reports the error in the stream (an `error` part, `onError`), then finishes with finishReason
   * `error` and the partial text. A Responses stream with `failAfter: 0` fails before its output
   * item, which the OpenAI provider throws as an APICallError from the call, so the SDK retries it.
   * A non-streaming call with `failAfter` has its connection destroyed before any response.
   */
  failAfter?: number;
  /**
   * How `failAfter` breaks the stream. `event` (default): the provider's in-stream error: for the
   * Responses API an `error` event then a `response.failed` event, as OpenAI sends them; for Chat
   * Completions an error object as a `data:` line (OpenAI's `{ error: {...} }`, which the OpenAI
   * chat provider reports with its message; Mistral's `{ object: 'error', ... }`, which the Mistral
   * provider, having no schema for it, reports as a TypeValidationError quoting it). Then the
   * stream ends. `disconnect`: the socket is destroyed mid-stream (a network failure): the SDK does
   * NOT report that as an error part: iterating fullStream / textStream / toUIMessageStream()
   * throws an APICallError "Failed to process successful response" (cause: TypeError
   * "terminated"), onError and onFinish are not called, and `result.text` rejects.
   */
  failMode?: 'event' | 'disconnect';
  /** Answer with this HTTP status and an error body in the provider's format instead of a completion (e.g. 429, 500). */
  status?: number;
  /** The error's message, with `status` (default: the provider's usual one for it) or `failAfter` (default MID_STREAM_ERROR). */
  errorMessage?: string;
  /**
   * Send a `retry-after-ms` header with the error status or the stream: the AI SDK honours it for
   * its retries (0 = retry at once, instead of its 2 s, 4 s backoff), including the retry of a
   * Responses stream that fails before any output.
   */
  retryAfterMs?: number;
  /** Token usage reported at the end (default: input = rough count of the prompt's words, output = number of chunks). */
  usage?: { inputTokens: number; outputTokens: number };
}

export interface FakeAiServer {
  /** Base URL including /v1, e.g. http://127.0.0.1:PORT/v1: pass as `baseURL` to createOpenAI / createMistral. */
  baseUrl: string;
  /** Every request received, in order, body parsed as JSON. */
  requests: FakeAiRequest[];
  /** Requests that were model calls (/responses and /chat/completions). */
  modelCalls(): FakeAiRequest[];
  /**
   * All the text of a model call's prompt (system + messages/input, flattened), for assertions like
   * "the answer key is absent from every prompt". It covers `instructions`, `input`, `messages` and
   * `prompt` (every string in them but roles, types and ids), not tool definitions or the output
   * schema: for the strictest check, also search `JSON.stringify(req.body)`.
   */
  promptText(req: FakeAiRequest): string;
  /** Queue replies for the next model calls (FIFO); when the queue is empty, the default reply answers. */
  enqueue(...replies: FakeReply[]): void;
  setDefaultReply(reply: FakeReply): void;
  /** Moderation: an input containing any of these strings (case-insensitive) is flagged. */
  setFlaggedTerms(terms: string[]): void;
  /** Calls currently streaming (started, not finished). Non-streaming calls waiting on a gate count too. */
  inFlight(): number;
  /** Resolves once at least `count` model calls have been received (since the last reset). */
  waitForModelCalls(count: number): Promise<FakeAiRequest[]>;
  /** Clears requests (in place), the queue and the flagged terms; the default reply stays. */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_FAKE_REPLY: FakeReply = { text: 'This is a reply from the fake AI provider.' };

/** The message of the error a stream breaks with (`failAfter` in `event` mode). */
export const MID_STREAM_ERROR = 'The fake AI provider failed mid-stream.';

const MODEL_PATHS = new Set(['/v1/responses', '/v1/chat/completions']);
const KNOWN_PATHS = new Set([...MODEL_PATHS, '/v1/moderations', '/v1/chat/moderations']);

/** OpenAI omni-moderation's categories; a flagged input sets `violence`. */
export const OPENAI_MODERATION_CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const;
/** Mistral moderation's categories; a flagged input sets `violence_and_threats`. */
export const MISTRAL_MODERATION_CATEGORIES = [
  'sexual',
  'hate_and_discrimination',
  'violence_and_threats',
  'dangerous_and_criminal_content',
  'selfharm',
  'health',
  'financial',
  'law',
  'pii',
] as const;

type Flavour = 'openai' | 'mistral';

/** Splits text into words, each keeping the whitespace after it, so the chunks join to the text. */
export function splitIntoChunks(text: string): string[] {
  if (text === '') return [];
  return text.match(/\s*\S+\s*/g) ?? [text];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every string in a prompt structure, except the values of structural keys. */
function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectStrings(v, out);
  } else if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'role' || key === 'type' || key === 'id' || key === 'call_id' || key === 'tool_call_id') continue;
      collectStrings(v, out);
    }
  }
}

function promptTextOf(body: unknown): string {
  if (!isRecord(body)) return typeof body === 'string' ? body : '';
  const out: string[] = [];
  // Responses: `instructions` + `input`; Chat Completions: `messages`; moderation: `input`.
  for (const key of ['instructions', 'input', 'messages', 'prompt']) collectStrings(body[key], out);
  return out.join('\n');
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function flavourOf(headers: Record<string, string>, body: unknown): Flavour {
  const userAgent = headers['user-agent'] ?? '';
  if (userAgent.includes('ai-sdk/mistral')) return 'mistral';
  if (userAgent.includes('ai-sdk/openai')) return 'openai';
  const model = isRecord(body) && typeof body.model === 'string' ? body.model : '';
  return /stral|mixtral/i.test(model) ? 'mistral' : 'openai';
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

const OPENAI_ERRORS: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: {
    type: 'invalid_request_error',
    code: null,
    message:
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Forbidden.' },
  404: { type: 'invalid_request_error', code: null, message: 'Not found.' },
  429: {
    type: 'requests',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached for requests. Please try again later.',
  },
  500: {
    type: 'server_error',
    code: null,
    message: 'The server had an error while processing your request. Sorry about that!',
  },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
};

const MISTRAL_ERRORS: Record<number, { type: string; code: string; message: string }> = {
  400: { type: 'invalid_request_error', code: '3000', message: 'Invalid request.' },
  401: { type: 'unauthorized', code: '401', message: 'Unauthorized' },
  404: { type: 'invalid_request_error', code: '404', message: 'Not found.' },
  429: { type: 'rate_limited', code: '1300', message: 'Requests rate limit exceeded' },
  500: { type: 'internal_server_error', code: '3700', message: 'Internal server error' },
  503: { type: 'service_unavailable', code: '3505', message: 'Service unavailable.' },
};

/** An error body in the provider's format: OpenAI `{ error: {...} }`, Mistral `{ object: 'error', ... }`. */
function errorBody(flavour: Flavour, status: number, message?: string): unknown {
  if (flavour === 'mistral') {
    const known = MISTRAL_ERRORS[status] ?? { type: 'api_error', code: String(status), message: `Error ${status}` };
    return { object: 'error', message: message ?? known.message, type: known.type, param: null, code: known.code };
  }
  const known = OPENAI_ERRORS[status] ?? { type: 'api_error', code: null, message: `Error ${status}` };
  return { error: { message: message ?? known.message, type: known.type, param: null, code: known.code } };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One streaming (or held) model call: writes to the client unless it has gone away. */
class Call {
  closed = false;
  constructor(
    readonly req: FakeAiRequest,
    readonly res: ServerResponse,
  ) {
    res.on('close', () => {
      this.closed = true;
      if (this.req.state === 'streaming') this.req.state = 'aborted';
    });
  }
  startSse(): void {
    const retryAfterMs = this.req.reply?.retryAfterMs;
    this.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-request-id': `req_fake_${Math.random().toString(36).slice(2, 12)}`,
      ...(retryAfterMs !== undefined ? { 'retry-after-ms': String(retryAfterMs) } : {}),
    });
    this.res.flushHeaders();
  }
  /** Settles once the last write reached the kernel (so a disconnect does not discard it). */
  private flushed: Promise<void> = Promise.resolve();
  write(text: string): void {
    if (this.closed) return;
    this.flushed = new Promise((resolve) => this.res.write(text, () => resolve()));
  }
  finish(state: 'completed' | 'failed'): void {
    this.req.state = state;
    if (!this.closed) this.res.end();
  }
  /** Breaks the connection mid-response, after what was written so far reached the client. */
  async disconnect(): Promise<void> {
    this.req.state = 'failed';
    await this.flushed;
    this.res.socket?.destroy();
  }
}

interface Plan {
  chunks: string[];
  text: string;
  usage: { inputTokens: number; outputTokens: number };
  reply: FakeReply;
}

export async function startFakeAiServer(opts: { port?: number } = {}): Promise<FakeAiServer> {
  const requests: FakeAiRequest[] = [];
  const queue: FakeReply[] = [];
  let defaultReply: FakeReply = DEFAULT_FAKE_REPLY;
  let flaggedTerms: string[] = [];
  let inFlight = 0;
  let seq = 0;
  let waiters: { count: number; resolve: (calls: FakeAiRequest[]) => void }[] = [];

  const modelCalls = () => requests.filter((r) => r.method === 'POST' && MODEL_PATHS.has(r.path));
  const notifyWaiters = () => {
    const calls = modelCalls();
    waiters = waiters.filter((w) => {
      if (calls.length < w.count) return true;
      w.resolve(calls);
      return false;
    });
  };

  const plan = (req: FakeAiRequest, reply: FakeReply): Plan => {
    const chunks = reply.chunks ?? splitIntoChunks(reply.text ?? '');
    return {
      chunks,
      text: reply.chunks ? reply.chunks.join('') : (reply.text ?? ''),
      usage: reply.usage ?? { inputTokens: countWords(promptTextOf(req.body)), outputTokens: chunks.length },
      reply,
    };
  };

  /**
   * Sends the chunks through `emit`, honouring holdBefore, delayMs and failAfter. Resolves 'ok' when
   * all chunks went out (and a hold after the last one was released), 'fail' when failAfter hit, and
   * 'gone' when the client closed the connection.
   */
  const pump = async (call: Call, p: Plan, emit: (chunk: string) => void): Promise<'ok' | 'fail' | 'gone'> => {
    const { holdBefore, delayMs = 0, failAfter } = p.reply;
    for (let i = 0; i < p.chunks.length; i++) {
      if (failAfter !== undefined && i >= failAfter) return 'fail';
      if (holdBefore && holdBefore.index === i) await holdBefore.until.catch(() => undefined);
      if (delayMs > 0 && i > 0) await sleep(delayMs);
      if (call.closed) return 'gone';
      emit(p.chunks[i]!);
      call.req.chunksSent = i + 1;
    }
    if (holdBefore && holdBefore.index >= p.chunks.length) await holdBefore.until.catch(() => undefined);
    if (call.closed) return 'gone';
    if (failAfter !== undefined) return 'fail';
    return 'ok';
  };

  // ---- Responses API -------------------------------------------------------------------------

  const responsesStream = async (call: Call, p: Plan): Promise<void> => {
    const n = ++seq;
    const body = call.req.body as Record<string, unknown>;
    const model = typeof body.model === 'string' ? body.model : 'gpt-fake';
    const respId = `resp_fake_${n}`;
    const msgId = `msg_fake_${n}`;
    const createdAt = Math.floor(Date.now() / 1000);
    let sequence = 0;
    const event = (type: string, data: Record<string, unknown>) =>
      call.write(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...data })}\n\n`);
    const response = (status: string, extra: Record<string, unknown> = {}) => ({
      id: respId,
      object: 'response',
      created_at: createdAt,
      status,
      error: null,
      incomplete_details: null,
      instructions: body.instructions ?? null,
      max_output_tokens: body.max_output_tokens ?? null,
      model,
      output: [],
      parallel_tool_calls: true,
      previous_response_id: null,
      reasoning: { effort: null, summary: null },
      store: body.store ?? true,
      temperature: body.temperature ?? 1,
      text: body.text ?? { format: { type: 'text' } },
      tool_choice: 'auto',
      tools: [],
      top_p: 1,
      truncation: 'disabled',
      usage: null,
      user: null,
      metadata: {},
      ...extra,
    });
    let sentText = '';
    const item = (status: string) => ({
      id: msgId,
      type: 'message',
      status,
      role: 'assistant',
      content: status === 'in_progress' ? [] : [{ type: 'output_text', text: sentText, annotations: [] }],
    });
    const part = () => ({ type: 'output_text', text: sentText, annotations: [] });

    const fail = async () => {
      if (p.reply.failMode === 'disconnect') return call.disconnect();
      const error = { code: 'server_error', message: p.reply.errorMessage ?? MID_STREAM_ERROR };
      event('error', { ...error, param: null });
      event('response.failed', {
        response: response('failed', { error, output: sentText ? [item('incomplete')] : [] }),
      });
      call.finish('failed');
    };

    call.startSse();
    event('response.created', { response: response('in_progress') });
    event('response.in_progress', { response: response('in_progress') });
    // failAfter: 0 fails before the output item, as a request that fails before generating does:
    // the SDK then throws an APICallError from the call (which it retries when retryable).
    if (p.reply.failAfter !== undefined && p.reply.failAfter <= 0) return fail();
    event('response.output_item.added', { output_index: 0, item: item('in_progress') });
    event('response.content_part.added', { item_id: msgId, output_index: 0, content_index: 0, part: part() });
    const outcome = await pump(call, p, (delta) => {
      sentText += delta;
      event('response.output_text.delta', {
        item_id: msgId,
        output_index: 0,
        content_index: 0,
        delta,
        logprobs: [],
      });
    });
    if (outcome === 'gone') return;
    if (outcome === 'fail') return fail();
    event('response.output_text.done', {
      item_id: msgId,
      output_index: 0,
      content_index: 0,
      text: sentText,
      logprobs: [],
    });
    event('response.content_part.done', { item_id: msgId, output_index: 0, content_index: 0, part: part() });
    event('response.output_item.done', { output_index: 0, item: item('completed') });
    event('response.completed', {
      response: response('completed', { output: [item('completed')], usage: responsesUsage(p.usage) }),
    });
    call.finish('completed');
  };

  const responsesUsage = (u: Plan['usage']) => ({
    input_tokens: u.inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: u.outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: u.inputTokens + u.outputTokens,
  });

  const responsesJson = (req: FakeAiRequest, p: Plan) => {
    const n = ++seq;
    const body = req.body as Record<string, unknown>;
    return {
      id: `resp_fake_${n}`,
      object: 'response',
      created_at: Math.floor(Date.now() / 1000),
      status: 'completed',
      error: null,
      incomplete_details: null,
      model: typeof body.model === 'string' ? body.model : 'gpt-fake',
      output: [
        {
          id: `msg_fake_${n}`,
          type: 'message',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: p.text, annotations: [] }],
        },
      ],
      usage: responsesUsage(p.usage),
    };
  };

  // ---- Chat Completions ----------------------------------------------------------------------

  const chatUsage = (u: Plan['usage'], flavour: Flavour) =>
    flavour === 'mistral'
      ? {
          prompt_tokens: u.inputTokens,
          completion_tokens: u.outputTokens,
          total_tokens: u.inputTokens + u.outputTokens,
        }
      : {
          prompt_tokens: u.inputTokens,
          completion_tokens: u.outputTokens,
          total_tokens: u.inputTokens + u.outputTokens,
          prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
          completion_tokens_details: {
            reasoning_tokens: 0,
            audio_tokens: 0,
            accepted_prediction_tokens: 0,
            rejected_prediction_tokens: 0,
          },
        };

  /**
   * OpenAI (`stream_options.include_usage`): a first chunk with the role and content "", one chunk
   * per text delta, a chunk with `finish_reason: "stop"`, a last chunk with `choices: []` and the
   * usage (every other chunk has `usage: null`), then `[DONE]`.
   * Mistral: no nulls (its schema rejects `role: null`), and the usage rides on the finish chunk:
   * the Mistral provider reads `choices[0]` of every chunk, so a `choices: []` usage chunk would
   * break it.
   */
  const chatStream = async (call: Call, p: Plan, flavour: Flavour): Promise<void> => {
    const n = ++seq;
    const body = call.req.body as Record<string, unknown>;
    const base = {
      id: flavour === 'mistral' ? `cmpl-fake-${n}` : `chatcmpl-fake-${n}`,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: typeof body.model === 'string' ? body.model : 'gpt-fake',
      ...(flavour === 'openai' ? { service_tier: 'default', system_fingerprint: 'fp_fake' } : {}),
    };
    const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
    const includeUsage = flavour === 'openai' && streamOptions.include_usage === true;
    const data = (chunk: Record<string, unknown>) =>
      call.write(
        `data: ${JSON.stringify({ ...base, ...chunk, ...(includeUsage && !('usage' in chunk) ? { usage: null } : {}) })}\n\n`,
      );
    const choice = (delta: Record<string, unknown>, finish: string | null) =>
      flavour === 'mistral'
        ? { index: 0, delta, finish_reason: finish }
        : { index: 0, delta, logprobs: null, finish_reason: finish };

    call.startSse();
    data({
      choices: [
        choice(
          flavour === 'mistral'
            ? { role: 'assistant', content: '' }
            : { role: 'assistant', content: '', refusal: null },
          null,
        ),
      ],
    });
    const outcome = await pump(call, p, (content) => data({ choices: [choice({ content }, null)] }));
    if (outcome === 'gone') return;
    if (outcome === 'fail') {
      if (p.reply.failMode === 'disconnect') return call.disconnect();
      call.write(`data: ${JSON.stringify(errorBody(flavour, 500, p.reply.errorMessage ?? MID_STREAM_ERROR))}\n\n`);
      return call.finish('failed');
    }
    if (flavour === 'mistral') {
      data({ choices: [choice({ content: '' }, 'stop')], usage: chatUsage(p.usage, flavour) });
    } else {
      data({ choices: [choice({}, 'stop')] });
      if (includeUsage) data({ choices: [], usage: chatUsage(p.usage, flavour) });
    }
    call.write('data: [DONE]\n\n');
    call.finish('completed');
  };

  const chatJson = (req: FakeAiRequest, p: Plan, flavour: Flavour) => {
    const n = ++seq;
    const body = req.body as Record<string, unknown>;
    const model = typeof body.model === 'string' ? body.model : 'gpt-fake';
    const created = Math.floor(Date.now() / 1000);
    if (flavour === 'mistral') {
      return {
        id: `cmpl-fake-${n}`,
        object: 'chat.completion',
        created,
        model,
        choices: [
          { index: 0, message: { role: 'assistant', content: p.text, tool_calls: null }, finish_reason: 'stop' },
        ],
        usage: chatUsage(p.usage, flavour),
      };
    }
    return {
      id: `chatcmpl-fake-${n}`,
      object: 'chat.completion',
      created,
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: p.text, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: chatUsage(p.usage, flavour),
      service_tier: 'default',
      system_fingerprint: 'fp_fake',
    };
  };

  // ---- Moderation ----------------------------------------------------------------------------

  const isFlagged = (text: string) => {
    const lower = text.toLowerCase();
    return flaggedTerms.some((t) => t !== '' && lower.includes(t.toLowerCase()));
  };

  const openaiResult = (flagged: boolean) => ({
    flagged,
    categories: Object.fromEntries(OPENAI_MODERATION_CATEGORIES.map((c) => [c, flagged && c === 'violence'])),
    category_scores: Object.fromEntries(
      OPENAI_MODERATION_CATEGORIES.map((c) => [c, flagged && c === 'violence' ? 0.98 : 0.0001]),
    ),
    category_applied_input_types: Object.fromEntries(OPENAI_MODERATION_CATEGORIES.map((c) => [c, ['text']])),
  });
  const mistralResult = (flagged: boolean) => ({
    categories: Object.fromEntries(
      MISTRAL_MODERATION_CATEGORIES.map((c) => [c, flagged && c === 'violence_and_threats']),
    ),
    category_scores: Object.fromEntries(
      MISTRAL_MODERATION_CATEGORIES.map((c) => [c, flagged && c === 'violence_and_threats' ? 0.98 : 0.0001]),
    ),
  });

  /**
   * POST /v1/moderations, for both vendors at once: `input` is a string or an array of strings (one
   * result each), or OpenAI's multi-modal array of `{ type: 'text', text }` parts (one result).
   * Each result has `flagged` (OpenAI), and `categories` / `category_scores` holding OpenAI's keys
   * and Mistral's keys (`sexual` is in both); a flagged input sets OpenAI's `violence` and Mistral's
   * `violence_and_threats`. POST /v1/chat/moderations (Mistral only): `input` is one conversation
   * (an array of messages) or an array of conversations, one result each, Mistral keys only.
   */
  const moderate = (body: Record<string, unknown>, chat: boolean) => {
    const input = body.input;
    let texts: string[];
    if (chat) {
      const conversations = Array.isArray(input) && input.every(Array.isArray) ? input : [input];
      texts = conversations.map((c) => promptTextOf({ input: c }));
    } else if (Array.isArray(input) && input.every((x) => typeof x === 'string')) {
      texts = input;
    } else {
      texts = [promptTextOf({ input })];
    }
    const n = ++seq;
    const flavour = typeof body.model === 'string' && /stral/i.test(body.model) ? 'mistral' : 'openai';
    return {
      id: `modr-fake-${n}`,
      model:
        typeof body.model === 'string'
          ? body.model
          : flavour === 'mistral' || chat
            ? 'mistral-moderation-latest'
            : 'omni-moderation-latest',
      results: texts.map((t) => {
        const flagged = isFlagged(t);
        if (chat) return mistralResult(flagged);
        const o = openaiResult(flagged);
        const m = mistralResult(flagged);
        return {
          flagged,
          categories: { ...o.categories, ...m.categories },
          category_scores: { ...o.category_scores, ...m.category_scores },
          category_applied_input_types: o.category_applied_input_types,
        };
      }),
    };
  };

  // ---- Routing -------------------------------------------------------------------------------

  const json = (res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(payload));
  };

  const handleModelCall = async (req: FakeAiRequest, res: ServerResponse, flavour: Flavour) => {
    const reply = { ...(queue.shift() ?? defaultReply) };
    const api = req.path === '/v1/responses' ? 'responses' : flavour === 'mistral' ? 'chat.mistral' : 'chat.openai';
    const p = plan(req, reply);
    req.api = api;
    req.reply = reply;
    req.chunksSent = 0;
    if (reply.status !== undefined) {
      req.state = 'failed';
      const headers: Record<string, string> =
        reply.retryAfterMs !== undefined ? { 'retry-after-ms': String(reply.retryAfterMs) } : {};
      return json(res, reply.status, errorBody(flavour, reply.status, reply.errorMessage), headers);
    }
    const call = new Call(req, res);
    req.state = 'streaming';
    // Counted until the answer ends or the client goes away, whichever comes first (a held stream
    // whose client left is no longer in flight).
    inFlight++;
    let counted = true;
    const release = () => {
      if (counted) inFlight--;
      counted = false;
    };
    res.on('close', release);
    try {
      const body = req.body as Record<string, unknown>;
      if (body.stream === true) {
        if (api === 'responses') await responsesStream(call, p);
        else await chatStream(call, p, flavour);
        return;
      }
      if (reply.holdBefore) await reply.holdBefore.until.catch(() => undefined);
      if (call.closed) return;
      if (reply.failAfter !== undefined) return call.disconnect();
      req.chunksSent = p.chunks.length;
      req.state = 'completed';
      json(res, 200, api === 'responses' ? responsesJson(req, p) : chatJson(req, p, flavour));
    } finally {
      release();
    }
  };

  const handle = async (httpReq: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of httpReq) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = {};
    let badJson = false;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
        badJson = true;
      }
    }
    const headers = flattenHeaders(httpReq);
    const path = (httpReq.url ?? '/').split('?')[0]!;
    const method = httpReq.method ?? 'GET';
    const req: FakeAiRequest = { method, path, headers, body };
    requests.push(req);
    notifyWaiters();
    const flavour = flavourOf(headers, body);

    if (method !== 'POST' || !KNOWN_PATHS.has(path)) {
      return json(res, 404, errorBody('openai', 404, `Invalid URL (${method} ${path})`));
    }
    const auth = headers.authorization ?? '';
    if (!/^Bearer\s+\S/.test(auth)) return json(res, 401, errorBody(flavour, 401));
    if (badJson || !isRecord(body)) {
      return json(res, 400, errorBody(flavour, 400, 'We could not parse the JSON body of your request.'));
    }
    if (path === '/v1/moderations' || path === '/v1/chat/moderations') {
      if (body.input === undefined)
        return json(res, 400, errorBody(flavour, 400, "Missing required parameter: 'input'."));
      return json(res, 200, moderate(body, path === '/v1/chat/moderations'));
    }
    return handleModelCall(req, res, flavour);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, errorBody('openai', 500, `Fake AI server error: ${String(err)}`));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    modelCalls,
    promptText: (req) => promptTextOf(req.body),
    enqueue: (...replies) => void queue.push(...replies),
    setDefaultReply: (reply) => {
      defaultReply = reply;
    },
    setFlaggedTerms: (terms) => {
      flaggedTerms = [...terms];
    },
    inFlight: () => inFlight,
    waitForModelCalls: (count) =>
      new Promise((resolve) => {
        waiters.push({ count, resolve });
        notifyWaiters();
      }),
    reset: () => {
      requests.length = 0;
      queue.length = 0;
      flaggedTerms = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
