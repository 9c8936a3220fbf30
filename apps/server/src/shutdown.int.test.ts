// Shutdown: a request under way when the server starts closing still gets its answer, and its
// keep-alive socket is not left open after it (Node would keep it, and close() wait on it, for the
// 72 s keep-alive timeout: a client honours the server's Keep-Alive hint).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestServer } from './testing/harness';

describe('graceful shutdown', () => {
  it('finishes the request in flight, answers it with Connection: close, and closes without waiting on its socket', async () => {
    const s = await startTestServer({ seeded: false });
    await s.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = s.app.server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true });
    try {
      const body = JSON.stringify({ email: 'nobody@example.com', password: 'not the password' });
      let sent!: () => void;
      const routed = new Promise<void>((r) => (sent = r));
      const answer = new Promise<{ status: number; connection: string | undefined; body: string }>(
        (resolve, reject) => {
          const req = http.request(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/api/auth/login',
              agent,
              headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
            },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (c: string) => (text += c));
              res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
            },
          );
          req.on('error', reject);
          // Half the body now (the request is routed and waits for the rest), half after close() began.
          req.write(body.slice(0, 10), () => setTimeout(sent, 50));
          void routed.then(() => req.end(body.slice(10)));
        },
      );
      await routed;
      const closed = s.close();
      const res = await answer;
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
      expect(res.connection).toBe('close');
      await closed; // would wait for the keep-alive socket (72 s) without Connection: close
    } finally {
      agent.destroy();
    }
  });
});
