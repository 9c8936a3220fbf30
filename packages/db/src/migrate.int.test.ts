import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, migrate, MigrationError, migrationStatus, PRISMA_MIGRATION_LOCK_KEY } from './migrate';
import { createTestDatabase, type TestDatabase } from './testing';

// Each test gets an empty database and its own migrations folder, so these tests do not
// depend on the product's schema.
let t: TestDatabase;
let dir: string;
const clients: pg.Client[] = [];

beforeEach(async () => {
  t = await createTestDatabase({ empty: true, max: 2 });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'learningpt-migrations-'));
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end()));
  await t.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(migrations: Record<string, string>): Promise<void> {
  for (const [name, sql] of Object.entries(migrations)) {
    await fs.mkdir(path.join(dir, name), { recursive: true });
    await fs.writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
}

async function sql<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]) {
  let client = clients[0];
  if (!client) {
    client = new pg.Client({ connectionString: t.url });
    await client.connect();
    clients.push(client);
  }
  return (await client.query<R>(text, values)).rows;
}

interface Row {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}
const rows = () => sql<Row>('SELECT * FROM _prisma_migrations ORDER BY migration_name, started_at');
const tableExists = async (name: string) =>
  (await sql<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name]))[0]?.t != null;
const run = (extra: { log?: (m: string) => void } = {}) =>
  migrate({ connectionString: t.url, migrationsDir: dir, ...extra });
const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

const INIT = 'CREATE TABLE account (id int PRIMARY KEY, email text NOT NULL UNIQUE);\n';
const SECOND =
  "CREATE TABLE course (id int PRIMARY KEY, title text NOT NULL);\nINSERT INTO course VALUES (1, 'SQL');\n";

