// What the tutor knows for one question: the learner's enrolled programs, the program and lesson
// in focus, passages of lesson content found by PostgreSQL full-text search (cited as [n]), the
// learner's level and weak topics from their quiz results, and the session's last messages.
//
// During an open exam attempt the tutor is told to give hints only, and the answer key of that
// attempt's questions (correct answers, explanations) is cut out of everything it is given.
import { formatPassages, HINTS_ONLY_MARKER, type Passage } from '@learningpt/ai';
import type { Db, Prisma } from '@learningpt/db';
import type { Citation } from '@learningpt/schema';
import { getTopicResults } from '../quizzes/topic-results';
import { GRACE_MS } from '../quizzes/attempt-common';
import type { Clock } from '../shared/clock';

type DbLike = Db | Prisma.TransactionClient;

export interface FocusProgram {
  id: string;
  slug: string;
  title: string;
  level: string;
}

export interface TutorContext {
  system: string;
  history: { role: 'user' | 'assistant'; content: string }[];
  citations: Citation[];
  hintsOnly: boolean;
  /** Strings that must not reach the model (the open attempt's answer key), for redact(). */
  secrets: string[];
}

const PASSAGE_LIMIT = 4;
/** Lessons up to this many characters (of text) are given whole. */
const WHOLE_LESSON_CHARS = 1500;

/** An OR query of the question's words (a question's words rarely all appear in one lesson). */
function orQuery(question: string): string | null {
  const words = (question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1).slice(0, 30);
  return words.length ? [...new Set(words)].join(' | ') : null;
}

interface PassageRow {
  lessonId: string;
  lessonTitle: string;
  lessonSlug: string;
  programId: string;
  programSlug: string;
  programTitle: string;
  text: string;
}

/** The lessons of these programs that best match the question (the focused lesson first). */
export async function findPassages({
  db,
  programIds,
  question,
  lessonId,
}: {
  db: DbLike;
  programIds: readonly string[];
  question: string;
  lessonId: string | null;
}): Promise<PassageRow[]> {
  if (programIds.length === 0) return [];
  const q = orQuery(question) ?? '';
  // to_tsquery drops stop words; a question of stop words only matches nothing (the focused lesson still comes).
  return db.$queryRaw<PassageRow[]>`
    WITH q AS (SELECT to_tsquery('english', ${q}) AS query)
    SELECT l.id AS "lessonId", l.title AS "lessonTitle", l.slug AS "lessonSlug",
           p.id AS "programId", p.slug AS "programSlug", p.title AS "programTitle",
           -- A short lesson whole; a long one as its best-matching fragments.
           CASE WHEN length(t.plain) <= ${WHOLE_LESSON_CHARS} THEN t.plain
                ELSE ts_headline('english', t.plain, q.query,
                  'MaxFragments=3, MinWords=25, MaxWords=60, FragmentDelimiter=" … ", StartSel="", StopSel=""')
           END AS text
    FROM "Lesson" l
    CROSS JOIN LATERAL (
      SELECT btrim(regexp_replace(regexp_replace(l.content, '<[^>]*>', ' ', 'g'), '[[:space:]]+', ' ', 'g')) AS plain
    ) t
    JOIN "Program" p ON p.id = l."programId"
    CROSS JOIN q
    WHERE l."programId" = ANY(${[...programIds]}::uuid[])
      AND (l."searchVector" @@ q.query OR l.id = ${lessonId}::uuid)
    ORDER BY (l.id = ${lessonId}::uuid) DESC NULLS LAST, ts_rank(l."searchVector", q.query) DESC, l.id
    LIMIT ${PASSAGE_LIMIT}`;
}

/** The open attempts' answer keys (what the tutor must never see), and whether one is open. */
async function openExam({
  db,
  clock,
  userId,
  programIds,
}: {
  db: DbLike;
  clock: Clock;
  userId: string;
  programIds: readonly string[] | null;
}): Promise<{ open: boolean; secrets: string[] }> {
  const since = new Date(clock.now().getTime() - GRACE_MS);
  const attempts = await db.quizAttempt.findMany({
    where: {
      userId,
      status: 'in_progress',
      OR: [{ expiresAt: null }, { expiresAt: { gt: since } }],
      ...(programIds ? { quiz: { programId: { in: [...programIds] } } } : {}),
    },
    select: { questionOrder: true, quizId: true },
  });
  if (attempts.length === 0) return { open: false, secrets: [] };
  const ids = attempts.flatMap((a) => a.questionOrder);
  const questions = await db.question.findMany({
    where: { OR: [{ id: { in: ids } }, { quizId: { in: attempts.map((a) => a.quizId) } }] },
    select: { correctAnswers: true, explanation: true },
  });
  const secrets = new Set<string>();
  for (const q of questions) {
    for (const a of q.correctAnswers) {
      const t = a.trim();
      // "True"/"False" and one-letter answers are everywhere; they say nothing without the question.
      if (t.length >= 3 && !/^(true|false|yes|no)$/i.test(t)) secrets.add(t);
    }
    if (q.explanation && q.explanation.trim().length >= 12) secrets.add(q.explanation.trim());
  }
  return { open: true, secrets: [...secrets].sort((a, b) => b.length - a.length) };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Cuts every secret (case-insensitively) out of a text. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.replace(new RegExp(escapeRe(s), 'gi'), '[hidden during your exam]');
  return out;
}

