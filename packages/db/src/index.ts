// The database client: Prisma 7 over the `pg` driver adapter. Everything else takes a `Db`
// as a parameter; nothing here is a singleton.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Prisma, PrismaClient } from './generated/prisma/client';
import { splitSchemaParam } from './url';

export * from './generated/prisma/client';

export type Db = PrismaClient;

export interface CreateDbOptions {
  connectionString: string;
  /** Pool size. Default 10. */
  max?: number;
  /** How long to wait for a connection from the pool (or to open one). Default 5000 ms. */
  connectionTimeoutMillis?: number;
}

/** Each client's connection pool, for queryRows. */
const pools = new WeakMap<Db, pg.Pool>();
/** Clients whose adapter has taken their pool (its error listener on, ended by $disconnect). */
const connected = new WeakSet<Db>();

/** A client with its own connection pool; `db.$disconnect()` closes the pool. */
export function createDb(opts: CreateDbOptions): Db {
  const { connectionString, schema } = splitSchemaParam(opts.connectionString);
  if (schema !== undefined && !/^\w+$/.test(schema)) throw new Error(`Unsupported ?schema= name: ${schema}`);
  // pg's defaults would be an unbounded wait for a connection; make both limits explicit.
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 5000,
    // ?schema=: the adapter qualifies its queries with it, search_path covers raw SQL.
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  // The adapter owns the pool (disposeExternalPool), so $disconnect() ends it.
  const adapter = new PrismaPg(pool, { ...(schema !== undefined && { schema }), disposeExternalPool: true });
  const db = new PrismaClient({ adapter });
  pools.set(db, pool);
  return db;
}

/**
 * One statement on the client's own pool through node-postgres, skipping Prisma's query layer
 * (about 0.3 ms of CPU per statement here): for the few hot paths where that is a real share of
 * the request (quiz submit, session checks). Positional parameters ($1, $2…), never interpolated;
 * rows as pg parses them (timestamptz as Date, json parsed, arrays as arrays, like $queryRaw).
 * Not inside an interactive transaction: pass the transaction client there, which runs it
 * through Prisma on the transaction's connection.
 */
export async function queryRows<T>(db: Db | Prisma.TransactionClient, text: string, values: unknown[]): Promise<T[]> {
  const client = db as Db;
  const pool = pools.get(client);
  // A transaction client has no pool of its own; after $disconnect the adapter may open another.
  if (!pool || pool.ended) return db.$queryRawUnsafe<T[]>(text, ...values);
  // The adapter takes the pool when Prisma connects: until then no listener would catch an idle
  // connection's error, and $disconnect would not end the pool.
  if (!connected.has(client)) {
    await client.$connect();
    connected.add(client);
  }
  return (await pool.query(text, values)).rows as T[];
}

/** Unique constraint violation, whether it came through Prisma (P2002) or straight from pg. */
export function isUniqueViolation(err: unknown): boolean {
  return prismaCode(err) === 'P2002' || sqlState(err) === '23505';
}

/** Serialization failure or deadlock: the transaction can simply be run again. */
export function isSerializationFailure(err: unknown): boolean {
  const state = sqlState(err);
  return prismaCode(err) === 'P2034' || state === '40001' || state === '40P01';
}

/**
 * The database is saturated, not broken: no pool connection came free in time (pg-pool's
 * connection timeout, Prisma's P2024), a transaction could not start within its maxWait (P2028),
 * or PostgreSQL refused a connection for lack of slots (53300). Worth a 503 and a retry later.
 */
export function isDatabaseBusy(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = prismaCode(e);
    if (code === 'P2024') return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string') {
      if (code === 'P2028' && /unable to start a transaction in the given time/i.test(message)) return true;
      if (/timeout exceeded when trying to connect/i.test(message)) return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return sqlState(err) === '53300';
}

/**
 * PostgreSQL's SQLSTATE of a failed query (e.g. '42P01' undefined_table), from a pg error, from
 * the driver adapter error Prisma attaches to `meta` (raw queries fail as P2010 and carry it
 * only there), or along the `cause` chain (errors wrapped by our own code).
 */
export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, meta, cause } = e as {
      code?: unknown;
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
      cause?: unknown;
    };
    const fromAdapter = meta?.driverAdapterError?.cause?.originalCode;
    if (typeof fromAdapter === 'string') return fromAdapter;
    // SQLSTATEs are 5 characters; Prisma's own codes (P1000–P6999) look alike but are not.
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^P[1-9]\d{3}$/.test(code)) return code;
    e = cause;
  }
  return undefined;
}

function prismaCode(err: unknown): string | undefined {
  return err instanceof Prisma.PrismaClientKnownRequestError ? err.code : undefined;
}

/**
 * Runs `fn` in a SERIALIZABLE transaction, retrying it (with a little jitter) when PostgreSQL
 * aborts it for a conflict with a concurrent one, which that isolation level expects callers to do.
 * `fn` must have no side effects outside the transaction: it may run several times.
 */
export async function withSerializableRetry<T>(
  db: Db,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  opts: { maxAttempts?: number } = {},
): Promise<T> {
  const maxAttempts = opts.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, { isolationLevel: Prisma.TransactionIsolationLevel.Serializable });
    } catch (err) {
      if (attempt >= maxAttempts || !isSerializationFailure(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}
