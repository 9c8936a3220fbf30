// POST /api/ai/chat/stream: the tutor's answer, streamed token by token in the AI SDK's UI message
// stream protocol (Server-Sent Events; header x-vercel-ai-ui-message-stream: v1), so the web app's
// useChat reads it directly and any HTTP client can. The stream carries, besides the text:
//   - message metadata (ZTutorMessageMetadata): session and message ids, model, cached, offline,
//     and the usage on the last chunk;
//   - a `data-citations` part (tutorDataPartSchemas.citations): the passages the answer may cite.
// Everything that can refuse (sign-in, validation, access, moderation, limits) is decided before
// the stream starts, and answers a JSON 4xx like every other route. A plain route, not a
// procedure: tRPC and the REST face answer JSON (ai.chat is the non-streaming twin).
import type { FastifyInstance } from 'fastify';
import { createUIMessageStream, pipeUIMessageStreamToResponse } from 'ai';
import { errorAnswer } from '@learningpt/api';
import { startTutorTurn, TUTOR_FAILED_MESSAGE, type Clock, type ModelGate } from '@learningpt/core';
import type { TutorModels } from '@learningpt/ai';
import type { Db } from '@learningpt/db';
import { ZChatStreamBody, type TutorMessageMetadata } from '@learningpt/schema';
import { ZodError } from 'zod';
import { sendError, sendErrorAnswer } from '../errors';

export const AI_CHAT_STREAM_PATH = '/api/ai/chat/stream';

export async function registerAiChat(
  app: FastifyInstance,
  { db, clock, models, gate }: { db: Db; clock: Clock; models: TutorModels; gate: ModelGate },
) {
  app.post(AI_CHAT_STREAM_PATH, { schema: { hide: true }, bodyLimit: 256 * 1024 }, async (req, reply) => {
    const session = req.authSession;
    if (!session) return sendError(reply, 401, 'UNAUTHORIZED', 'Please sign in to continue.');
    let turn;
    try {
      const input = ZChatStreamBody.parse(req.body ?? {});
      turn = await startTutorTurn(
        { db, clock, models, gate, log: req.log },
        { viewer: { userId: session.user.userId, role: session.user.role }, input },
      );
    } catch (err) {
      const answer = errorAnswer(err instanceof ZodError ? err : err);
      if (answer.unexpected) throw err; // Fastify's error handler logs it and answers the 500.
      if (answer.retryAfterSeconds) reply.header('retry-after', String(answer.retryAfterSeconds));
      return sendErrorAnswer(reply, answer);
    }

    const base: TutorMessageMetadata = {
      sessionId: turn.sessionId,
      messageId: turn.assistantMessageId,
      model: turn.model,
      cached: turn.cached,
      offline: turn.offline,
    };
    const stream = createUIMessageStream({
      execute({ writer }) {
        writer.write({ type: 'data-citations', data: { citations: turn.citations } });
        writer.merge(
          turn.result.toUIMessageStream({
            generateMessageId: () => turn.assistantMessageId,
            messageMetadata: ({ part }): TutorMessageMetadata | undefined => {
              if (part.type === 'start') return base;
              if (part.type === 'finish') {
                return {
                  ...base,
                  usage: {
                    inputTokens: part.totalUsage.inputTokens ?? null,
                    outputTokens: part.totalUsage.outputTokens ?? null,
                  },
                };
              }
              return undefined;
            },
            onError: () => TUTOR_FAILED_MESSAGE,
          }),
        );
      },
      onError: () => TUTOR_FAILED_MESSAGE,
    });
    // Headers the hooks set (CORS, security, request id) go out with the raw response.
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = String(v);
    reply.hijack();
    void pipeUIMessageStreamToResponse({ response: reply.raw, stream, headers });
  });
}
