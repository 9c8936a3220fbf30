import { Resend, type ErrorResponse } from 'resend';
import { MailSendError, type Mailer, type OutgoingEmail } from './mailer';

export interface ResendMailerOptions {
  apiKey: string;
  /** `Name <address>` on a domain verified at Resend. */
  from: string;
  /** Resend's API root; tests and proxies point it elsewhere. Default https://api.resend.com. */
  baseUrl?: string;
}

/** Sends through Resend's API with the official SDK. */
export class ResendMailer implements Mailer {
  private readonly resend: Resend;
  private readonly from: string;

  constructor(opts: ResendMailerOptions) {
    this.resend = new Resend(opts.apiKey, opts.baseUrl ? { baseUrl: opts.baseUrl.replace(/\/$/, '') } : undefined);
    this.from = opts.from;
  }

  async send(message: OutgoingEmail): Promise<{ id: string }> {
    // The SDK reports failures as `{ error }`, including network ones (statusCode null).
    const { data, error } = await this.resend.emails.send(
      {
        from: this.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        // Resend's API takes attachment content as base64.
        ...(message.attachments?.length
          ? {
              attachments: message.attachments.map((a) => ({
                filename: a.filename,
                content: Buffer.from(a.content).toString('base64'),
                contentType: a.contentType,
              })),
            }
          : {}),
      },
      { idempotencyKey: message.idempotencyKey },
    );
    if (error) throw toMailSendError(error);
    if (!data?.id) throw new MailSendError('Resend answered without an email id', true);
    return { id: data.id };
  }
}

export function toMailSendError(error: ErrorResponse): MailSendError {
  const status = typeof error.statusCode === 'number' ? error.statusCode : undefined;
  // Worth another try: no answer at all (network), too many requests or quota (429), Resend's own
  // failures (5xx), and a request with the same Idempotency-Key still in flight (409). Any other
  // 4xx (validation, unverified sender, bad key) fails the same way every time.
  const retryable =
    status === undefined || status === 429 || status >= 500 || error.name === 'concurrent_idempotent_requests';
  return new MailSendError(
    `Resend refused the email${status ? ` (${status} ${error.name})` : ` (${error.name})`}: ${error.message}`,
    retryable,
    status,
    error.name,
  );
}
