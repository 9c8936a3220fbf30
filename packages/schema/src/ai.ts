// The AI tutor: chat (streamed and not), sessions, usage, and what travels in the stream besides
// the text (message metadata and data parts of the AI SDK's UI message stream), so the web app's
// useChat is typed by the same schemas the server writes with.
import { z } from 'zod';
import { ZId } from './common';

/** Longest message a learner may send (characters); longer is a 400 that says so. */
export const AI_MAX_MESSAGE_CHARS = 4000;

export const ZChatMessageText = z
  .string({ message: 'message is required' })
  .trim()
  .min(1, 'Write a message first')
  .max(AI_MAX_MESSAGE_CHARS, `A message can be at most ${AI_MAX_MESSAGE_CHARS} characters: split it into shorter ones`);

/** POST /api/ai/chat (the seed's request), and the tutor's fields of the streaming request. */
export const ZChatInput = z.object({
  message: ZChatMessageText,
  /** The program the question is about (its lessons are searched; chatbot access is checked). */
  programId: ZId.optional(),
  /** The lesson in focus ("ask the tutor" from a lesson); implies its program. */
  lessonId: ZId.optional(),
  /** Continue this session; without one a new session starts. */
  sessionId: ZId.optional(),
});
export type ChatInput = z.infer<typeof ZChatInput>;

/** One passage an answer cites as [n]. */
export const ZCitation = z.object({
  n: z.number().int().positive(),
  lessonId: z.string(),
  lessonTitle: z.string(),
  programId: z.string(),
  programSlug: z.string(),
  lessonSlug: z.string(),
});
export type Citation = z.infer<typeof ZCitation>;

export const ZChatAnswer = z.object({
  response: z.string(),
  sessionId: z.string(),
  messageId: z.string(),
  timestamp: z.date(),
  citations: z.array(ZCitation),
  /** Answered from the cache of first questions (no model call, no quota used). */
  cached: z.boolean(),
  model: z.string(),
});

/**
 * POST /api/ai/chat/stream: the body useChat sends ({ id, messages, trigger, ... }) plus the
 * tutor's fields, or simply the seed's { message, ... }. Only the last user message is read: the
 * history comes from the session on the server, never from the client.
 */
export const ZChatStreamBody = z
  .object({
    message: ZChatMessageText.optional(),
    messages: z
      .array(
        z.looseObject({
          role: z.string(),
          parts: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).optional(),
        }),
      )
      .max(500)
      .optional(),
    programId: ZId.optional(),
    lessonId: ZId.optional(),
    sessionId: ZId.optional(),
  })
  .transform((b, ctx) => {
    const last = b.messages?.findLast((m) => m.role === 'user');
    const text =
      b.message ??
      last?.parts
        ?.filter((p) => p.type === 'text')
        .map((p) => p.text ?? '')
        .join('');
    const parsed = ZChatMessageText.safeParse(text ?? '');
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', path: ['message'], message: parsed.error.issues[0]!.message });
      return z.NEVER;
    }
    return { message: parsed.data, programId: b.programId, lessonId: b.lessonId, sessionId: b.sessionId };
  });

/** The assistant message's metadata in the UI message stream. */
export const ZTutorMessageMetadata = z.object({
  sessionId: z.string(),
  messageId: z.string(),
  model: z.string(),
  cached: z.boolean(),
  /** True when the offline tutor answered (no AI provider configured). */
  offline: z.boolean(),
  /** Present on the last chunk. */
  usage: z.object({ inputTokens: z.number().int().nullable(), outputTokens: z.number().int().nullable() }).optional(),
});
export type TutorMessageMetadata = z.infer<typeof ZTutorMessageMetadata>;

/** The data parts of the stream: `data-citations` with the passages the answer may cite. */
export const tutorDataPartSchemas = {
  citations: z.object({ citations: z.array(ZCitation) }),
};

export const ZChatSessionSummary = z.object({
  id: z.string(),
  title: z.string(),
  programId: z.string().nullable(),
  lessonId: z.string().nullable(),
  messageCount: z.number().int(),
  lastMessageAt: z.date(),
  createdAt: z.date(),
});

export const ZChatSessionsInput = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .default({ page: 1, limit: 20 });

export const ZChatSessionsOutput = z.object({
  sessions: z.array(ZChatSessionSummary),
  pagination: z.object({
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    pages: z.number().int(),
  }),
});

export const ZChatMessageStatus = z.enum(['streaming', 'complete', 'failed']);

export const ZChatMessage = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string(),
  /** An answer still being written shows the text so far (`streaming`); reload to see the rest. */
  status: ZChatMessageStatus,
  citations: z.array(ZCitation),
  cached: z.boolean(),
  /** The model that wrote an assistant answer (null for the learner's messages). */
  model: z.string().nullable(),
  /** True when the offline tutor wrote it (no AI provider was configured). */
  offline: z.boolean(),
  timestamp: z.date(),
});

export const ZChatSessionIdInput = z.object({ sessionId: ZId });

export const ZChatSessionOutput = z.object({
  session: ZChatSessionSummary.extend({ messages: z.array(ZChatMessage) }),
});

export const ZAiUsageOutput = z.object({
  plan: z.string(),
  /** UTC day (YYYY-MM-DD). */
  day: z.string(),
  messagesUsed: z.number().int(),
  /** null = unlimited. */
  messagesLimit: z.number().int().nullable(),
  messagesRemaining: z.number().int().nullable(),
  outputTokensUsed: z.number().int(),
  tokensPerMessage: z.number().int(),
  resetsAt: z.date(),
  upgradeUrl: z.string().nullable(),
});

export const ZLearningPathOutput = z.object({
  recommendations: z.array(
    z.object({
      program: z.object({
        id: z.string(),
        slug: z.string(),
        title: z.string(),
        level: z.string(),
        category: z.string(),
      }),
      reason: z.string(),
    }),
  ),
  summary: z.string(),
  basedOn: z.object({
    completedPrograms: z.array(z.string()),
    enrolledPrograms: z.array(z.string()),
    weakTopics: z.array(z.string()),
  }),
  /** ai: chosen by the model from the catalog; rules: ranked without a model (no provider, or it failed). */
  generatedBy: z.enum(['ai', 'rules']),
});

export const ZReviewCodeInput = z.object({
  code: z
    .string({ message: 'code is required' })
    .min(1, 'Paste the code to review')
    .max(20_000, 'The code can be at most 20000 characters: review a smaller part'),
  language: z
    .string({ message: 'language is required' })
    .trim()
    .min(1, 'Say which language the code is in')
    .max(40, 'The language name can be at most 40 characters')
    .regex(/^[\w+#.\- ]+$/, 'The language name can only have letters, digits, spaces and + # . -'),
  programId: ZId.optional(),
  topic: z.string().trim().max(200, 'The topic can be at most 200 characters').optional(),
});

export const ZReviewCodeOutput = z.object({
  review: z.object({
    correctness: z.string(),
    bestPractices: z.string(),
    improvements: z.string(),
    learningPoints: z.string(),
  }),
  language: z.string(),
});
