// One tutor turn: a learner's message in, an answer streamed out and saved.
//
//   1. who and what: the session (the owner's only), the program/lesson in focus and chatbot
//      access through the one access model;
//   2. moderation of the message before any model sees it (422 when flagged);
//   3. the context (course passages, level, weak topics, history; hints only during an exam);
//   4. a first question on a program asked before (same normalised form, 7 days) is answered
//      from the cache: no model call, no quota;
//   5. otherwise a slot among the model calls in flight (premium first), then one message of
//      today's allowance (atomic; 429 with the upgrade hint), then the model through streamText.
//
// The user's message and an assistant row (`streaming`) are written before the model is called.
// The answer is written into that row as it streams and finished exactly once (a guarded UPDATE):
// `complete` with its usage, or `failed` with the reason and the quota given back. The model's
// stream is consumed to its end whether or not the client stays, so an answer is never lost.
import { createHash } from 'node:crypto';
import { createReplayModel, type TutorModels } from '@learningpt/ai';
import type { Db } from '@learningpt/db';
import type { ChatInput, Citation } from '@learningpt/schema';
import { streamText, type StreamTextResult, type ToolSet } from 'ai';
import { getFeatureAccess, getFeatureAccessForPrograms } from '../access/feature-access';
import { isFreeProgram, isPubliclyVisible, programCoreSelect, type ProgramCore } from '../catalog/program-access-check';
import { PLAN_PROGRAM_ACCESS } from '../access/feature-access';
import { formatPrice } from '../learning/enroll';
import type { Clock } from '../shared/clock';
import { AppError, invalidField, notFound } from '../shared/errors';
import { toMajor } from '../shared/money';
import type { Viewer } from '../shared/viewer';
import { buildTutorContext, redact, type FocusProgram } from './context';
import { aiAllowanceOf, recordAiTokens, releaseAiMessage, reserveAiMessage } from './limits';
import type { ModelGate } from './model-gate';
import { ownSession, sessionTitleFrom } from './sessions';

export interface TutorLogger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface TutorDeps {
  db: Db;
  clock: Clock;
  models: TutorModels;
  gate: ModelGate;
  log?: TutorLogger;
  /** Messages of the session the model sees (default 10). */
  historyMessages?: number;
  /** How long a cached first answer is reused (default 7 days). */
  cacheTtlMs?: number;
  /** How often the text so far is written while it streams (default 1 s). */
  saveEveryMs?: number;
}

export interface TutorTurnEnd {
  status: 'complete' | 'failed';
  text: string;
  error: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
}

export interface TutorTurn {
  sessionId: string;
  userMessageId: string;
  assistantMessageId: string;
  createdAt: Date;
  citations: Citation[];
  cached: boolean;
  offline: boolean;
  model: string;
  /** The AI SDK result: stream it (toUIMessageStream) or await its text. */
  result: StreamTextResult<ToolSet, never>;
  /** Resolves once the answer's row is final. Never rejects. */
  settled: Promise<TutorTurnEnd>;
}

export const TUTOR_FAILED_MESSAGE =
  'The AI tutor could not finish this answer (the AI provider failed). Your message is saved and nothing was counted against today’s limit: please try again.';

