// A local Stripe for development and tests: an HTTP server the real `stripe` SDK talks to
// (`new Stripe('sk_test_…', { host, port, protocol: 'http' })`). It accepts any sk_test_ key,
// keeps its objects in memory, implements the subset of the API the product uses, sends
// webhooks signed with Stripe's scheme, and serves a hosted Checkout page with pay/decline
// buttons at each session's `url`. Not a general Stripe emulator: see README "Payments".
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseForm, ParamError } from './form';
import { checkoutPage, indexPage, invoicePage, invoicePdf, receiptPage, successUrl } from './pages';
import { matchRoute, newRequestId } from './routes';
import { signatureHeader } from './signature';
import { API_VERSION, newId, publicView, Store, StripeApiError, type Json } from './store';

export { TEST_CARDS, type TestCard } from './test-cards';
export { signatureHeader } from './signature';
export { API_VERSION, type Json } from './store';

/** The port `pnpm dev` runs it on (STRIPE_EMULATOR_PORT overrides). */
export const DEFAULT_LOCAL_STRIPE_PORT = 12111;
/** The signing secret of the webhooks it sends unless told otherwise; the server's local default too. */
export const LOCAL_WEBHOOK_SECRET = 'whsec_local_development_only_not_a_secret';

export interface LocalStripeOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Where to send webhooks. More can be added with POST /v1/webhook_endpoints. */
  webhookUrl?: string | null;
  /** Signing secret for `webhookUrl`. Default LOCAL_WEBHOOK_SECRET. */
  webhookSecret?: string;
  /** Send each event as it happens (default true). Tests may turn it off and call deliver(). */
  autoDeliver?: boolean;
  /** Waits before retrying a failed delivery, as Stripe retries. Default [1 s, 5 s, 30 s]. */
  retryDelaysMs?: number[];
  /** The emulated world's clock (subscription periods, expiry). Default the real time. */
  now?: () => Date;
  /** Lines for the console (deliveries). Default: silent. */
  log?: (line: string) => void;
}

export interface Delivery {
  eventId: string;
  type: string;
  url: string;
  status: number;
  body: string;
}

export interface LocalStripe {
  /** http://host:port — the API base and the hosted pages. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly webhookSecret: string;
  /** The SDK options that point `new Stripe(key, options)` here. */
  readonly sdkOptions: { host: string; port: number; protocol: 'http' };
  /** Events so far, oldest first (optionally of one type). */
  events(type?: string): Json[];
  /** Every webhook delivery attempt so far. */
  readonly deliveries: Delivery[];
  /** Sends an event (again) to the webhook URL, signed; answers the endpoint's status and body. */
  deliver(eventId: string, opts?: { url?: string; secret?: string; timestamp?: number }): Promise<Delivery>;
  /** Settles when every delivery under way (and its retries) is done. */
  flush(): Promise<void>;
  /** Lets the emulated time act now (renewals, cancellations at period end, expiry). */
  tick(): void;
  /** Pays a checkout session as the hosted page does (card: a test card id, default pm_card_visa). */
  completeCheckout(sessionId: string, card?: string): { ok: boolean; message?: string };
  /** Replaces the default webhook URL (null: no default endpoint). */
  setWebhookUrl(url: string | null): void;
  /** The object with this id, as the API would answer it. */
  object(id: string): Json | undefined;
  close(): Promise<void>;
}

interface Endpoint {
  id: string;
  url: string;
  secret: string;
  events: string[];
}

