import pg from 'pg';
import { inject, describe, expect, it } from 'vitest';
import {
  createDb,
  isSerializationFailure,
  isUniqueViolation,
  queryRows,
  sqlState,
  withSerializableRetry,
} from './index';
import { useTestDatabase } from './testing';

const t = useTestDatabase();

async function connectionsTo(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return rows[0]?.n ?? -1;
  } finally {
    await admin.end();
  }
}

describe('createDb', () => {
  it('bounds the pool at `max` connections and closes it on $disconnect()', async () => {
    const baseline = await connectionsTo(t.name);
    const db = createDb({ connectionString: t.url, max: 3 });
    let done = false;
    const sleeps = Promise.all(Array.from({ length: 10 }, () => db.$queryRaw`SELECT pg_sleep(0.1)::text`)).finally(
      () => (done = true),
    );
    let peak = baseline;
    while (!done) peak = Math.max(peak, await connectionsTo(t.name));
    await sleeps;
    expect(peak).toBe(baseline + 3);
    await db.$disconnect();
    expect(await connectionsTo(t.name)).toBe(baseline);
  });

  it('fails fast when no connection can be had', async () => {
    const url = new URL(t.url);
    url.port = '1'; // nothing listens there
    const db = createDb({ connectionString: url.toString(), connectionTimeoutMillis: 500 });
    await expect(db.$queryRaw`SELECT 1`).rejects.toThrow();
    await db.$disconnect();
  });
});

describe('queryRows', () => {
  const SQL = `SELECT $1::uuid AS id, $2::timestamptz AS at, ARRAY['a', 'b']::text[] AS tags,
      json_build_object('n', 1, 'x', ARRAY[1.5]) AS doc, 42::int AS n, 0.25::double precision AS f,
      NULL::text AS none, $3::boolean AS yes`;
  const values = ['0190f5c4-7e2a-7c3b-9a55-8d1e2f3a4b5c', new Date('2026-12-03T12:00:00.123Z'), true];

  it('answers what $queryRawUnsafe answers, on the pool directly', async () => {
    const direct = await queryRows(t.db, SQL, values);
    expect(direct).toEqual(await t.db.$queryRawUnsafe(SQL, ...values));
    expect(direct).toEqual([
      {
        id: values[0],
        at: values[1],
        tags: ['a', 'b'],
        doc: { n: 1, x: [1.5] },
        n: 42,
        f: 0.25,
        none: null,
        yes: true,
      },
    ]);
  });

  it('used first, before any Prisma query, still leaves the pool to $disconnect', async () => {
    const baseline = await connectionsTo(t.name);
    const db = createDb({ connectionString: t.url, max: 2 });
    expect(await queryRows<{ n: number }>(db, 'SELECT 1::int AS n', [])).toEqual([{ n: 1 }]);
    expect(await connectionsTo(t.name)).toBeGreaterThan(baseline);
    await db.$disconnect();
    expect(await connectionsTo(t.name)).toBe(baseline);
  });

  it('runs on the transaction’s connection when given a transaction client', async () => {
    const email = `query-rows-${Date.now()}@example.org`;
    await t.db.$transaction(async (tx) => {
      await tx.user.create({ data: { email, name: 'In the transaction' } });
      const inside = await queryRows<{ n: number }>(tx, 'SELECT count(*)::int AS n FROM "User" WHERE email = $1', [
        email,
      ]);
      const outside = await queryRows<{ n: number }>(t.db, 'SELECT count(*)::int AS n FROM "User" WHERE email = $1', [
        email,
      ]);
      expect([inside[0]!.n, outside[0]!.n]).toEqual([1, 0]);
    });
  });
});

describe('isUniqueViolation', () => {
  it('recognises a duplicate through a model (P2002)', async () => {
    const email = `dup-${Date.now()}@example.com`;
    await t.db.user.create({ data: { email, name: 'A' } });
    const err = await t.db.user.create({ data: { email, name: 'B' } }).catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('recognises a duplicate through raw SQL and straight from pg (23505)', async () => {
    await t.db.$executeRawUnsafe('CREATE TABLE uniq_probe (k text PRIMARY KEY)');
    await t.db.$executeRaw`INSERT INTO uniq_probe VALUES ('a')`;
    const viaPrisma = await t.db.$executeRaw`INSERT INTO uniq_probe VALUES ('a')`.catch((e: unknown) => e);
    expect(isUniqueViolation(viaPrisma)).toBe(true);

    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    const viaPg = await client.query(`INSERT INTO uniq_probe VALUES ('a')`).catch((e: unknown) => e);
    await client.end();
    expect(isUniqueViolation(viaPg)).toBe(true);
  });
});

describe('sqlState', () => {
  it("reads PostgreSQL's SQLSTATE through Prisma (raw queries) and from pg", async () => {
    expect(sqlState(await t.db.$queryRaw`SELECT * FROM no_such_table`.catch((e: unknown) => e))).toBe('42P01');
    const raised = await t.db.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'nope'; END $$`).catch((e: unknown) => e);
    expect(sqlState(raised)).toBe('P0001');
    expect(sqlState(new Error('plain'))).toBeUndefined();
  });
});

describe('withSerializableRetry', () => {
  it('retries transactions that PostgreSQL aborts for a serialization conflict', async () => {
    await t.db.$executeRawUnsafe('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)');
    await t.db.$executeRawUnsafe('INSERT INTO counter VALUES (1, 0)');
    let attempts = 0;
    // Read-then-write by 8 concurrent transactions: without retries some would fail (40001).
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withSerializableRetry(
          t.db,
          async (tx) => {
            attempts++;
            const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT n FROM counter WHERE id = 1`;
            await tx.$executeRaw`UPDATE counter SET n = ${(row?.n ?? 0) + 1} WHERE id = 1`;
          },
          { maxAttempts: 20 },
        ),
      ),
    );
    const [row] = await t.db.$queryRaw<{ n: number }[]>`SELECT n FROM counter WHERE id = 1`;
    expect(row?.n).toBe(8);
    expect(attempts).toBeGreaterThan(8); // conflicts did happen and were retried
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    const err = await withSerializableRetry(t.db, async (tx) => {
      attempts++;
      await tx.$executeRaw`SELECT 1/0`;
    }).catch((e: unknown) => e);
    expect(attempts).toBe(1);
    expect(isSerializationFailure(err)).toBe(false);
  });
});