/** Case, spacing and punctuation do not make a question different. */
export function normalizeQuestion(q: string): string {
  return q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const questionHash = (programId: string, q: string) =>
  createHash('sha256')
    .update(`${programId}\n${normalizeQuestion(q)}`)
    .digest('hex');

function chatbotAccessRequired(program: ProgramCore): AppError {
  const details = {
    programId: program.id,
    accessType: 'chatbot',
    price: toMajor(program.priceChatbot),
    currency: program.currency,
    upgradeUrl: '/pricing',
  };
  if (isFreeProgram(program)) {
    return new AppError('PAYMENT_REQUIRED', `Enroll in "${program.title}" (it is free) to ask its AI tutor.`, details);
  }
  const plans = Object.entries(PLAN_PROGRAM_ACCESS)
    .filter(([, rule]) => rule.levels.includes(program.level) && rule.features.includes('chatbot'))
    .map(([id]) => id);
  const bundle =
    program.priceBundle > 0 ? ` or the bundle (${formatPrice(program.priceBundle, program.currency)})` : '';
  const plan = plans.length > 0 ? `, or subscribe to the ${plans.join(' or ')} plan` : '';
  return new AppError(
    'PAYMENT_REQUIRED',
    `The AI tutor of "${program.title}" is a paid feature. Buy its AI chatbot (${formatPrice(program.priceChatbot, program.currency)})${bundle}${plan} to ask it.`,
    { ...details, plans },
  );
}

/** The program and lesson the question is about, checked against the one access model. */
async function resolveFocus(
  deps: TutorDeps,
  viewer: Viewer,
  input: { programId?: string | undefined; lessonId?: string | undefined },
): Promise<{ program: ProgramCore | null; lesson: { id: string; title: string } | null }> {
  const { db, clock } = deps;
  let programId = input.programId ?? null;
  let lesson: { id: string; title: string } | null = null;
  if (input.lessonId) {
    const l = await db.lesson.findUnique({
      where: { id: input.lessonId },
      select: { id: true, title: true, programId: true },
    });
    if (!l) throw notFound('Lesson');
    if (programId && programId !== l.programId) {
      throw invalidField('lessonId', 'This lesson is not part of the program given as programId');
    }
    programId = l.programId;
    lesson = { id: l.id, title: l.title };
  }
  if (!programId) return { program: null, lesson: null };
  const program = await db.program.findUnique({ where: { id: programId }, select: programCoreSelect });
  if (!program) throw notFound('Program');
  const access = await getFeatureAccess({ db, clock, viewer, feature: 'chatbot', program });
  if (!access.allowed) {
    // A draft is not revealed to someone who could not see it.
    if (!isPubliclyVisible(program)) throw notFound('Program');
    throw chatbotAccessRequired(program);
  }
  return { program, lesson };
}

/** The enrolled programs whose tutor the viewer may use (searched when no program is in focus). */
async function enrolledWithChatbot(deps: TutorDeps, viewer: Viewer) {
  const enrollments = await deps.db.enrollment.findMany({
    where: { userId: viewer.userId, status: { in: ['active', 'completed'] } },
    orderBy: { enrolledAt: 'desc' },
    take: 20,
    select: {
      status: true,
      source: true,
      chatbotAccess: true,
      documentationAccess: true,
      examSimulatorAccess: true,
      program: { select: programCoreSelect },
    },
  });
  const decisions = await getFeatureAccessForPrograms({
    db: deps.db,
    clock: deps.clock,
    viewer,
    items: enrollments.map((e) => ({ program: e.program, enrollment: e })),
  });
  return {
    titles: enrollments.map((e) => e.program.title),
    searchable: enrollments.filter((_, i) => decisions[i]!.chatbot.allowed).map((e) => e.program.id),
  };
}

export async function startTutorTurn(
  deps: TutorDeps,
  { viewer, input }: { viewer: Viewer; input: ChatInput },
): Promise<TutorTurn> {
  const { db, clock, models } = deps;
  const existing = input.sessionId ? await ownSession({ db, userId: viewer.userId, sessionId: input.sessionId }) : null;
  // A session keeps its focus when a message does not name one.
  const focusInput =
    input.programId || input.lessonId
      ? input
      : { programId: existing?.programId ?? undefined, lessonId: existing?.lessonId ?? undefined };
  const [{ program, lesson }, enrolled] = await Promise.all([
    resolveFocus(deps, viewer, focusInput),
    enrolledWithChatbot(deps, viewer),
  ]);

  const moderation = await models.moderator.check(input.message);
  if (moderation.flagged) {
    throw new AppError(
      'UNPROCESSABLE',
      `This message cannot be sent to the tutor: moderation flagged it${moderation.categories.length ? ` (${moderation.categories.join(', ')})` : ''}. Please rephrase it.`,
      { categories: moderation.categories },
    );
  }

  const focus: FocusProgram | null = program
    ? { id: program.id, slug: program.slug, title: program.title, level: program.level }
    : null;
  const priorMessages = existing ? await db.aiMessage.count({ where: { sessionId: existing.id } }) : 0;
  // "Try again" after an answer that failed: the same question again, right after its failed
  // answer. It is not asked twice: the question is kept and the failed answer is replaced.
  const retry = existing ? await failedTurnToRetry(db, existing.id, input.message) : null;
  const context = await buildTutorContext({
    db,
    clock,
    userId: viewer.userId,
    question: input.message,
    focus,
    lesson,
    searchProgramIds: focus ? [focus.id] : enrolled.searchable,
    enrolledTitles: enrolled.titles,
    sessionId: existing?.id ?? null,
    historyLimit: deps.historyMessages ?? 10,
    excludeMessageIds: retry ? [retry.userMessageId] : [],
  });

  // The cache: first questions on a program, outside exams, answered by this same model.
  const cacheable = focus !== null && priorMessages === 0 && !context.hintsOnly && models.provider !== 'offline';
  const hash = focus ? questionHash(focus.id, input.message) : null;
  const now = clock.now();
  const hit =
    cacheable && hash
      ? await db.aiResponseCache.findFirst({
          where: { programId: focus.id, questionHash: hash, model: models.modelId, expiresAt: { gt: now } },
        })
      : null;

  if (hit) {
    const ids = await saveTurn(deps, {
      viewer,
      existingId: existing?.id ?? null,
      retry,
      input,
      program,
      lesson,
      assistant: { status: 'complete', content: hit.answer, citations: hit.citations as Citation[], cached: true },
    });
    await db.aiResponseCache.update({ where: { id: hit.id }, data: { hits: { increment: 1 } } });
    const result = streamText({ model: createReplayModel(hit.answer, models.modelId), prompt: input.message });
    return {
      ...ids,
      citations: hit.citations as Citation[],
      cached: true,
      offline: false,
      model: models.modelId,
      result,
      settled: Promise.resolve({ status: 'complete', text: hit.answer, error: null, inputTokens: 0, outputTokens: 0 }),
    };
  }

  const allowance = await aiAllowanceOf({ db, clock, userId: viewer.userId });
  const release = await deps.gate.acquire({ priority: allowance.priority });
  let reservation: { day: Date };
  let ids: Awaited<ReturnType<typeof saveTurn>>;
  try {
    reservation = await reserveAiMessage({ db, clock, userId: viewer.userId, allowance });
    try {
      ids = await saveTurn(deps, {
        viewer,
        existingId: existing?.id ?? null,
        retry,
        input,
        program,
        lesson,
        assistant: { status: 'streaming', content: '', citations: context.citations, cached: false },
      });
    } catch (err) {
      await releaseAiMessage({ db, userId: viewer.userId, day: reservation.day });
      throw err;
    }
  } catch (err) {
    release();
    throw err;
  }

  const assistantId = ids.assistantMessageId;
  let text = '';
  let lastSave = 0;
  let saving: Promise<unknown> = Promise.resolve();
  const saveEvery = deps.saveEveryMs ?? 1000;
  let resolveSettled!: (end: TutorTurnEnd) => void;
  const settled = new Promise<TutorTurnEnd>((r) => (resolveSettled = r));
  let finished = false;

  // The text so far is saved at most every `saveEvery` ms (a reload mid-answer shows it), on a
  // trailing timer: never on the token's own path (the first save runs after the token has been
  // passed on), and the last text before a stall is saved too.
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleSave = () => {
    if (saveTimer || finished) return;
    saveTimer = setTimeout(
      () => {
        saveTimer = undefined;
        if (finished) return;
        lastSave = Date.now();
        const snapshot = text;
        saving = saving
          .then(() =>
            db.aiMessage.updateMany({ where: { id: assistantId, status: 'streaming' }, data: { content: snapshot } }),
          )
          .catch(() => {});
      },
      Math.max(0, lastSave + saveEvery - Date.now()),
    );
  };

  /** The one final write of the answer (complete or failed); later calls do nothing. */
  const finish = async (end: TutorTurnEnd) => {
    if (finished) return;
    finished = true;
    clearTimeout(saveTimer);
    release();
    try {
      await saving;
      const done = await db.aiMessage.updateMany({
        where: { id: assistantId, status: 'streaming' },
        data: {
          status: end.status,
          content: end.text,
          tokens: end.outputTokens,
          inputTokens: end.inputTokens,
          model: models.modelId,
          error: end.error,
        },
      });
      if (done.count === 1) {
        if (end.status === 'failed') {
          await releaseAiMessage({ db, userId: viewer.userId, day: reservation.day });
        } else {
          await recordAiTokens({
            db,
            userId: viewer.userId,
            day: reservation.day,
            inputTokens: end.inputTokens ?? 0,
            outputTokens: end.outputTokens ?? 0,
          });
          if (cacheable && hash && end.text.trim()) {
            await db.aiResponseCache.upsert({
              where: { programId_questionHash: { programId: focus.id, questionHash: hash } },
              create: {
                programId: focus.id,
                questionHash: hash,
                question: input.message,
                answer: end.text,
                citations: context.citations,
                model: models.modelId,
                createdAt: clock.now(),
                expiresAt: new Date(clock.now().getTime() + (deps.cacheTtlMs ?? 7 * 86_400_000)),
              },
              update: {},
            });
          }
        }
        const at = clock.now();
        await db.aiChatSession.updateMany({
          where: { id: ids.sessionId, lastMessageAt: { lt: at } },
          data: { lastMessageAt: at },
        });
      }
    } catch (err) {
      deps.log?.error({ err, messageId: assistantId }, 'could not save the tutor answer');
    } finally {
      resolveSettled(end);
    }
  };

  const fail = (reason: unknown) => {
    deps.log?.warn({ err: reason, messageId: assistantId, provider: models.provider }, 'tutor model call failed');
    void finish({ status: 'failed', text, error: TUTOR_FAILED_MESSAGE, inputTokens: null, outputTokens: null });
  };

  const result = streamText({
    model: models.chat,
    system: context.system,
    messages: [...context.history, { role: 'user', content: redact(input.message, context.secrets) }],
    maxOutputTokens: allowance.tokensPerMessage,
    temperature: 0.7,
    maxRetries: 0,
    abortSignal: AbortSignal.timeout(models.timeoutMs),
    onChunk({ chunk }) {
      if (chunk.type !== 'text-delta') return;
      text += chunk.text;
      scheduleSave();
    },
    onError({ error }) {
      fail(error);
    },
    onAbort() {
      fail(new Error('model call aborted (timeout)'));
    },
    onFinish({ text: full, totalUsage, finishReason }) {
      if (finishReason === 'error') return fail(new Error('the model stream ended with an error'));
      void finish({
        status: 'complete',
        text: full,
        error: null,
        inputTokens: totalUsage.inputTokens ?? null,
        outputTokens: totalUsage.outputTokens ?? null,
      });
    },
  });
  // Read to the end whatever the client does: the answer is saved even if nobody is listening.
  void result.consumeStream({ onError: (err) => fail(err) });

  return {
    ...ids,
    citations: context.citations,
    cached: false,
    offline: models.provider === 'offline',
    model: models.modelId,
    result,
    settled,
  };
}

/** The session (new or continued), the user's message and the assistant's row, in one transaction. */
interface RetriedTurn {
  userMessageId: string;
  failedAnswerId: string;
}

/** The session's last turn if it is this question with a failed answer (what "Try again" sends). */
async function failedTurnToRetry(db: TutorDeps['db'], sessionId: string, message: string): Promise<RetriedTurn | null> {
  const [answer, question] = await db.aiMessage.findMany({
    where: { sessionId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 2,
    select: { id: true, role: true, status: true, content: true },
  });
  if (answer?.role !== 'assistant' || answer.status !== 'failed') return null;
  if (question?.role !== 'user' || question.content !== message) return null;
  return { userMessageId: question.id, failedAnswerId: answer.id };
}

async function saveTurn(
  deps: TutorDeps,
  {
    viewer,
    existingId,
    retry,
    input,
    program,
    lesson,
    assistant,
  }: {
    viewer: Viewer;
    existingId: string | null;
    /** The question asked again after its answer failed: kept, and that answer replaced. */
    retry: RetriedTurn | null;
    input: ChatInput;
    program: ProgramCore | null;
    lesson: { id: string } | null;
    assistant: { status: 'streaming' | 'complete'; content: string; citations: Citation[]; cached: boolean };
  },
) {
  const clockNow = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    // After the session's last message, so a session always reads in order (whatever the clock).
    const last = existingId
      ? (await tx.aiChatSession.findUniqueOrThrow({ where: { id: existingId }, select: { lastMessageAt: true } }))
          .lastMessageAt
      : null;
    const now = last && last >= clockNow ? new Date(last.getTime() + 1) : clockNow;
    const sessionId =
      existingId ??
      (
        await tx.aiChatSession.create({
          data: {
            userId: viewer.userId,
            programId: program?.id ?? null,
            lessonId: lesson?.id ?? null,
            title: sessionTitleFrom(input.message),
            createdAt: now,
            lastMessageAt: now,
          },
        })
      ).id;
    // Only while the failed answer is still there (a second retry at once finds it gone and asks anew).
    const replaced = retry
      ? (await tx.aiMessage.deleteMany({ where: { id: retry.failedAnswerId, sessionId, status: 'failed' } })).count
      : 0;
    const user =
      retry && replaced === 1
        ? { id: retry.userMessageId }
        : await tx.aiMessage.create({ data: { sessionId, role: 'user', content: input.message, createdAt: now } });
    // A millisecond later, so the pair always reads in order.
    const answerAt = new Date(now.getTime() + 1);
    const answer = await tx.aiMessage.create({
      data: {
        sessionId,
        role: 'assistant',
        content: assistant.content,
        status: assistant.status,
        citations: assistant.citations,
        cached: assistant.cached,
        model: deps.models.modelId,
        createdAt: answerAt,
      },
    });
    await tx.aiChatSession.update({ where: { id: sessionId }, data: { lastMessageAt: answerAt } });
    return { sessionId, userMessageId: user.id, assistantMessageId: answer.id, createdAt: answerAt };
  });
}

/** ai.chat: the seed's non-streaming answer (the same turn, read to its end). */
export async function chatWithTutor(deps: TutorDeps, args: { viewer: Viewer; input: ChatInput }) {
  const turn = await startTutorTurn(deps, args);
  const end = await turn.settled;
  if (end.status === 'failed') throw new AppError('UNAVAILABLE', end.error ?? TUTOR_FAILED_MESSAGE);
  return {
    response: end.text,
    sessionId: turn.sessionId,
    messageId: turn.assistantMessageId,
    timestamp: turn.createdAt,
    citations: turn.citations,
    cached: turn.cached,
    model: turn.model,
  };
}