describe('migrate', () => {
  it('applies pending migrations in name order; a second run is a no-op', async () => {
    // Written out of order: the folder name decides.
    await write({ '20240102000000_course': SECOND, '20240101000000_init': INIT });
    await fs.writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    await fs.mkdir(path.join(dir, 'not_a_migration')); // no migration.sql: ignored

    const first = await run();
    expect(first).toEqual({
      applied: ['20240101000000_init', '20240102000000_course'],
      alreadyApplied: 0,
      warnings: [],
    });
    const before = await rows();
    expect(before.map((r) => [r.migration_name, r.checksum, r.applied_steps_count, r.logs, r.rolled_back_at])).toEqual([
      ['20240101000000_init', sha256(INIT), 1, null, null],
      ['20240102000000_course', sha256(SECOND), 1, null, null],
    ]);
    expect(before.every((r) => r.finished_at instanceof Date)).toBe(true);

    const second = await run();
    expect(second).toEqual({ applied: [], alreadyApplied: 2, warnings: [] });
    expect(await rows()).toEqual(before);
    expect(await sql('SELECT * FROM course')).toEqual([{ id: 1, title: 'SQL' }]);
    expect(await migrationStatus({ connectionString: t.url, migrationsDir: dir })).toEqual({
      pending: [],
      failed: [],
      edited: [],
      unknown: [],
      applied: 2,
    });
  });

  it('creates _prisma_migrations with exactly the columns of Prisma', async () => {
    await run();
    const cols = await sql(
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(cols).toEqual([
      { column_name: 'id', data_type: 'character varying', len: 36, is_nullable: 'NO', column_default: null },
      { column_name: 'checksum', data_type: 'character varying', len: 64, is_nullable: 'NO', column_default: null },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        len: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      { column_name: 'logs', data_type: 'text', len: null, is_nullable: 'YES', column_default: null },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        len: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      { column_name: 'applied_steps_count', data_type: 'integer', len: null, is_nullable: 'NO', column_default: '0' },
    ]);
  });

  it('six concurrent runs apply each migration exactly once', async () => {
    // CREATE TABLE without IF NOT EXISTS: a second application would fail.
    const migrations: Record<string, string> = {};
    for (let i = 1; i <= 5; i++) migrations[`2024010${i}000000_m${i}`] = `CREATE TABLE t${i} (id int);\n`;
    await write(migrations);

    const results = await Promise.all(Array.from({ length: 6 }, () => run()));

    expect(results.flatMap((r) => r.applied).sort()).toEqual(Object.keys(migrations).sort());
    expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1); // the first to get the lock does all
    const r = await rows();
    expect(r.map((x) => x.migration_name)).toEqual(Object.keys(migrations).sort());
    expect(r.every((x) => x.finished_at !== null && x.logs === null)).toBe(true);
    // The lock is released when the runs are over.
    expect(
      await sql('SELECT count(*)::int AS n FROM pg_locks WHERE locktype = $1 AND objid = $2', [
        'advisory',
        PRISMA_MIGRATION_LOCK_KEY,
      ]),
    ).toEqual([{ n: 0 }]);
  });

  it('a failing migration leaves nothing half-applied, names itself and can be fixed and rerun', async () => {
    const broken = 'CREATE TABLE half (id int);\n\nINSERT INTO missing_table VALUES (1);\n';
    await write({ '20240101000000_init': INIT, '20240102000000_broken': broken });

    const err = await run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    const me = err as MigrationError;
    expect(me.code).toBe('P3018');
    expect(me.migrationName).toBe('20240102000000_broken');
    expect(me.message).toContain('Migration 20240102000000_broken failed and was rolled back');
    expect(me.message).toContain('relation "missing_table" does not exist (SQLSTATE 42P01)');
    expect(me.message).toContain('at migration.sql line 3: INSERT INTO missing_table VALUES (1);');

    expect(await tableExists('half')).toBe(false); // the first statement was rolled back too
    expect(await tableExists('account')).toBe(true); // earlier migrations are intact
    expect((await rows()).map((r) => r.migration_name)).toEqual(['20240101000000_init']);

    await write({ '20240102000000_broken': 'CREATE TABLE half (id int);\n' });
    expect(await run()).toMatchObject({ applied: ['20240102000000_broken'], alreadyApplied: 1 });
  });

  it('warns about an edited applied migration, but not about line endings alone', async () => {
    await write({ '20240101000000_init': INIT });
    await run();

    await write({ '20240101000000_init': INIT.replaceAll('\n', '\r\n') }); // a Windows checkout
    expect((await run()).warnings).toEqual([]);

    await write({ '20240101000000_init': INIT + 'CREATE INDEX ON account (email);\n' });
    const logged: string[] = [];
    const result = await run({ log: (m) => logged.push(m) });
    expect(result.applied).toEqual([]);
    expect(result.warnings).toEqual([
      'warning: migration 20240101000000_init was modified after it was applied (its checksum differs); the change is NOT applied.',
    ]);
    expect(logged).toContain(result.warnings[0]);
    expect((await migrationStatus({ connectionString: t.url, migrationsDir: dir })).edited).toEqual([
      '20240101000000_init',
    ]);
  });

  it('warns about an applied migration missing locally', async () => {
    await write({ '20240101000000_init': INIT, '20240102000000_course': SECOND });
    await run();
    await fs.rm(path.join(dir, '20240102000000_course'), { recursive: true });
    const result = await run();
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/migration 20240102000000_course is applied in the database but missing/);
  });

  it('refuses to run while a migration is unfinished (P3009), and reapplies it once rolled back', async () => {
    await write({ '20240101000000_init': INIT });
    await run();
    await write({ '20240102000000_course': SECOND });
    // What a crashed `prisma migrate deploy` leaves behind.
    await sql(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at)
       VALUES ('00000000-0000-4000-8000-000000000000', $1, '20240102000000_course', 'boom', now())`,
      [sha256(SECOND)],
    );

    const err = (await run().catch((e: unknown) => e)) as MigrationError;
    expect(err).toBeInstanceOf(MigrationError);
    expect(err.code).toBe('P3009');
    expect(err.message).toContain('The `20240102000000_course` migration started at');
    expect(err.message).toContain('boom');
    expect(err.message).toContain('prisma migrate resolve --rolled-back 20240102000000_course');
    expect(await tableExists('course')).toBe(false);
    expect((await migrationStatus({ connectionString: t.url, migrationsDir: dir })).failed).toEqual([
      '20240102000000_course',
    ]);

    // `prisma migrate resolve --rolled-back` sets rolled_back_at; the migration is pending again.
    await sql(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL`);
    expect((await run()).applied).toEqual(['20240102000000_course']);
    expect((await rows()).filter((r) => r.migration_name === '20240102000000_course')).toHaveLength(2);
  });

  it('runs a script with its own BEGIN/COMMIT outside a transaction, as Prisma does', async () => {
    // The shape Prisma generates when an enum loses a value.
    const enumChange = `-- AlterEnum
BEGIN;
CREATE TYPE "Mood_new" AS ENUM ('happy', 'sad');
ALTER TABLE "person" ALTER COLUMN "mood" TYPE "Mood_new" USING ("mood"::text::"Mood_new");
ALTER TYPE "Mood" RENAME TO "Mood_old";
ALTER TYPE "Mood_new" RENAME TO "Mood";
DROP TYPE "Mood_old";
COMMIT;
`;
    await write({
      '20240101000000_init': `CREATE TYPE "Mood" AS ENUM ('happy', 'sad', 'meh');\nCREATE TABLE "person" (id int, mood "Mood");\nINSERT INTO person VALUES (1, 'sad');\n`,
      '20240102000000_enum': enumChange,
    });
    expect((await run()).applied).toEqual(['20240101000000_init', '20240102000000_enum']);
    expect(await sql(`SELECT enum_range(NULL::"Mood")::text AS r`)).toEqual([{ r: '{happy,sad}' }]);
    expect((await rows()).every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it('records a failed self-managed script as Prisma does, which then blocks (P3009)', async () => {
    await write({
      '20240101000000_init': INIT,
      '20240102000000_own_tx': 'BEGIN;\nCREATE TABLE x (id int);\nSELECT 1/0;\nCOMMIT;\n',
    });
    const err = (await run().catch((e: unknown) => e)) as MigrationError;
    expect(err.code).toBe('P3018');
    expect(err.message).toContain('Migration 20240102000000_own_tx failed. It manages its own transaction');
    expect(err.message).toContain('division by zero');
    expect(await tableExists('x')).toBe(false); // its own transaction was rolled back
    const failed = (await rows()).find((r) => r.migration_name === '20240102000000_own_tx');
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failed?.logs).toContain('division by zero');

    expect(((await run().catch((e: unknown) => e)) as MigrationError).code).toBe('P3009');
  });

  it('sends each file as one query: $$ bodies, DO blocks, and semicolons in strings and comments', async () => {
    const tricky = `-- a comment; with a semicolon and a 'quote
/* a block comment; /* nested; */ still comment; */
CREATE TABLE note (id serial PRIMARY KEY, body text NOT NULL);
INSERT INTO note (body) VALUES ('semi;colon'), ('it''s; quoted'), (E'back\\'slash;'), ($tag$dollar; $$ quoted$tag$);
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  -- a comment; inside a body
  RETURN i + 1;
END;
$$;
DO $$
BEGIN
  INSERT INTO note (body) VALUES ('from a DO block;');
END
$$;
CREATE FUNCTION twice(i int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT i * 2;
END;
CREATE TABLE "semi;colon" (id int);
`;
    await write({ '20240101000000_tricky': tricky, '20240102000000_empty': '-- This is an empty migration.' });
    expect((await run()).applied).toEqual(['20240101000000_tricky', '20240102000000_empty']);
    expect((await sql<{ body: string }>('SELECT body FROM note ORDER BY id')).map((r) => r.body)).toEqual([
      'semi;colon',
      "it's; quoted",
      "back'slash;",
      'dollar; $$ quoted',
      'from a DO block;',
    ]);
    expect(await sql('SELECT add_one(1) AS a, twice(4) AS b')).toEqual([{ a: 2, b: 8 }]);
    expect(await tableExists('"semi;colon"')).toBe(true);
  });

  it('keeps the bookkeeping in the ?schema= of the URL, as Prisma does', async () => {
    await write({ '20240101000000_init': INIT });
    const url = new URL(t.url);
    url.searchParams.set('schema', 'app');
    expect((await migrate({ connectionString: url.toString(), migrationsDir: dir })).applied).toHaveLength(1);
    expect(await tableExists('app._prisma_migrations')).toBe(true);
    expect(await tableExists('app.account')).toBe(true);
    expect(await tableExists('public._prisma_migrations')).toBe(false);
  });

  it('fails clearly when the migrations directory does not exist', async () => {
    await expect(migrate({ connectionString: t.url, migrationsDir: path.join(dir, 'nope') })).rejects.toMatchObject({
      code: 'NO_MIGRATIONS_DIR',
    });
  });
});

