// GET /api/admin/reports/{kind}.csv: CSV escaping (quotes, commas, line breaks, formulas), the
// date range, the download headers, and a 10⁵-row report streamed in batches with the server's
// live heap staying flat (measured after forced collections, so garbage does not count).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, reportCsv, resolveRange } from '@learningpt/core';
import { startTestServer, type TestServer } from '../../testing/harness';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

let s: TestServer;
let base: string;
let adminToken: string;
const BULK = 100_000;
const MB = 1024 * 1024;

/** A small RFC 4180 parser (quoted fields, doubled quotes, CRLF), to read the reports back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

beforeAll(async () => {
  s = await startTestServer({ seeded: false });
  s.clock.set(new Date('2026-06-15T12:00:00Z'));
  const admin = await s.db.user.create({
    data: { email: 'admin@example.org', name: 'Admin', role: 'admin', createdAt: new Date('2026-01-01T00:00:00Z') },
  });
  adminToken = (await s.sessionFor('admin', admin.id)).token;
  // Names that need escaping, in March.
  const tricky = [
    'Plain Name',
    'Doe, Jane',
    'Say "hi"',
    'Two\nLines',
    '=HYPERLINK("http://evil.example","click")',
    '+1 555',
    '-2+3',
    '@SUM(A1)',
  ];
  for (const [i, name] of tricky.entries()) {
    await s.db.user.create({
      data: { email: `tricky${i}@example.org`, name, createdAt: new Date(Date.UTC(2026, 2, 1 + i)) },
    });
  }
  // 10⁵ users in April, one set-based insert; each row ~300 bytes of CSV, ~30 MB in all.
  await s.db.$executeRaw`
    INSERT INTO "User" (id, email, name, role, status, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'bulk' || g || '@example.org', 'Bulk, "user" ' || g || ' ' || repeat('x', 200),
      'student', 'active', timestamptz '2026-04-01 00:00:00+00' + (g / 7) * interval '1 second', now()
    FROM generate_series(1, ${BULK}) AS g`;
  base = await s.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => s?.close());

describe('CSV fields', () => {
  it('quotes, doubles quotes and neutralises formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('+x')).toBe("'+x");
    expect(csvField('-x,y')).toBe(`"'-x,y"`);
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(csvField(new Date('2026-05-01T00:00:00Z'))).toBe('2026-05-01T00:00:00.000Z');
  });
});

describe('GET /api/admin/reports/{kind}.csv', () => {
  it('answers an attachment with a header row, the range only, every field escaped', async () => {
    const res = await s.rest({
      url: '/api/admin/reports/users.csv?from=2026-03-01&to=2026-03-31',
      headers: s.bearer(adminToken),
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="users-2026-03-01-to-2026-03-31.csv"');
    const rows = parseCsv(res.body as string);
    expect(rows[0]).toEqual(['id', 'name', 'email', 'role', 'status', 'emailVerified', 'createdAt', 'lastLoginAt']);
    expect(rows.slice(1).map((r) => r[1])).toEqual([
      'Plain Name',
      'Doe, Jane',
      'Say "hi"',
      'Two\nLines',
      `'=HYPERLINK("http://evil.example","click")`,
      "'+1 555",
      "'-2+3",
      "'@SUM(A1)",
    ]);
    expect(rows.slice(1).every((r) => r.length === 8)).toBe(true);
    expect(rows[1]![6]).toBe('2026-03-01T00:00:00.000Z');
  });

  it('answers every kind, with its header, on an empty range', async () => {
    for (const kind of ['orders', 'users', 'enrollments', 'revenue', 'events']) {
      const res = await s.rest({
        url: `/api/admin/reports/${kind}.csv?from=2025-01-01&to=2025-01-31`,
        headers: s.bearer(adminToken),
      });
      expect({ kind, status: res.status, lines: (res.body as string).split('\r\n').length }).toEqual({
        kind,
        status: 200,
        lines: 2, // the header, then the final empty string
      });
    }
  });

  it('refuses an unknown report (404) and a bad range (400)', async () => {
    const unknown = await s.rest<{ error: { code: string; message: string } }>({
      url: '/api/admin/reports/secrets.csv',
      headers: s.bearer(adminToken),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('orders.csv');
    const backwards = await s.rest<{ error: { code: string } }>({
      url: '/api/admin/reports/orders.csv?from=2026-05-02&to=2026-05-01',
      headers: s.bearer(adminToken),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.code).toBe('BAD_REQUEST');
  });

  it('reads the rows in batches, sending the first before the second is read', async () => {
    const range = resolveRange(s.clock, { from: '2026-04-01', to: '2026-04-30' });
    const batches: number[] = [];
    const gen = reportCsv({ db: s.db }, { kind: 'users', range, onBatch: (n) => batches.push(n) });
    expect((await gen.next()).value).toMatch(/^id,name,email/); // the header, before any query
    expect(batches).toEqual([]);
    await gen.next(); // the first batch's rows
    expect(batches).toEqual([1000]);
    let rows = 1000;
    for await (const chunk of gen) rows += chunk.split('\r\n').length - 1;
    expect(rows).toBe(BULK);
    expect(batches).toHaveLength(BULK / 1000 + 1); // 100 full batches, then the empty one that ends it
  });

  it(`streams ${BULK} rows over HTTP with the live heap flat`, async () => {
    gc();
    const baseline = process.memoryUsage().heapUsed;
    const res = await fetch(`${base}/api/admin/reports/users.csv?from=2026-04-01&to=2026-04-30`, {
      headers: s.bearer(adminToken),
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let lines = 0;
    let bytes = 0;
    let chunks = 0;
    let peak = 0;
    let first = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      if (!first) first = text.slice(0, 40);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
      if (++chunks % 25 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(first).toMatch(/^id,name,email,role/);
    // Names hold no line breaks: one line per user and the header.
    expect(lines).toBe(BULK + 1);
    // The report is larger than the bound: holding it (or its rows) whole could not pass.
    expect(bytes).toBeGreaterThan(25 * MB);
    expect(chunks).toBeGreaterThan(100);
    expect(peak).toBeLessThan(16 * MB);
  });
});
