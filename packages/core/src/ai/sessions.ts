// Tutor sessions: the owner's only. Another user's (or a deleted) session is a 404, never a 403,
// so ids reveal nothing.
import type { Db, Prisma } from '@learningpt/db';
import type { Citation } from '@learningpt/schema';
import { notFound } from '../shared/errors';
import { OFFLINE_MODEL_ID } from '@learningpt/ai';

type DbLike = Db | Prisma.TransactionClient;

/** A session's automatic title: the first message, on one line, cut at a word near 60 characters. */
export function sessionTitleFrom(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  if (line.length <= 60) return line;
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

export async function ownSession({ db, userId, sessionId }: { db: DbLike; userId: string; sessionId: string }) {
  const s = await db.aiChatSession.findFirst({ where: { id: sessionId, userId, deletedAt: null } });
  if (!s) throw notFound('Chat session');
  return s;
}

const summary = (s: {
  id: string;
  title: string;
  programId: string | null;
  lessonId: string | null;
  lastMessageAt: Date;
  createdAt: Date;
  _count: { messages: number };
}) => ({
  id: s.id,
  title: s.title,
  programId: s.programId,
  lessonId: s.lessonId,
  messageCount: s._count.messages,
  lastMessageAt: s.lastMessageAt,
  createdAt: s.createdAt,
});

export async function listChatSessions({
  db,
  userId,
  page,
  limit,
}: {
  db: DbLike;
  userId: string;
  page: number;
  limit: number;
}) {
  const where = { userId, deletedAt: null } satisfies Prisma.AiChatSessionWhereInput;
  const [rows, total] = await Promise.all([
    db.aiChatSession.findMany({
      where,
      orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * limit,
      take: limit,
      include: { _count: { select: { messages: true } } },
    }),
    db.aiChatSession.count({ where }),
  ]);
  return { sessions: rows.map(summary), pagination: { page, limit, total, pages: Math.ceil(total / limit) } };
}

export async function getChatSession({ db, userId, sessionId }: { db: DbLike; userId: string; sessionId: string }) {
  const s = await db.aiChatSession.findFirst({
    where: { id: sessionId, userId, deletedAt: null },
    include: {
      _count: { select: { messages: true } },
      messages: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!s) throw notFound('Chat session');
  return {
    session: {
      ...summary(s),
      messages: s.messages.map((m) => ({
        id: m.id,
        role: m.role,
        content: m.content,
        status: m.status,
        citations: (Array.isArray(m.citations) ? m.citations : []) as Citation[],
        cached: m.cached,
        model: m.role === 'assistant' ? m.model : null,
        offline: m.role === 'assistant' && m.model === OFFLINE_MODEL_ID,
        timestamp: m.createdAt,
      })),
    },
  };
}

/** Deletes the session and its messages (they are the learner's; nothing else refers to them). */
export async function deleteChatSession({ db, userId, sessionId }: { db: DbLike; userId: string; sessionId: string }) {
  const done = await db.aiChatSession.deleteMany({ where: { id: sessionId, userId } });
  if (done.count === 0) throw notFound('Chat session');
  return { message: 'Chat session deleted' };
}
