// More than one machine: two API processes and two job workers, each its own Node process as in
// production (NODE_ENV=production, WORKER_IN_PROCESS=false), on one database, spoken to over real
// HTTP. Sessions, rate limits and jobs live in PostgreSQL, so: a session made on one API is valid
// on the other and ends on both; a limit counts one budget across both; every job runs once
// although two workers poll the queue; and an API stopped under load answers what it accepted.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '@learningpt/db/testing';
import { startFakeResend, type FakeResend } from '@learningpt/mail/testing';
import { AUTH_LIMITS } from '@learningpt/core';
import { PRODUCTION_ENV } from './testing/harness';
import { createSeededTestDatabase } from './testing/seeded-database';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const SESSION_COOKIE = '__Host-lgpt_session'; // production accepts only the __Host- cookie
const PASSWORD = 'Multi-machine passphrase 42';
// How long a child may take to answer /health: tsx compiles the whole app on a shared 2-core box.
// A guard against a hang, not an assertion on speed.
const START_WITHIN_MS = 45_000;

/** A child process: the last lines it printed (for failure messages) and the requests it logged. */
class Child {
  readonly output: string[] = [];
  /** Ids of the requests it logged as received (pino JSON lines, LOG_LEVEL=info). */
  readonly received = new Set<string>();
  private partial = '';
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    const keep = (b: Buffer) => {
      const lines = (this.partial + b.toString('utf8')).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        if (line.includes('"incoming request"')) {
          try {
            this.received.add(String((JSON.parse(line) as { reqId: unknown }).reqId));
          } catch {
            /* not a log line */
          }
          continue;
        }
        if (line.includes('"request completed"')) continue;
        this.output.push(line);
      }
      if (this.output.length > 80) this.output.splice(0, this.output.length - 80);
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    this.exit = new Promise((resolve) =>
      proc.once('exit', (code, signal) => resolve((this.exited = { code, signal }))),
    );
  }
  tail(): string {
    return `--- ${this.name} (${this.exited ? JSON.stringify(this.exited) : 'running'}) ---\n${this.output.join('\n')}`;
  }
}

let database: TestDatabase;
let resend: FakeResend;
const children: Child[] = [];
let api1: string;
let api2: string;
let api1Child: Child;

