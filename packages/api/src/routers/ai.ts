import {
  chatWithTutor,
  deleteChatSession,
  getAiUsage,
  getChatSession,
  learningPath,
  listChatSessions,
  reviewCode,
  type TutorDeps,
} from '@learningpt/core';
import {
  ZAiUsageOutput,
  ZChatAnswer,
  ZChatInput,
  ZChatSessionIdInput,
  ZChatSessionOutput,
  ZChatSessionsInput,
  ZChatSessionsOutput,
  ZLearningPathOutput,
  ZMessageOutput,
  ZReviewCodeInput,
  ZReviewCodeOutput,
} from '@learningpt/schema';
import { authedProcedure, createTRPCRouter, signedIn, type AppContext } from '../trpc';

const tags = ['ai'];

/** What the tutor's use cases take, from the request's context. */
export const tutorDeps = (ctx: AppContext): TutorDeps => ({
  db: ctx.db,
  clock: ctx.clock,
  models: ctx.ai.models,
  gate: ctx.ai.gate,
  log: ctx.log,
});

// The streamed answer is a plain route, POST /api/ai/chat/stream (apps/server plugins/ai-chat.ts),
// in the AI SDK's UI message stream protocol; ai.chat is the same turn answered as one JSON.
export const aiRouter = createTRPCRouter({
  chat: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/ai/chat',
        tags,
        summary: 'Ask the AI tutor (the whole answer at once; POST /api/ai/chat/stream streams it)',
      },
    })
    .input(ZChatInput)
    .output(ZChatAnswer)
    .mutation(({ ctx, input }) => chatWithTutor(tutorDeps(ctx), { viewer: signedIn(ctx), input })),

  sessions: authedProcedure
    .meta({ route: { method: 'GET', path: '/ai/chat/sessions', tags, summary: 'My tutor sessions, latest first' } })
    .input(ZChatSessionsInput)
    .output(ZChatSessionsOutput)
    .query(({ ctx, input }) => listChatSessions({ db: ctx.db, userId: signedIn(ctx).userId, ...input })),

  session: authedProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/ai/chat/sessions/{sessionId}',
        tags,
        summary: 'One tutor session with its messages',
      },
    })
    .input(ZChatSessionIdInput)
    .output(ZChatSessionOutput)
    .query(({ ctx, input }) =>
      getChatSession({ db: ctx.db, userId: signedIn(ctx).userId, sessionId: input.sessionId }),
    ),

  deleteSession: authedProcedure
    .meta({
      route: { method: 'DELETE', path: '/ai/chat/sessions/{sessionId}', tags, summary: 'Delete a tutor session' },
    })
    .input(ZChatSessionIdInput)
    .output(ZMessageOutput)
    .mutation(({ ctx, input }) =>
      deleteChatSession({ db: ctx.db, userId: signedIn(ctx).userId, sessionId: input.sessionId }),
    ),

  usage: authedProcedure
    .meta({
      route: { method: 'GET', path: '/ai/usage', tags, summary: "Today's tutor use, the limit and when it resets" },
    })
    .output(ZAiUsageOutput)
    .query(({ ctx }) => getAiUsage({ db: ctx.db, clock: ctx.clock, userId: signedIn(ctx).userId })),

  learningPath: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/ai/learning-path',
        tags,
        summary: 'The next programs for me, from the catalog, with reasons',
      },
    })
    .output(ZLearningPathOutput)
    .mutation(({ ctx }) => learningPath(tutorDeps(ctx), { viewer: signedIn(ctx) })),

  reviewCode: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/ai/review-code',
        tags,
        summary: 'A review of my code: correctness, best practices, improvements, learning points',
      },
    })
    .input(ZReviewCodeInput)
    .output(ZReviewCodeOutput)
    .mutation(({ ctx, input }) => reviewCode(tutorDeps(ctx), { viewer: signedIn(ctx), input })),
});
