import type { Db, Prisma } from '@learningpt/db';
import type { Clock } from '../shared/clock';

/** Appends to the audit log, inside the caller's transaction when given one. */
export async function writeAudit(
  db: Db | Prisma.TransactionClient,
  entry: {
    clock: Clock;
    actorId: string | null;
    action: string;
    entityType: string;
    entityId?: string | null;
    data?: Prisma.InputJsonValue;
    ip?: string | null;
  },
): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      ...(entry.data !== undefined ? { data: entry.data } : {}),
      ip: entry.ip ?? null,
      createdAt: entry.clock.now(),
    },
  });
}
