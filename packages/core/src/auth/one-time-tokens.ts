import type { Db, Prisma, TokenKind } from '@learningpt/db';
import type { Clock } from '../shared/clock';
import { RESET_TOKEN_TTL_MS, VERIFICATION_TOKEN_TTL_MS } from './settings';
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

/** The kinds of token that travel in an emailed link. */
export const EMAIL_LINK_TOKEN_KINDS = ['verification', 'password_reset'] as const satisfies readonly TokenKind[];
export type EmailLinkTokenKind = (typeof EMAIL_LINK_TOKEN_KINDS)[number];

interface LinkAccount {
  status: string;
  emailVerified: boolean;
}

/** How long each emailed link works, and for which accounts it is still worth sending. */
const EMAIL_LINK_RULES: Record<EmailLinkTokenKind, { ttlMs: number; stillWanted(user: LinkAccount): boolean }> = {
  verification: { ttlMs: VERIFICATION_TOKEN_TTL_MS, stillWanted: (u) => u.status === 'active' && !u.emailVerified },
  password_reset: { ttlMs: RESET_TOKEN_TTL_MS, stillWanted: (u) => u.status === 'active' },
};

/**
 * Issues the token of an emailed link when the email is about to be sent, so the raw token only
 * ever exists in the sending process and the email. The user's older unused links of the kind stop
 * working (the newest link supersedes them, and a retried send supersedes its own failed attempt).
 * Commits on its own before the send, so the link works when it lands.
 *
 * Returns null, issuing nothing, when the link is no longer wanted: the account is gone, banned,
 * already verified, or its address is no longer the one the email goes to.
 */
export async function issueEmailLinkToken({
  db,
  clock,
  kind,
  userId,
  to,
}: {
  db: Db;
  clock: Clock;
  kind: EmailLinkTokenKind;
  userId: string;
  to: string;
}): Promise<string | null> {
  const rule = EMAIL_LINK_RULES[kind];
  return db.$transaction(async (tx) => {
    // The row lock serialises two sends for one user, so exactly one of their links stays live.
    const [user] = await tx.$queryRaw<(LinkAccount & { email: string })[]>`
      SELECT "email", "status"::text AS "status", "emailVerified" FROM "User"
      WHERE "id" = ${userId}::uuid FOR UPDATE`;
    if (!user || user.email !== to || !rule.stillWanted(user)) return null;
    await retireOneTimeTokens(tx, { clock, kind, userId });
    return issueOneTimeToken(tx, { clock, kind, userId, ttlMs: rule.ttlMs });
  });
}
