// Test databases for integration tests (`*.int.test.ts`): each is a copy of the template that
// the integration globalSetup migrated once (./testing/global-setup.ts), so it starts with the
// full schema and no rows, and costs tens of milliseconds instead of a migration run.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDb, type Db } from './index';
import { quoteIdent, withDatabase } from './url';
import './testing/provided-context';

export interface TestDatabase {
  /** Database name, `t_<run>_<random>`. */
  name: string;
  url: string;
  db: Db;
  /** Disconnects `db` and drops the database. Safe to call twice. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Pool size of `db`. Default 10, as in production. */
  max?: number;
  /** An empty database instead of a migrated copy (for tests of migrations themselves). */
  empty?: boolean;
  /** Copy this database instead of the run's migrated template (e.g. a seeded copy of it). */
  template?: string;
}

let adminPool: pg.Pool | undefined;

function admin(): pg.Pool {
  if (adminPool) return adminPool;
  const url = inject('pgAdminUrl');
  if (!url) {
    throw new Error(
      'No test PostgreSQL: run integration tests through the vitest "integration" project, ' +
        'whose globalSetup (packages/db/src/testing/global-setup.ts) starts it.',
    );
  }
  // Small and self-closing: it is only for CREATE/DROP DATABASE, and must not keep the worker alive.
  adminPool = new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 1000, allowExitOnIdle: true });
  adminPool.on('error', () => {});
  return adminPool;
}

export async function createTestDatabase(opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const template = opts.template ?? inject('pgTemplate');
  const pool = admin();
  // Named after the run's template so globalSetup's teardown can drop leftovers of a crashed file.
  const name = `${inject('pgTemplate').replace(/^tpl_/, 't_')}_${randomBytes(5).toString('hex')}`;
  if (opts.empty) await pool.query(`CREATE DATABASE ${quoteIdent(name)}`);
  else await cloneTemplate(pool, template, name);

  const url = withDatabase(inject('pgAdminUrl'), name);
  const db = createDb({ connectionString: url, max: opts.max ?? 10 });
  let dropped: Promise<void> | undefined;
  const drop = () =>
    (dropped ??= (async () => {
      await db.$disconnect();
      await pool.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    })());
  return { name, url, db, drop };
}

/**
 * A fresh database for the test file: created in beforeAll, dropped in afterAll. Read `db`
 * (or `url`) inside tests and hooks, not at module level.
 *
 *   const t = useTestDatabase();
 *   it('…', async () => { await t.db.user.create(…) });
 */
export function useTestDatabase(opts: TestDatabaseOptions = {}): Readonly<Omit<TestDatabase, 'drop'>> {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(opts);
  });
  afterAll(async () => {
    await current?.drop();
  });
  const get = (): TestDatabase => {
    if (!current) throw new Error('useTestDatabase(): the database exists only inside tests and hooks.');
    return current;
  };
  return {
    get name() {
      return get().name;
    },
    get url() {
      return get().url;
    },
    get db() {
      return get().db;
    },
  };
}

async function cloneTemplate(pool: pg.Pool, template: string, name: string): Promise<void> {
  // The template cannot be copied while anyone is connected to it. Connections to it are
  // disallowed after setup, but a backend that is still exiting counts for a moment.
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
      return;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code !== '55006' || attempt >= 100) throw err; // 55006: "source database is being accessed by other users"
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    }
  }
}
