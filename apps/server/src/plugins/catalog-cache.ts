// Anonymous catalog reads (the catalog list, featured programs, a program page, categories,
// search) answered from memory: the same bytes for every visitor until the catalog changes.
//
// Correctness rests on PostgreSQL telling every server process when the catalog changed: the
// statement triggers of the migration *_catalog_cache NOTIFY `catalog_changed` after any write to
// the tables these answers read (programs, categories, instructors' names and profiles, sections,
// lessons, questions). A notification is delivered only once its transaction has committed, so:
//   - each cached answer is stored only if no notification arrived since its request began (a
//     request that read before a commit but finished after it is not kept);
//   - a notification empties the cache; so does a mutation answered by this process (its writes
//     are committed before it answers, so the writer's next anonymous read never sees the old
//     answer, even before the notification arrives);
//   - without a listening connection (not yet connected, or lost) nothing is cached.
// Signed-in requests (a bearer token or a session cookie) are never cached nor served from it.
// Answers carry an ETag (a hash of the body) and `Cache-Control: public, no-cache` so browsers
// and CDNs revalidate each time and get a 304 while nothing changed.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import pg from 'pg';
import { PLAIN_COOKIE, SECURE_COOKIE } from './session';

export const CATALOG_CHANGED_CHANNEL = 'catalog_changed';

const CACHEABLE = [
  /^\/api\/programs(\/[^/]+)?$/, // the list, featured, one program by id or slug
  /^\/api\/categories$/,
  /^\/api\/search$/,
];
const SAFE = new Set(['GET', 'HEAD']);

interface Entry {
  body: string;
  etag: string;
  contentType: string;
}

export interface CatalogCache {
  /** Whether answers are being cached now (listening for changes). */
  readonly active: boolean;
  /** How many times the cache was emptied (for tests). */
  readonly generation: number;
  readonly size: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    catalogCache: { key: string; generation: number; hit: boolean } | null;
  }
}

export async function registerCatalogCache(
  app: FastifyInstance,
  { connectionString, maxEntries = 2000 }: { connectionString: string; maxEntries?: number },
): Promise<CatalogCache> {
  const entries = new Map<string, Entry>();
  let generation = 0;
  let listening = false;
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let backoff = 500;

  const invalidate = () => {
    generation++;
    entries.clear();
  };

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
    const lost = (err?: unknown) => {
      if (client !== c) return;
      client = null;
      listening = false;
      invalidate();
      if (err) app.log.warn({ err }, 'catalog cache: lost its listening connection; caching paused');
      c.end().catch(() => {});
      if (!closed) {
        retry = setTimeout(() => void connect(), backoff).unref();
        backoff = Math.min(backoff * 2, 30_000);
      }
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (msg) => {
      if (msg.channel === CATALOG_CHANGED_CHANNEL) invalidate();
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${CATALOG_CHANGED_CHANNEL}`);
      // Anything cached before this point may have missed a change.
      invalidate();
      listening = true;
      backoff = 500;
    } catch (err) {
      lost(err);
    }
  };
  await connect();

  app.addHook('onClose', async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    listening = false;
    await c?.end().catch(() => {});
  });

  app.decorateRequest('catalogCache', null);

  app.addHook('onRequest', async (req, reply) => {
    if (!SAFE.has(req.method)) return;
    if (!listening || !isAnonymous(req)) return;
    const path = req.url.split('?')[0]!;
    if (!CACHEABLE.some((re) => re.test(path))) return;
    const key = req.url;
    const hit = entries.get(key);
    req.catalogCache = { key, generation, hit: hit !== undefined };
    if (!hit) return;
    // Most recently used last, so the oldest entry is the first to go.
    entries.delete(key);
    entries.set(key, hit);
    cacheHeaders(reply, hit.etag);
    if (req.headers['if-none-match'] === hit.etag) return reply.code(304).send();
    return reply.code(200).header('content-type', hit.contentType).send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!SAFE.has(req.method)) {
      // This process's own writes are committed by now: drop what they may have changed.
      invalidate();
      return payload;
    }
    const entry = req.catalogCache;
    if (!entry || entry.hit || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = `"${createHash('sha1').update(payload).digest('base64url')}"`;
    cacheHeaders(reply, etag);
    if (listening && entry.generation === generation) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(entry.key, { body: payload, etag, contentType: String(reply.getHeader('content-type') ?? '') });
    }
    if (req.headers['if-none-match'] === etag) {
      reply.code(304);
      return '';
    }
    return payload;
  });

  return {
    get active() {
      return listening;
    },
    get generation() {
      return generation;
    },
    get size() {
      return entries.size;
    },
  };
}

/** Revalidate every time; the answer differs for signed-in readers (and keeps any Vary already set). */
function cacheHeaders(reply: FastifyReply, etag: string) {
  const vary = reply.getHeader('vary');
  reply
    .header('etag', etag)
    .header('cache-control', 'public, no-cache')
    .header('vary', vary ? `${String(vary)}, authorization, cookie` : 'authorization, cookie');
}

function isAnonymous(req: FastifyRequest): boolean {
  return (
    req.authSession === null &&
    req.headers.authorization === undefined &&
    req.cookies[SECURE_COOKIE] === undefined &&
    req.cookies[PLAIN_COOKIE] === undefined
  );
}
