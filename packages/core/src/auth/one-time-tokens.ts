import type { Db, Prisma, TokenKind } from '@learningpt/db';
import type { Clock } from '../shared/clock';
import { generateToken, hashToken } from './tokens';

type Tx = Db | Prisma.TransactionClient;

/** A new single-use link token; only its hash is stored. */
export async function issueOneTimeToken(
  db: Tx,
  { clock, kind, userId, ttlMs }: { clock: Clock; kind: TokenKind; userId: string; ttlMs: number },
): Promise<string> {
  const token = generateToken();
  const now = clock.now();
  await db.oneTimeToken.create({
    data: { kind, userId, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + ttlMs) },
  });
  return token;
}

/**
 * Uses a token: one conditional UPDATE … WHERE usedAt IS NULL AND not expired, so of concurrent
 * redemptions exactly one gets the row back. Returns the user id, or null (unknown, used, expired).
 */
export async function redeemOneTimeToken(
  db: Tx,
  { clock, kind, token }: { clock: Clock; kind: TokenKind; token: string },
): Promise<string | null> {
  const now = clock.now();
  const rows = await db.$queryRaw<{ userId: string }[]>`
    UPDATE "OneTimeToken" SET "usedAt" = ${now}
    WHERE "tokenHash" = ${hashToken(token)} AND "kind" = ${kind}::"TokenKind"
      AND "usedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING "userId"::text AS "userId"`;
  return rows[0]?.userId ?? null;
}

/** Marks a user's other unused tokens of a kind as used (a newer link or a reset supersedes them). */
export async function retireOneTimeTokens(
  db: Tx,
  { clock, kind, userId }: { clock: Clock; kind: TokenKind; userId: string },
): Promise<void> {
  await db.oneTimeToken.updateMany({ where: { userId, kind, usedAt: null }, data: { usedAt: clock.now() } });
}
