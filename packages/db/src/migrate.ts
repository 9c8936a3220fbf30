// The product's own `prisma migrate deploy`, needing only `pg` (the Prisma CLI cannot run
// offline: see MIGRATIONS.md). It keeps Prisma's bookkeeping, so on a machine with the real CLI
// `prisma migrate status/deploy/resolve` see the same history, and vice versa.
//
// Where it deliberately differs from Prisma: a migration runs in ONE transaction together with
// its `_prisma_migrations` row, so a failure leaves nothing half-applied and nothing to
// `migrate resolve`. Scripts that manage their own transaction (or contain statements that
// cannot run in one) run as Prisma runs them, and a failure is recorded as Prisma records it.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { quoteIdent, redactUrl, splitSchemaParam } from './url';

/** The advisory lock key of Prisma's schema engine: CLI and this runner exclude each other. */
export const PRISMA_MIGRATION_LOCK_KEY = 72707369;

export interface MigrateOptions {
  connectionString: string;
  /** Default: the repository's prisma/migrations. */
  migrationsDir?: string;
  /** Progress and warnings, one line each. Default: silent. */
  log?: (message: string) => void;
  /** How long to wait for another migrator holding the lock. Default 60 s. */
  lockTimeoutMs?: number;
}

export interface MigrateResult {
  /** Names applied by this call, in order. */
  applied: string[];
  /** Migrations that were already applied before this call. */
  alreadyApplied: number;
  /** Edited or unknown applied migrations (also sent to `log`). */
  warnings: string[];
}

export interface MigrationStatus {
  /** Local migrations not applied yet, in order. */
  pending: string[];
  /** Unfinished, not rolled back: `migrate` refuses to run until they are resolved. */
  failed: string[];
  /** Applied, but the local migration.sql has changed since. */
  edited: string[];
  /** Applied, but missing locally. */
  unknown: string[];
  /** Count of applied migrations. */
  applied: number;
}

export type MigrationErrorCode =
  /** A migration failed earlier and was left unfinished (Prisma's P3009). */
  | 'P3009'
  /** A migration failed now (Prisma's P3018). */
  | 'P3018'
  | 'LOCK_TIMEOUT'
  | 'NO_MIGRATIONS_DIR';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly migrationName?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface LocalMigration {
  name: string;
  /** migration.sql as text (UTF-8). */
  sql: string;
  /** Hex SHA-256 of migration.sql's bytes: Prisma's `checksum`. */
  checksum: string;
}

/**
 * <repo>/prisma/migrations: the nearest `prisma/migrations` above this module, so any cwd works,
 * from the sources (packages/db/src) as well as from a bundle (apps/server/dist).
 */
export function defaultMigrationsDir(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'prisma', 'migrations');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));
  }
}

/** The migration folders (those holding a migration.sql), in name order as Prisma sorts them. */
export async function readMigrations(migrationsDir: string = defaultMigrationsDir()): Promise<LocalMigration[]> {
  let entries;
  try {
    entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new MigrationError('NO_MIGRATIONS_DIR', `Migrations directory not found: ${migrationsDir}`);
    }
    throw err;
  }
  // Plain code-unit order, as Prisma's (byte) order for the ASCII names it generates.
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const bytes = await fs.readFile(path.join(migrationsDir, name, 'migration.sql')).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    });
    if (!bytes) continue;
    migrations.push({ name, sql: bytes.toString('utf8'), checksum: sha256Hex(bytes) });
  }
  return migrations;
}

