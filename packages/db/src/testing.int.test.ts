import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { readMigrations } from './migrate';
import { createTestDatabase, useTestDatabase } from './testing';

async function databaseExists(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

describe('createTestDatabase', () => {
  it('gives isolated databases, each a migrated copy of the template', async () => {
    const started = performance.now();
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const cloneMs = performance.now() - started;
    try {
      expect(a.name).not.toBe(b.name);
      expect(a.name).toMatch(/^t_\d+_[0-9a-f]+_[0-9a-f]{10}$/);

      // Both start with every migration applied and no data.
      const migrations = (await readMigrations()).map((m) => m.name);
      for (const t of [a, b]) {
        const rows = await t.db.$queryRaw<{ migration_name: string }[]>`
          SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
        expect(rows.map((r) => r.migration_name)).toEqual(migrations);
      }

      // What one test file writes, the other does not see.
      await a.db.$executeRawUnsafe('CREATE TABLE only_in_a (v text)');
      await a.db.$executeRawUnsafe(`INSERT INTO only_in_a VALUES ('x')`);
      const inB = await b.db.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('only_in_a')::text AS t`;
      expect(inB).toEqual([{ t: null }]);
      expect(await a.db.$queryRaw`SELECT v FROM only_in_a`).toEqual([{ v: 'x' }]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
    expect(await databaseExists(a.name)).toBe(false);
    expect(await databaseExists(b.name)).toBe(false);
    await a.drop(); // a second drop is harmless

    // Typically 30–60 ms each; printed on request, never asserted (timing is not correctness).
    if (process.env.LEARNINGPT_DB_TIMINGS === '1')
      console.log(`[db] two clones in parallel: ${Math.round(cloneMs)} ms`);
  });

  it('drop() works while the client is busy and other sessions are connected', async () => {
    const t = await createTestDatabase();
    const other = new pg.Client({ connectionString: t.url });
    other.on('error', () => {}); // it is terminated by DROP … WITH (FORCE)
    await other.connect();
    await t.db.$queryRaw`SELECT 1`;
    await t.drop();
    expect(await databaseExists(t.name)).toBe(false);
    await other.end().catch(() => {});
  });
});

describe('useTestDatabase', () => {
  const t = useTestDatabase();

  it('provides a ready client for the whole file', async () => {
    expect(await t.db.$queryRaw`SELECT current_database() AS db`).toEqual([{ db: t.name }]);
    expect(t.url).toContain(t.name);
  });
});
