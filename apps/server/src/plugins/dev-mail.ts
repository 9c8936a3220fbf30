// GET /dev/mail and /dev/mail/:id: what the dev mailbox received (the worker may be another
// process; they share .data/mail). Only there when the dev mailbox is the mailer and NODE_ENV is
// explicitly development (pnpm dev sets it); otherwise these URLs are plain 404s.
import type { FastifyInstance } from 'fastify';
import { DevMailbox, type Mailer } from '@learningpt/mail';
import type { Config } from '../config';
import { sendError } from '../errors';

// The rendered email: its inline styles and remote images may load, nothing else.
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'none'";

export async function registerDevMail(
  app: FastifyInstance,
  { mailer, config }: { mailer: Mailer | undefined; config: Config },
) {
  if (!(mailer instanceof DevMailbox) || config.NODE_ENV !== 'development') return;
  const mailbox = mailer;

  app.get('/dev/mail', { schema: { hide: true } }, async () => ({ messages: await mailbox.list() }));

  app.get<{ Params: { id: string }; Querystring: { format?: string } }>(
    '/dev/mail/:id',
    { schema: { hide: true } },
    async (req, reply) => {
      const message = await mailbox.get(req.params.id);
      if (!message) return sendError(reply, 404, 'NOT_FOUND', `No email ${req.params.id} in the dev mailbox`);
      switch (req.query.format) {
        case 'html':
          return reply.header('content-security-policy', HTML_CSP).type('text/html; charset=utf-8').send(message.html);
        case 'text':
          return reply.type('text/plain; charset=utf-8').send(message.text);
        default:
          return message;
      }
    },
  );
}
