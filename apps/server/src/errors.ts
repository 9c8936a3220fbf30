import type { FastifyReply } from 'fastify';

/** The REST error body (API.md) for responses produced outside the router (404s, bad JSON, 500s). */
export function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ success: false, error: { code, message } }));
}
