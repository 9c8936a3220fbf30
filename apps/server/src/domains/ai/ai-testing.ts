// The AI tutor under test: the app's real @ai-sdk/openai (or @ai-sdk/mistral) provider talking to a
// local fake of the provider's HTTP API, and the app listening on a free port so the streaming
// route is read over real HTTP, chunk by chunk, as a browser's useChat reads it.
import type { AddressInfo } from 'node:net';
import { startFakeAiServer, type FakeAiServer } from '@learningpt/ai/testing';
import { startTestServer, type TestServer } from '../../testing/harness';

export interface AiTestServer extends TestServer {
  fake: FakeAiServer;
  /** http://127.0.0.1:PORT of the listening app. */
  baseUrl: string;
}

export async function startAiServer(
  opts: { provider?: 'openai' | 'mistral' | 'offline'; env?: Record<string, string>; poolMax?: number } = {},
): Promise<AiTestServer> {
  const fake = await startFakeAiServer();
  const provider = opts.provider ?? 'openai';
  const env: Record<string, string> =
    provider === 'openai'
      ? {
          AI_PROVIDER: 'openai',
          OPENAI_API_KEY: 'sk-test-tutor',
          OPENAI_BASE_URL: fake.baseUrl,
          OPENAI_MODEL: 'gpt-test',
        }
      : provider === 'mistral'
        ? {
            AI_PROVIDER: 'mistral',
            MISTRAL_API_KEY: 'mistral-test-tutor',
            MISTRAL_BASE_URL: fake.baseUrl,
            MISTRAL_MODEL: 'mistral-test',
          }
        : { AI_PROVIDER: 'offline' };
  const s = await startTestServer({ env: { ...env, ...opts.env }, ...(opts.poolMax ? { poolMax: opts.poolMax } : {}) });
  await s.app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
  const close = s.close.bind(s);
  return Object.assign(s, {
    fake,
    baseUrl,
    async close() {
      await close();
      await fake.close();
    },
  });
}

export interface UiPart {
  type: string;
  [k: string]: unknown;
}

/** POST /api/ai/chat/stream over HTTP; answers the response (read it with readParts). */
export function postStream(s: AiTestServer, token: string, body: unknown, signal?: AbortSignal) {
  return fetch(`${s.baseUrl}/api/ai/chat/stream`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}

/** The UI message stream's parts (SSE `data:` lines), as they arrive; `onPart` may stop reading. */
export async function readParts(res: Response, onPart?: (p: UiPart) => boolean | void | Promise<boolean | void>) {
  const parts: UiPart[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buf += value;
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const event = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const data = event
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      if (!data || data === '[DONE]') continue;
      const part = JSON.parse(data) as UiPart;
      parts.push(part);
      if ((await onPart?.(part)) === false) {
        await reader.cancel();
        return parts;
      }
    }
  }
  return parts;
}

export const textOf = (parts: UiPart[]) =>
  parts
    .filter((p) => p.type === 'text-delta')
    .map((p) => p.delta as string)
    .join('');

/** Waits (polling the database) until the answer row is final; the tutor finishes it in the background. */
export async function settledAnswer(s: TestServer, messageId: string) {
  for (let i = 0; i < 400; i++) {
    const m = await s.db.aiMessage.findUniqueOrThrow({ where: { id: messageId } });
    if (m.status !== 'streaming') return m;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`answer ${messageId} still streaming after 10 s`);
}

/** A gate a test opens by hand. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}