/** Applies pending migrations; a no-op when there are none. Safe to run concurrently. */
export async function migrate(opts: MigrateOptions): Promise<MigrateResult> {
  const log = opts.log ?? (() => {});
  const local = await readMigrations(opts.migrationsDir);
  const client = await connect(opts.connectionString);
  try {
    await acquireLock(client, opts.lockTimeoutMs ?? 60_000);
    try {
      // Under the lock: two concurrent CREATE TABLE IF NOT EXISTS can both pass the check, and one fails.
      await client.query(CREATE_MIGRATIONS_TABLE);
      const rows = await readRows(client);
      const status = computeStatus(local, rows);

      const warnings = [
        ...status.edited.map(
          (n) =>
            `warning: migration ${n} was modified after it was applied (its checksum differs); the change is NOT applied.`,
        ),
        ...status.unknown.map(
          (n) =>
            `warning: migration ${n} is applied in the database but missing from ${opts.migrationsDir ?? defaultMigrationsDir()}.`,
        ),
      ];
      for (const w of warnings) log(w);

      const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
      if (failed) throw failedMigrationError(failed);

      const applied: string[] = [];
      for (const name of status.pending) {
        const migration = local.find((m) => m.name === name);
        if (!migration) continue;
        const started = performance.now();
        if (runsOutsideTransaction(migration.sql)) await applyOwnTransaction(client, migration);
        else await applyInTransaction(client, migration);
        applied.push(name);
        log(`applied ${name} (${Math.round(performance.now() - started)} ms)`);
      }
      if (applied.length === 0) log(`database is up to date (${status.applied} migrations)`);
      return { applied, alreadyApplied: status.applied, warnings };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** Compares the migrations folder with the database without changing anything (no lock). */
export async function migrationStatus(opts: {
  connectionString: string;
  migrationsDir?: string;
}): Promise<MigrationStatus> {
  const local = await readMigrations(opts.migrationsDir);
  const client = await connect(opts.connectionString);
  try {
    const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`);
    const rows = exists.rows[0]?.t ? await readRows(client) : [];
    return computeStatus(local, rows);
  } finally {
    await client.end().catch(() => {});
  }
}

// --- bookkeeping -------------------------------------------------------------------------------

// Prisma's own definition (schema engine, PostgreSQL flavour), column for column.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function readRows(client: pg.Client): Promise<MigrationRow[]> {
  const res = await client.query<MigrationRow>(
    `SELECT id, checksum, migration_name, logs, started_at, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  return res.rows;
}

function computeStatus(local: LocalMigration[], rows: MigrationRow[]): MigrationStatus {
  const appliedRows = rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null);
  const appliedByName = new Map(appliedRows.map((r) => [r.migration_name, r]));
  const localNames = new Set(local.map((m) => m.name));
  return {
    pending: local.filter((m) => !appliedByName.has(m.name)).map((m) => m.name),
    failed: rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name),
    edited: local
      .filter((m) => {
        const row = appliedByName.get(m.name);
        return row !== undefined && !checksumMatches(m.sql, row.checksum, m.checksum);
      })
      .map((m) => m.name),
    unknown: [...appliedByName.keys()].filter((n) => !localNames.has(n)),
    applied: appliedByName.size,
  };
}

/**
 * Like Prisma, a file whose only change is its line endings (a Windows checkout) is not
 * "edited": the recorded checksum may be of the LF or the CRLF version.
 */
function checksumMatches(sql: string, recorded: string, fileChecksum: string): boolean {
  if (recorded === fileChecksum) return true;
  const lf = sql.replaceAll('\r\n', '\n');
  return recorded === sha256Hex(lf) || recorded === sha256Hex(lf.replaceAll('\n', '\r\n'));
}

function failedMigrationError(row: MigrationRow): MigrationError {
  const name = row.migration_name;
  return new MigrationError(
    'P3009',
    `Found a failed migration in the target database, new migrations will not be applied (P3009).\n` +
      `The \`${name}\` migration started at ${row.started_at.toISOString()} failed` +
      (row.logs ? `:\n${row.logs}` : '.') +
      `\nInspect the database, fix or revert what that migration left half-done, then mark it with ` +
      `\`prisma migrate resolve --rolled-back ${name}\` (to run it again) or \`--applied ${name}\`, ` +
      `or delete its unfinished row from "_prisma_migrations".`,
    name,
  );
}

// --- applying ----------------------------------------------------------------------------------

/** Row, script and "finished" in one transaction: a failure leaves no trace at all. */
async function applyInTransaction(client: pg.Client, m: LocalMigration): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, m.checksum, m.name],
    );
    // No parameters: pg sends it with the simple query protocol, the whole file as one query.
    await client.query(m.sql);
    // clock_timestamp(): now() is frozen at the transaction's start.
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw new MigrationError(
      'P3018',
      `Migration ${m.name} failed and was rolled back; nothing of it was applied.\n${describePgError(err, m.sql)}`,
      m.name,
      { cause: err },
    );
  }
}