export async function createLocalStripe(opts: LocalStripeOptions = {}): Promise<LocalStripe> {
  const host = opts.host ?? '127.0.0.1';
  const secret = opts.webhookSecret ?? LOCAL_WEBHOOK_SECRET;
  const autoDeliver = opts.autoDeliver ?? true;
  const retryDelays = opts.retryDelaysMs ?? [1000, 5000, 30_000];
  const log = opts.log ?? (() => {});
  const now = opts.now ?? (() => new Date());
  let baseUrl = '';
  let defaultEndpoint: Endpoint | null = opts.webhookUrl
    ? { id: 'we_default', url: opts.webhookUrl, secret, events: ['*'] }
    : null;
  const extraEndpoints: Endpoint[] = [];
  const endpoints = () => [...(defaultEndpoint ? [defaultEndpoint] : []), ...extraEndpoints];
  const pending = new Set<Promise<unknown>>();
  const deliveries: Delivery[] = [];
  let closed = false;

  const store = new Store({
    now,
    publicUrl: () => baseUrl,
    onEvent: (event) => {
      if (!autoDeliver) return;
      for (const ep of endpoints()) {
        if (!ep.events.includes('*') && !ep.events.includes(event.type as string)) continue;
        // After the current request is answered, as Stripe sends webhooks asynchronously.
        track(new Promise((r) => setImmediate(r)).then(() => deliverWithRetries(event, ep)));
      }
    },
  });

  const track = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  async function send(event: Json, url: string, signingSecret: string, timestamp?: number): Promise<Delivery> {
    const payload = JSON.stringify(publicView(event), null, 2);
    const t = timestamp ?? Math.floor(Date.now() / 1000);
    let status = 0;
    let body = '';
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signatureHeader(payload, signingSecret, t),
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      body = await res.text();
    } catch (err) {
      body = (err as Error).message;
    }
    const d: Delivery = { eventId: event.id as string, type: event.type as string, url, status, body };
    deliveries.push(d);
    log(`webhook ${d.type} ${d.eventId} → ${url}: ${status || body}`);
    return d;
  }

  async function deliverWithRetries(event: Json, ep: Endpoint) {
    for (let attempt = 0; ; attempt++) {
      if (closed) return;
      const d = await send(event, ep.url, ep.secret);
      if (d.status >= 200 && d.status < 300) return;
      const wait = retryDelays[attempt];
      if (wait === undefined) return;
      await new Promise((r) => setTimeout(r, wait).unref());
    }
  }

  // Idempotent requests: the first answer to a key is replayed for the same request, refused for another.
  const idempotent = new Map<string, { fingerprint: string; status: number; body: string }>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    if (url.pathname.startsWith('/v1/')) return api(method, url, raw, req, res);
    return hosted(method, url, raw, res);
  }

  function api(method: string, url: URL, raw: string, req: IncomingMessage, res: ServerResponse) {
    const requestId = newRequestId();
    const headers = { 'request-id': requestId, 'stripe-version': API_VERSION };
    const key = apiKeyOf(req.headers.authorization);
    if (!key || !key.startsWith('sk_test_')) {
      return json(res, 401, headers, {
        error: {
          type: 'invalid_request_error',
          message: key?.startsWith('sk_live_')
            ? 'The local Stripe only accepts test-mode keys (sk_test_...).'
            : `Invalid API Key provided: ${key ? `${key.slice(0, 8)}***` : '(none)'}. The local Stripe accepts any sk_test_... key.`,
        },
      });
    }
    const idemKey = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const fingerprint = `${method} ${url.pathname} ${raw}`;
    if (method === 'POST' && idemKey) {
      const seen = idempotent.get(`${key}:${idemKey}`);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          return json(res, 400, headers, {
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.`,
            },
          });
        }
        res.writeHead(seen.status, { ...headers, 'content-type': 'application/json', 'idempotent-replayed': 'true' });
        return res.end(seen.body);
      }
    }
    let status = 200;
    let body: unknown;
    try {
      const match = matchRoute(method, url.pathname);
      if (!match) {
        throw new StripeApiError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${url.pathname}). The local Stripe implements only part of Stripe's API.`,
        });
      }
      store.tick();
      store.currentRequest = { id: requestId, idempotency_key: idemKey };
      const form = method === 'GET' || method === 'DELETE' ? parseForm(url.search.slice(1)) : parseForm(raw);
      body = match.handler({
        params: match.params,
        form,
        store,
        addEndpoint,
        removeEndpoint,
        listEndpoints: () => extraEndpoints.map(endpointView),
      });
    } catch (err) {
      if (err instanceof StripeApiError) {
        status = err.status;
        body = { error: { ...err.body, request_log_url: `${baseUrl}/` } };
      } else if (err instanceof ParamError) {
        status = 400;
        body = {
          error: { type: 'invalid_request_error', message: err.message, ...(err.param ? { param: err.param } : {}) },
        };
      } else {
        status = 500;
        body = { error: { type: 'api_error', message: `The local Stripe failed: ${(err as Error).message}` } };
      }
    } finally {
      store.currentRequest = { id: null, idempotency_key: null };
    }
    const text = JSON.stringify(body);
    if (method === 'POST' && idemKey && status < 500)
      idempotent.set(`${key}:${idemKey}`, { fingerprint, status, body: text });
    res.writeHead(status, { ...headers, 'content-type': 'application/json' });
    res.end(text);
  }

  function hosted(method: string, url: URL, raw: string, res: ServerResponse) {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const html = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    try {
      if (parts.length === 0 && method === 'GET') {
        return html(
          200,
          indexPage({ objects: [...store.objects.values()], events: store.events, endpoints: endpoints() }),
        );
      }
      if (parts[0] === 'checkout' && parts[1]) {
        store.tick();
        const session = store.find('checkout.session', parts[1]);
        if (!session) return html(404, 'No such checkout session.');
        if (method === 'GET') return html(200, checkoutPage(session));
        if (method === 'POST') {
          if (session.status !== 'open') return html(409, checkoutPage(session));
          const card = new URLSearchParams(raw).get('card') ?? 'pm_card_visa';
          const result = store.completeCheckout(session.id as string, card);
          if (!result.ok) return html(402, checkoutPage(session, { error: result.message }));
          res.writeHead(303, { location: successUrl(session.success_url as string, session.id as string) });
          return res.end();
        }
      }
      if (parts[0] === 'invoices' && parts[1] && method === 'GET') {
        const invoice = store.find('invoice', parts[1]);
        if (!invoice) return html(404, 'No such invoice.');
        if (parts[2] === 'pdf') {
          res.writeHead(200, {
            'content-type': 'application/pdf',
            'content-disposition': `inline; filename="${invoice.number as string}.pdf"`,
          });
          return res.end(invoicePdf(invoice));
        }
        return html(200, invoicePage(invoice));
      }
      if (parts[0] === 'receipts' && parts[1] && method === 'GET') {
        const charge = store.find('charge', parts[1]);
        return charge ? html(200, receiptPage(charge)) : html(404, 'No such receipt.');
      }
      // The local extras: let time act, list and resend events.
      if (parts[0] === '_local') {
        if (parts[1] === 'tick' && method === 'POST') {
          store.tick();
          return json(res, 200, {}, { ok: true });
        }
        if (parts[1] === 'events' && method === 'GET')
          return json(res, 200, {}, { data: store.events.map(publicView) });
        if (parts[1] === 'events' && parts[2] && parts[3] === 'deliver' && method === 'POST') {
          void local.deliver(parts[2]).then(
            (d) => json(res, 200, {}, d),
            (err: Error) => json(res, 404, {}, { error: err.message }),
          );
          return;
        }
      }
      return html(404, 'Not found.');
    } catch (err) {
      return html(err instanceof StripeApiError ? err.status : 500, (err as Error).message);
    }
  }

  function addEndpoint(url: string, events: string[]): Json {
    const ep: Endpoint = { id: newId('we'), url, secret: `whsec_${newId('x', 32).slice(2)}`, events };
    extraEndpoints.push(ep);
    return { ...endpointView(ep), secret: ep.secret };
  }
  function removeEndpoint(id: string): Json {
    const i = extraEndpoints.findIndex((e) => e.id === id);
    if (i === -1)
      throw new StripeApiError(404, {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: `No such webhook endpoint: '${id}'`,
      });
    extraEndpoints.splice(i, 1);
    return { id, object: 'webhook_endpoint', deleted: true };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(err.message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const local = {
    url: baseUrl,
    host,
    port,
    webhookSecret: secret,
    sdkOptions: { host, port, protocol: 'http' as const },
    deliveries,
    events: (type?: string) => store.events.filter((e) => !type || e.type === type).map((e) => publicView(e) as Json),
    async deliver(eventId: string, o: { url?: string; secret?: string; timestamp?: number } = {}) {
      const event = store.find('event', eventId);
      if (!event) throw new Error(`No such event: ${eventId}`);
      const target = o.url ?? defaultEndpoint?.url;
      if (!target) throw new Error('No webhook URL: pass one or set it with setWebhookUrl()');
      return send(event, target, o.secret ?? defaultEndpoint?.secret ?? secret, o.timestamp);
    },
    async flush() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    tick: () => store.tick(),
    completeCheckout(sessionId: string, card = 'pm_card_visa') {
      const r = store.completeCheckout(sessionId, card);
      return r.ok ? { ok: true } : { ok: false, message: r.message };
    },
    setWebhookUrl(url: string | null) {
      defaultEndpoint = url ? { id: 'we_default', url, secret, events: ['*'] } : null;
    },
    object: (id: string) => {
      const o = store.objects.get(id);
      return o ? (publicView(o) as Json) : undefined;
    },
    async close() {
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  } satisfies LocalStripe;
  return local;
}

const endpointView = (e: Endpoint): Json => ({
  id: e.id,
  object: 'webhook_endpoint',
  url: e.url,
  enabled_events: e.events,
  status: 'enabled',
  secret: e.secret,
});

function apiKeyOf(header: string | undefined): string | null {
  if (!header) return null;
  if (header.startsWith('Bearer ')) return header.slice(7).trim();
  if (header.startsWith('Basic ')) return Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0] ?? null;
  return null;
}

function json(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown) {
  res.writeHead(status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1024 * 1024) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
