// The other side of the tutor's lag benchmark, in a worker thread of its own: the fake AI provider
// and the learners' clients. In production both are other machines; run in the API's thread they
// would put their own stream parsing into the event-loop lag that is measured there.
import { parentPort } from 'node:worker_threads';
import { startFakeAiServer } from '@learningpt/ai/testing';

export type LoadMessage =
  { type: 'run'; base: string; token: string; open: number; spacingMs: number } | { type: 'close' };
export type LoadReport =
  | { type: 'fake'; baseUrl: string }
  | { type: 'all-open' }
  | { type: 'done'; refused: number; statuses: Record<number, number> };

const port = parentPort!;
const fake = await startFakeAiServer();
fake.setDefaultReply({ chunks: Array.from({ length: 60 }, (_, i) => `t${i} `), delayMs: 50 });
port.postMessage({ type: 'fake', baseUrl: fake.baseUrl } satisfies LoadReport);

port.on('message', (msg: LoadMessage) => {
  if (msg.type === 'close') {
    void fake.close().then(() => port.close());
    return;
  }
  void (async () => {
    let first = 0;
    let refused = 0;
    const statuses: Record<number, number> = {};
    await Promise.all(
      Array.from({ length: msg.open }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i * msg.spacingMs));
        const res = await fetch(`${msg.base}/api/ai/chat/stream`, {
          method: 'POST',
          headers: { authorization: `Bearer ${msg.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ message: `Concurrent question ${msg.open}.${i}` }),
        });
        if (!res.ok) {
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          refused++;
          await res.arrayBuffer();
          if (first === msg.open - refused) port.postMessage({ type: 'all-open' } satisfies LoadReport);
        } else {
          const decoder = new TextDecoder();
          let seen = false;
          // Held open to the end; decoded only until the first token.
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
            if (!seen && decoder.decode(chunk, { stream: true }).includes('t0 ')) {
              seen = true;
              if (++first === msg.open - refused) port.postMessage({ type: 'all-open' } satisfies LoadReport);
            }
          }
        }
      }),
    );
    port.postMessage({ type: 'done', refused, statuses } satisfies LoadReport);
  })();
});