function levelFrom(results: { correct: number; total: number }[]): string {
  const total = results.reduce((n, r) => n + r.total, 0);
  if (total === 0) return 'not known yet (no quiz results)';
  const pct = (results.reduce((n, r) => n + r.correct, 0) / total) * 100;
  return pct < 50 ? 'beginner' : pct < 80 ? 'intermediate' : 'advanced';
}

export async function buildTutorContext({
  db,
  clock,
  userId,
  question,
  focus,
  lesson,
  searchProgramIds,
  enrolledTitles,
  sessionId,
  historyLimit,
  excludeMessageIds = [],
}: {
  db: DbLike;
  clock: Clock;
  userId: string;
  question: string;
  focus: FocusProgram | null;
  lesson: { id: string; title: string } | null;
  /** Programs whose lessons may be searched (the focus, or the enrolled ones with chatbot access). */
  searchProgramIds: readonly string[];
  enrolledTitles: readonly string[];
  sessionId: string | null;
  historyLimit: number;
  /** Messages left out of the history (a question asked again is sent once, as the new one). */
  excludeMessageIds?: readonly string[];
}): Promise<TutorContext> {
  const [rows, topics, exam, history] = await Promise.all([
    findPassages({ db, programIds: searchProgramIds, question, lessonId: lesson?.id ?? null }),
    getTopicResults({ db, userId, programId: focus?.id }),
    openExam({ db, clock, userId, programIds: focus ? [focus.id] : null }),
    sessionId
      ? db.aiMessage.findMany({
          where: {
            sessionId,
            status: 'complete',
            role: { in: ['user', 'assistant'] },
            ...(excludeMessageIds.length > 0 && { id: { notIn: [...excludeMessageIds] } }),
          },
          orderBy: { createdAt: 'desc' },
          take: historyLimit,
          select: { role: true, content: true },
        })
      : Promise.resolve([]),
  ]);

  const passages: Passage[] = rows.map((r, i) => ({
    n: i + 1,
    lessonTitle: r.lessonTitle,
    programTitle: r.programTitle,
    text: redact(r.text, exam.secrets),
  }));
  const citations: Citation[] = rows.map((r, i) => ({
    n: i + 1,
    lessonId: r.lessonId,
    lessonTitle: r.lessonTitle,
    programId: r.programId,
    programSlug: r.programSlug,
    lessonSlug: r.lessonSlug,
  }));
  const weak = topics
    .filter((t) => t.topic && t.total >= 1 && t.percent < 60)
    .sort((a, b) => a.percent - b.percent)
    .slice(0, 5)
    .map((t) => `${t.topic} (${t.percent}% correct)`);

  const lines = [
    'You are the LearninGPT tutor, an expert learning assistant on the LearninGPT platform.',
    focus ? `The student is studying the program "${focus.title}" (${focus.level} level).` : null,
    lesson ? `Current lesson: "${lesson.title}".` : null,
    enrolledTitles.length
      ? `Programs the student is enrolled in: ${enrolledTitles.map((t) => `"${t}"`).join(', ')}.`
      : null,
    `Student's level: ${levelFrom(topics)}.`,
    weak.length ? `Topics the student finds hard (from quiz results): ${weak.join(', ')}.` : null,
    '',
    'Your answers should be clear and educational, use analogies and examples, break complex concepts down, encourage learning, and include code examples when relevant.',
    'Use the course passages below when they cover the question and cite them as [1], [2], ...; say so when the course does not cover something. Write Markdown; never HTML.',
    exam.open
      ? [
          '',
          HINTS_ONLY_MARKER,
          'The student has an exam of this program in progress. Give hints and point to the lessons to re-read; never give the answer to a quiz question, never confirm or rule out an option, and never write a solution they could copy into the exam.',
        ].join('\n')
      : null,
    '',
    formatPassages(passages),
  ].filter((l): l is string => l !== null);

  return {
    system: redact(lines.join('\n'), exam.secrets),
    history: history
      .reverse()
      .map((m) => ({ role: m.role === 'assistant' ? 'assistant' : 'user', content: redact(m.content, exam.secrets) })),
    citations,
    hintsOnly: exam.open,
    secrets: exam.secrets,
  };
}
