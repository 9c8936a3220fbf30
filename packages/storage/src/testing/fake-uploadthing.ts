// A local stand-in for UploadThing's servers, for tests of the real `uploadthing` SDK: it answers
// the calls UTApi makes (PUT <ingest>/<fileKey>?…&signature=hmac-sha256=… with a multipart `file`;
// POST <api>/v6/deleteFiles with x-uploadthing-api-key) and serves uploaded files at /f/<key>.
// Like the real service it checks the upload URL's HMAC-SHA256 signature (keyed by the API key)
// and the API key header, and refuses what does not match.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUpload {
  key: string;
  name: string;
  type: string;
  customId: string | null;
  bytes: Buffer;
  /** The query the SDK signed (x-ut-identifier, x-ut-file-name, …). */
  query: Record<string, string>;
}

export interface FakeUploadThing {
  /** Root URL of the fake (use as both apiUrl and ingestUrl). */
  url: string;
  /** A valid UPLOADTHING_TOKEN for this fake's API key and app id. */
  token: string;
  apiKey: string;
  appId: string;
  uploads: FakeUpload[];
  /** Keys deleted through /v6/deleteFiles. */
  deleted: string[];
  /** Every request's method, path and x-uploadthing-api-key header (when sent). */
  requests: { method: string; path: string; apiKeyHeader: string | undefined }[];
  close(): Promise<void>;
}

export function makeUploadThingToken(apiKey: string, appId: string, regions = ['sea1']): string {
  return Buffer.from(JSON.stringify({ apiKey, appId, regions })).toString('base64');
}

function validSignature(fullUrl: string, apiKey: string): boolean {
  const i = fullUrl.lastIndexOf('&signature=');
  if (i < 0) return false;
  const signed = fullUrl.slice(0, i);
  const given = decodeURIComponent(fullUrl.slice(i + '&signature='.length));
  if (!given.startsWith('hmac-sha256=')) return false;
  const expected = createHmac('sha256', apiKey).update(signed).digest('hex');
  const a = Buffer.from(given.slice(12));
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function body(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeUploadThing(opts: { apiKey?: string; appId?: string } = {}): Promise<FakeUploadThing> {
  const apiKey = opts.apiKey ?? 'sk_test_fake0123456789';
  const appId = opts.appId ?? 'fakeappid';
  const uploads: FakeUpload[] = [];
  const deleted: string[] = [];
  const requests: FakeUploadThing['requests'] = [];
  let base = '';

  const json = (res: http.ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      const apiKeyHeader = req.headers['x-uploadthing-api-key'] as string | undefined;
      requests.push({ method: req.method ?? '', path: url.pathname, apiKeyHeader });
      const raw = await body(req);

      if (req.method === 'PUT' && /^\/[^/]+$/.test(url.pathname)) {
        if (!validSignature(`${base}${req.url}`, apiKey)) return json(res, 403, { error: 'Invalid signature' });
        if (Number(url.searchParams.get('expires')) < Date.now()) return json(res, 403, { error: 'URL expired' });
        const form = await new Request(url, {
          method: 'PUT',
          headers: { 'content-type': String(req.headers['content-type']) },
          body: raw,
        }).formData();
        const file = form.get('file');
        if (!(file instanceof Blob)) return json(res, 400, { error: 'Missing file' });
        const key = url.pathname.slice(1);
        const param = (n: string) => {
          const v = url.searchParams.get(n);
          return v === null ? null : decodeURIComponent(v);
        };
        uploads.push({
          key,
          name: param('x-ut-file-name') ?? '',
          type: param('x-ut-file-type') ?? file.type,
          customId: param('x-ut-custom-id'),
          bytes: Buffer.from(await file.arrayBuffer()),
          query: Object.fromEntries([...url.searchParams].map(([k, v]) => [k, decodeURIComponent(v)])),
        });
        const fileUrl = `${base}/f/${key}`;
        return json(res, 200, { url: fileUrl, appUrl: fileUrl, ufsUrl: fileUrl, fileHash: 'fakehash' });
      }

      if (req.method === 'POST' && url.pathname === '/v6/deleteFiles') {
        if (apiKeyHeader !== apiKey) return json(res, 401, { error: 'Invalid API key' });
        const { fileKeys = [] } = JSON.parse(raw.toString('utf8') || '{}') as { fileKeys?: string[] };
        const before = uploads.length;
        for (const k of fileKeys) {
          deleted.push(k);
          const i = uploads.findIndex((u) => u.key === k);
          if (i >= 0) uploads.splice(i, 1);
        }
        return json(res, 200, { success: true, deletedCount: before - uploads.length });
      }

      if (req.method === 'GET' && url.pathname.startsWith('/f/')) {
        const up = uploads.find((u) => u.key === url.pathname.slice(3));
        if (!up) return json(res, 404, { error: 'Not found' });
        res.writeHead(200, { 'content-type': up.type }).end(up.bytes);
        return;
      }

      json(res, 404, { error: `Fake UploadThing has no ${req.method} ${url.pathname}` });
    })().catch((err: unknown) => json(res, 500, { error: String(err) }));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    token: makeUploadThingToken(apiKey, appId),
    apiKey,
    appId,
    uploads,
    deleted,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
