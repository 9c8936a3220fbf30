import type { FastifyReply } from 'fastify';
import { errorBody, type ErrorAnswer } from '@learningpt/api';

/** The REST error body (API.md) for responses produced outside the router (404s, bad JSON, 500s). */
export function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ success: false, error: { code, message } }));
}

/** An error answer (from errorAnswer) as the REST envelope, with Retry-After on a 429. */
export function sendErrorAnswer(reply: FastifyReply, answer: ErrorAnswer) {
  if (answer.retryAfterSeconds !== undefined) reply.header('retry-after', String(answer.retryAfterSeconds));
  return reply
    .status(answer.status)
    .type('application/json')
    .send(JSON.stringify(errorBody(answer)));
}
