import type { FastifyInstance } from 'fastify';
import { sqlState, type Db } from '@learningpt/db';
import { readMigrations } from '@learningpt/db/migrate';

/** `/health`: the process is alive. `/ready`: the database answers and every migration is applied. */
export async function registerHealth(app: FastifyInstance, { db }: { db: Db }) {
  // The migrations this build ships with, read once; each probe is then one small query.
  const expected = (await readMigrations()).map((m) => m.name);

  app.get('/health', { logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/ready', { logLevel: 'warn' }, async (req, reply) => {
    let applied: Set<string>;
    try {
      const rows = await db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      applied = new Set(rows.map((r) => r.migration_name));
    } catch (err) {
      // 42P01: no bookkeeping table yet, i.e. nothing is migrated.
      if (sqlState(err) === '42P01') applied = new Set();
      else {
        req.log.warn({ err }, 'readiness: database unreachable');
        return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
      }
    }
    const pending = expected.filter((name) => !applied.has(name));
    if (pending.length > 0) {
      return reply.status(503).send({ status: 'unavailable', database: 'ok', pendingMigrations: pending });
    }
    return { status: 'ready', database: 'ok', pendingMigrations: [] };
  });
}