function start(name: string, entry: 'src/server.ts' | 'src/worker.ts', env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: serverDir,
    // Only what a deployment would set: nothing of the test runner's environment (NODE_ENV=test, VITEST…).
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child = new Child(name, proc);
  children.push(child);
  return child;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

async function waitForHealth(child: Child, base: string): Promise<void> {
  const deadline = Date.now() + START_WITHIN_MS;
  while (Date.now() < deadline && !child.exited) {
    try {
      const res = await fetch(`${base}/health`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${child.name} did not answer /health at ${base}\n${child.tail()}`);
}

/** Waits (polling the database) until the condition holds; a hang fails with the children's output. */
async function eventually(what: string, check: () => Promise<boolean>, withinMs = 30_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}\n${children.map((c) => c.tail()).join('\n')}`);
}

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  setCookies: string[];
}

async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  opts: { json?: unknown; token?: string; cookie?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (opts.json !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = `${SESSION_COOKIE}=${opts.cookie}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(opts.json !== undefined && { body: JSON.stringify(opts.json) }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: body as T, setCookies: res.headers.getSetCookie() };
}

/** Emails the fake Resend was asked to send (every request, duplicates included), to one address. */
function emailRequestsTo(to: string) {
  return resend.requests.filter((r) => {
    if (r.method !== 'POST' || r.path !== '/emails') return false;
    const recipients = ([] as unknown[]).concat(r.body.to);
    return recipients.includes(to);
  });
}

async function queuedJobs(): Promise<number> {
  const rows = await database.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker._private_jobs`;
  return rows[0]!.n;
}

/** Registers a student on one API and verifies them through the emailed link on the other. */
async function registerAndVerify(registerOn: string, verifyOn: string, email: string): Promise<void> {
  const reg = await call(registerOn, 'POST', '/api/auth/register', {
    json: { name: 'Multi Machine', email, password: PASSWORD },
  });
  expect(reg.status, JSON.stringify(reg.body)).toBe(200);
  await eventually(`the verification email to ${email}`, async () => emailRequestsTo(email).length > 0);
  const text = String(emailRequestsTo(email)[0]!.body.text);
  const token = /\/verify-email\?token=([\w-]+)/.exec(text)?.[1];
  expect(token, text).toBeDefined();
  const verified = await call(verifyOn, 'POST', '/api/auth/verify-email', { json: { token } });
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
}

beforeAll(async () => {
  try {
    // The demo data (free programs). This process only looks at rows; the children have their pools.
    database = await createSeededTestDatabase({ max: 2 });
    resend = await startFakeResend();
    const [port1, port2] = [await freePort(), await freePort()];
    api1 = `http://127.0.0.1:${port1}`;
    api2 = `http://127.0.0.1:${port2}`;
    const env: Record<string, string> = {
      ...PRODUCTION_ENV,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: '3',
      RESEND_BASE_URL: resend.url,
      WORKER_IN_PROCESS: 'false',
      WORKER_CONCURRENCY: '2',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      // The anti-enumeration floor (250 ms by default) only slows the test down.
      AUTH_RESPONSE_FLOOR_MS: '25',
    };
    // API 1 logs every request it receives: the shutdown test tells by them what it accepted.
    api1Child = start('api 1', 'src/server.ts', { ...env, PORT: String(port1), LOG_LEVEL: 'info' });
    const api2Child = start('api 2', 'src/server.ts', { ...env, PORT: String(port2) });
    start('worker 1', 'src/worker.ts', env);
    start('worker 2', 'src/worker.ts', env);
    await Promise.all([waitForHealth(api1Child, api1), waitForHealth(api2Child, api2)]);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${children.map((c) => c.tail()).join('\n')}`, { cause: err });
  }
});

afterAll(async () => {
  // Whatever a test left running: kill it, and wait for it, before the database goes.
  for (const c of children) if (!c.exited) c.proc.kill('SIGKILL');
  await Promise.all(children.map((c) => c.exit));
  await resend?.close();
  await database?.drop();
});

describe('two API processes and two workers on one database', () => {
  const email = `multi-${randomUUID().slice(0, 8)}@example.com`;
  let token: string;

  it('a session made on one API is valid on the other; enrolling on one shows on the other; signing out on one ends it on both', async () => {
    // Registered on 1, the email sent by a worker, verified on 2.
    await registerAndVerify(api1, api2, email);

    const login = await call<{ token: string; user: { email: string } }>(api1, 'POST', '/api/auth/login', {
      json: { email, password: PASSWORD },
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    token = login.body.token;
    const cookie = login.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie, 'the session cookie').toBeDefined();
    const cookieValue = cookie!.slice(SESSION_COOKIE.length + 1).split(';')[0]!;

    // The cookie of API 1 and the bearer token both work on API 2.
    const viaCookie = await call<{ user: { email: string } }>(api2, 'GET', '/api/auth/profile', {
      cookie: cookieValue,
    });
    expect(viaCookie.status, JSON.stringify(viaCookie.body)).toBe(200);
    expect(viaCookie.body.user.email).toBe(email);
    const viaBearer = await call<{ user: { email: string } }>(api2, 'GET', '/api/auth/profile', { token });
    expect(viaBearer.status).toBe(200);

    // Enrolled on 2 in a free program, seen on 1; a second try on 1 is refused (one enrollment).
    const free = await database.db.program.findFirstOrThrow({
      where: {
        status: 'published',
        deletedAt: null,
        priceBundle: 0,
        priceChatbot: 0,
        priceDocumentation: 0,
        priceExamSimulator: 0,
      },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    const enrolled = await call<{ enrollment: { programId: string; source: string } }>(
      api2,
      'POST',
      `/api/programs/${free.id}/enroll`,
      { token, json: {} },
    );
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(200);
    expect(enrolled.body.enrollment).toMatchObject({ programId: free.id, source: 'free' });
    const mine = await call<{ programs: { id: string }[] }>(api1, 'GET', '/api/users/enrolled-programs', { token });
    expect(mine.status).toBe(200);
    expect(mine.body.programs.map((p) => p.id)).toEqual([free.id]);
    const again = await call(api1, 'POST', `/api/programs/${free.id}/enroll`, { token, json: {} });
    expect(again.status).toBe(409);
    expect(await database.db.enrollment.count({ where: { programId: free.id, user: { email } } })).toBe(1);

    // Signed out on 2: the session is gone on 1, by token and by cookie.
    const out = await call(api2, 'POST', '/api/auth/logout', { token });
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    expect((await call(api1, 'GET', '/api/auth/profile', { token })).status).toBe(401);
    expect((await call(api1, 'GET', '/api/auth/profile', { cookie: cookieValue })).status).toBe(401);
  });

  it('a rate limit counts one budget across both APIs', async () => {
    // Password reset links per address: AUTH_LIMITS says how many an hour.
    const rule = AUTH_LIMITS.forgotPassword(email, '127.0.0.1').find((r) => r.key.startsWith('forgot:email:'))!;
    expect(rule.limit).toBe(3);
    const statuses: number[] = [];
    for (let i = 0; i < rule.limit + 2; i++) {
      const base = i % 2 === 0 ? api1 : api2; // 1, 2, 1, 2, 1
      statuses.push((await call(base, 'POST', '/api/auth/forgot-password', { json: { email } })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Another address is not affected: it is that address's budget, on either API.
    const other = await call(api2, 'POST', '/api/auth/forgot-password', { json: { email: `x-${email}` } });
    expect(other.status).toBe(200);
    // Each accepted request queued one email: three reset links reach the address (after its
    // verification and welcome emails), whichever API took the request.
    const resets = () => emailRequestsTo(email).filter((r) => String(r.body.text).includes('/reset-password?token='));
    await eventually('the password reset emails', async () => (await queuedJobs()) === 0 && resets().length >= 3);
    expect(resets().length).toBe(rule.limit);
    expect(emailRequestsTo(email).length).toBe(2 + rule.limit);
  });

  it('each job runs once although two workers take from the queue', async () => {
    // Ten more sign-ups, alternately on the two APIs: ten verification emails queued.
    const addresses = Array.from({ length: 10 }, (_, i) => `multi-job-${i}-${randomUUID().slice(0, 6)}@example.com`);
    const answers = await Promise.all(
      addresses.map((to, i) =>
        call(i % 2 === 0 ? api1 : api2, 'POST', '/api/auth/register', {
          json: { name: `Job ${i}`, email: to, password: PASSWORD },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(addresses.map(() => 200));
    await eventually('the queue to be empty', async () => (await queuedJobs()) === 0);
    // Every job asked Resend once: one request per address, each idempotency key once overall.
    expect(addresses.map((to) => emailRequestsTo(to).length)).toEqual(addresses.map(() => 1));
    const keys = resend.requests.filter((r) => r.path === '/emails').map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(keys.length);
    // verification + welcome + three resets for the first address, then one each.
    expect(keys.length).toBe(2 + 3 + addresses.length);
  });

  it('an API stopped under load answers every request it received, exits 0, and the other keeps serving', async () => {
    // ~20 requests in flight at all times, each on its own connection (no keep-alive), each with
    // its own id, until the stopped API refuses a connection.
    const agent = new http.Agent({ keepAlive: false });
    const { port } = new URL(api1);
    const outcomes: { id: string; outcome: string; afterSignal: boolean }[] = [];
    let signalled = false;
    let n = 0;
    const one = () =>
      new Promise<{ id: string; outcome: string; afterSignal: boolean }>((resolve) => {
        const id = `load-${++n}`;
        const done = (outcome: string) => resolve({ id, outcome, afterSignal: signalled });
        const req = http.get(
          {
            host: '127.0.0.1',
            port: Number(port),
            path: '/api/programs?limit=5',
            agent,
            headers: { 'x-request-id': id },
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () =>
              done(res.statusCode === 200 && body.includes('"success":true') ? 'ok' : `HTTP ${res.statusCode}`),
            );
            res.on('error', (err: NodeJS.ErrnoException) => done(`reset mid-answer ${err.code ?? err.message}`));
          },
        );
        req.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
      });
    let refused = false;
    const loop = async () => {
      while (!refused) {
        const o = await one();
        outcomes.push(o);
        if (o.outcome === 'ECONNREFUSED') refused = true;
      }
    };
    const loops = Array.from({ length: 20 }, loop);
    // Under load first: some requests answered before the signal.
    await eventually('requests answered before the signal', async () => outcomes.length >= 40);
    signalled = true;
    api1Child.proc.kill('SIGTERM');
    await Promise.all(loops);
    agent.destroy();
    const exit = await api1Child.exit;

    const counts = outcomes.reduce<Record<string, number>>(
      (acc, o) => ({ ...acc, [o.outcome]: (acc[o.outcome] ?? 0) + 1 }),
      {},
    );
    const why = `${JSON.stringify(counts)}\n${api1Child.tail()}`;
    // Every request the API received (logged) was answered 200: none reset mid-request, no 5xx.
    const received = outcomes.filter((o) => api1Child.received.has(o.id));
    expect(
      received.filter((o) => o.outcome !== 'ok'),
      why,
    ).toEqual([]);
    // The others never reached it: refused at connect once the listener was closed, or reset by
    // the kernel while still in the listen queue when it closed (the application never accepted
    // them; a proxy retries both on the other replica).
    const notReceived = outcomes.filter((o) => !api1Child.received.has(o.id));
    expect(
      notReceived.filter((o) => o.outcome !== 'ECONNREFUSED' && o.outcome !== 'ECONNRESET'),
      why,
    ).toEqual([]);
    expect(counts.ECONNREFUSED, why).toBeGreaterThan(0);
    expect(exit, api1Child.tail()).toEqual({ code: 0, signal: null });
    // Requests were in flight when the signal came, and were answered.
    expect(received.filter((o) => o.afterSignal).length, why).toBeGreaterThan(0);

    // The other API serves on, with the same data.
    const still = await call<{ programs: unknown[] }>(api2, 'GET', '/api/programs?limit=5');
    expect(still.status).toBe(200);
    expect(still.body.programs.length).toBeGreaterThan(0);
  });
});
