// A local stand-in for Resend's HTTP API (POST /emails), for tests that drive the real `resend`
// SDK: records every request, answers like Resend, and honours the Idempotency-Key the way
// Resend does (a repeated key returns the first email's id and sends nothing new).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeResendRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface FakeResendEmail {
  id: string;
  idempotencyKey: string | undefined;
  body: Record<string, unknown>;
}

export interface FakeResend {
  /** Base URL for `new Resend(key, { baseUrl })`. */
  url: string;
  /** Every request received, in order. */
  requests: FakeResendRequest[];
  /** Emails actually accepted (each idempotency key once). */
  sent: FakeResendEmail[];
  /** The next requests to POST /emails fail with these statuses, in order (e.g. 500, 422, 429). */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

const ERROR_NAMES: Record<number, string> = {
  400: 'validation_error',
  401: 'missing_api_key',
  403: 'invalid_api_key',
  409: 'concurrent_idempotent_requests',
  422: 'validation_error',
  429: 'rate_limit_exceeded',
  500: 'internal_server_error',
};

export async function startFakeResend(): Promise<FakeResend> {
  const requests: FakeResendRequest[] = [];
  const sent: FakeResendEmail[] = [];
  const failures: number[] = [];
  const byKey = new Map<string, string>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        /* recorded as empty */
      }
      const path = (req.url ?? '/').split('?')[0]!;
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      const answer = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || path !== '/emails') {
        return answer(404, { statusCode: 404, name: 'not_found', message: 'The requested endpoint does not exist.' });
      }
      if (!String(req.headers.authorization ?? '').startsWith('Bearer ')) {
        return answer(401, {
          statusCode: 401,
          name: 'missing_api_key',
          message: 'Missing API key in the authorization header.',
        });
      }
      const failure = failures.shift();
      if (failure !== undefined) {
        return answer(failure, {
          statusCode: failure,
          name: ERROR_NAMES[failure] ?? 'application_error',
          message: `Fake failure ${failure}`,
        });
      }
      const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
      const earlier = key === undefined ? undefined : byKey.get(key);
      if (earlier) return answer(200, { id: earlier });
      const id = `re_fake_${sent.length + 1}`;
      if (key !== undefined) byKey.set(key, id);
      sent.push({ id, idempotencyKey: key, body });
      return answer(200, { id });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sent,
    failNext: (...statuses) => void failures.push(...statuses),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