// The product's real migrations (prisma/migrations): they must deploy on an empty database.
const realDir = defaultMigrationsDir();
const realNames = existsSync(realDir)
  ? readdirSync(realDir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(realDir, e.name, 'migration.sql')))
      .map((e) => e.name)
      .sort()
  : [];

describe.skipIf(realNames.length === 0)('the repository migrations (prisma/migrations)', () => {
  let real: TestDatabase;
  afterAll(async () => {
    await real?.drop();
  });

  it('deploy to an empty database; _prisma_migrations matches the folders and their checksums', async () => {
    real = await createTestDatabase({ empty: true, max: 1 });
    const result = await migrate({ connectionString: real.url });
    expect(result).toEqual({ applied: realNames, alreadyApplied: 0, warnings: [] });

    const client = new pg.Client({ connectionString: real.url });
    await client.connect();
    try {
      const { rows: applied } = await client.query<Row>('SELECT * FROM _prisma_migrations ORDER BY migration_name');
      expect(applied.map((r) => r.migration_name)).toEqual(realNames);
      for (const row of applied) {
        const file = readFileSync(path.join(realDir, row.migration_name, 'migration.sql'));
        expect(row.checksum, row.migration_name).toBe(sha256(file));
        expect(row.finished_at, row.migration_name).not.toBeNull();
      }
    } finally {
      await client.end();
    }
    expect(await migrate({ connectionString: real.url })).toEqual({
      applied: [],
      alreadyApplied: realNames.length,
      warnings: [],
    });
  });
});