/** As Prisma does it: row first, then the script on its own, then the outcome on the row. */
async function applyOwnTransaction(client: pg.Client, m: LocalMigration): Promise<void> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, m.checksum, m.name],
  );
  try {
    await client.query(m.sql);
  } catch (err) {
    // A failure between the script's BEGIN and COMMIT leaves the session in an aborted
    // transaction; end it so the failure can be recorded (a WARNING if there is none).
    await client.query('ROLLBACK').catch(() => {});
    const detail = describePgError(err, m.sql);
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, detail]).catch(() => {});
    throw new MigrationError(
      'P3018',
      `Migration ${m.name} failed. It manages its own transaction, so part of it may have been applied; ` +
        `it is recorded as failed and blocks further migrations until resolved ` +
        `(prisma migrate resolve).\n${detail}`,
      m.name,
      { cause: err },
    );
  }
  await client.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1`,
    [id],
  );
}

/** Postgres' message with its SQLSTATE, detail, hint and the line it points at. */
function describePgError(err: unknown, sql: string): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as Error & Partial<Record<'code' | 'detail' | 'hint' | 'position' | 'where', string>>;
  const parts = [`${e.message}${e.code ? ` (SQLSTATE ${e.code})` : ''}`];
  if (e.position) {
    const before = sql.slice(0, Number(e.position) - 1).split('\n');
    const line = before.length;
    parts.push(`at migration.sql line ${line}: ${(sql.split('\n')[line - 1] ?? '').trim()}`);
  }
  if (e.detail) parts.push(`detail: ${e.detail}`);
  if (e.hint) parts.push(`hint: ${e.hint}`);
  if (e.where) parts.push(`where: ${e.where}`);
  return parts.join('\n');
}

// --- connection and lock -----------------------------------------------------------------------

async function connect(url: string): Promise<pg.Client> {
  const { connectionString, schema } = splitSchemaParam(url);
  const client = new pg.Client({ connectionString, application_name: 'learningpt-migrate' });
  // Without a listener an 'error' (server shut down, connection killed) would crash the
  // process; the pending query rejects anyway.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`Cannot connect to ${redactUrl(url)}: ${(err as Error).message}`, { cause: err });
  }
  if (schema !== undefined) {
    // Prisma's ?schema=: the migrations and their bookkeeping live in that schema.
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(`SET search_path TO ${quoteIdent(schema)}`);
  }
  return client;
}

async function acquireLock(client: pg.Client, timeoutMs: number): Promise<void> {
  // lock_timeout also bounds advisory lock waits.
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATION_LOCK_KEY]);
  } catch (err) {
    if ((err as { code?: unknown }).code === '55P03') {
      throw new MigrationError(
        'LOCK_TIMEOUT',
        `Timed out after ${timeoutMs} ms waiting for the migration lock (pg_advisory_lock(${PRISMA_MIGRATION_LOCK_KEY})): ` +
          `another migration run holds it.`,
      );
    }
    throw err;
  } finally {
    await client.query('RESET lock_timeout').catch(() => {});
  }
}

// --- SQL scanning ------------------------------------------------------------------------------

/**
 * Whether a script must run outside our transaction: it controls transactions itself (Prisma
 * emits BEGIN; … COMMIT; for some enum changes), or holds a statement PostgreSQL refuses inside
 * a transaction block. The script itself is still sent whole; this only looks at it.
 */
export function runsOutsideTransaction(sql: string): boolean {
  for (const words of topLevelStatements(sql)) {
    const [a = '', b = ''] = words;
    if (['BEGIN', 'COMMIT', 'END', 'ROLLBACK', 'ABORT'].includes(a)) return true;
    if (a === 'START' && b === 'TRANSACTION') return true;
    if (a === 'VACUUM' || (a === 'ALTER' && b === 'SYSTEM')) return true;
    if ((a === 'CREATE' || a === 'DROP') && (b === 'DATABASE' || b === 'TABLESPACE')) return true;
    if (words.includes('CONCURRENTLY')) return true;
  }
  return false;
}

/**
 * The bare words (upper-cased) of each top-level statement. Comments, string literals (incl.
 * E'' escapes), quoted identifiers and dollar-quoted bodies are skipped, and `;` inside a
 * SQL-standard function body (BEGIN ATOMIC … END) does not end the statement, as in psql.
 */
export function topLevelStatements(sql: string): string[][] {
  const statements: string[][] = [];
  let words: string[] = [];
  let blockDepth = 0; // BEGIN/CASE … END nesting inside CREATE FUNCTION/PROCEDURE
  const isWordStart = (c: string) => /[A-Za-z_\u0080-\uffff]/.test(c);
  const isWordChar = (c: string) => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] ?? '';
    const next = sql[i + 1] ?? '';
    if (c === '-' && next === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl === -1 ? sql.length : nl + 1;
    } else if (c === '/' && next === '*') {
      let depth = 1; // PostgreSQL block comments nest
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql.startsWith('/*', i)) depth++;
        else if (sql.startsWith('*/', i)) depth--;
        else {
          i++;
          continue;
        }
        i += 2;
      }
    } else if (c === "'") {
      // E'…' strings take backslash escapes (E'it\'s'); standard strings do not.
      const escapes = /[eE]/.test(sql[i - 1] ?? '') && !isWordChar(sql[i - 2] ?? ' ');
      i++;
      while (i < sql.length) {
        const ch = sql[i];
        if (escapes && ch === '\\') i += 2;
        else if (ch === "'" && sql[i + 1] === "'") i += 2;
        else if (ch === "'") break;
        else i++;
      }
      i++;
    } else if (c === '"') {
      i++;
      while (i < sql.length && !(sql[i] === '"' && sql[i + 1] !== '"')) i += sql[i] === '"' ? 2 : 1;
      i++;
      words.push('"');
    } else if (c === '$' && !isWordChar(sql[i - 1] ?? ' ')) {
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 64));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        i = close === -1 ? sql.length : close + tag[0].length;
        words.push('$$');
      } else i++; // $1 parameter
    } else if (isWordStart(c)) {
      let j = i + 1;
      while (j < sql.length && isWordChar(sql[j] ?? '')) j++;
      const word = sql.slice(i, j).toUpperCase();
      i = j;
      // The E of E'…' is a prefix, not a word; it is recognised above by looking back.
      if (word === 'E' && sql[j] === "'") continue;
      const inRoutine = words[0] === 'CREATE' && words.slice(1, 5).some((w) => w === 'FUNCTION' || w === 'PROCEDURE');
      if (inRoutine && (word === 'BEGIN' || word === 'CASE')) blockDepth++;
      else if (inRoutine && word === 'END' && blockDepth > 0) blockDepth--;
      words.push(word);
    } else if (c === ';' && blockDepth === 0) {
      if (words.length) statements.push(words);
      words = [];
      i++;
    } else i++;
  }
  if (words.length) statements.push(words);
  return statements;
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
