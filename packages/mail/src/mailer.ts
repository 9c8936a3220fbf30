/** One email, rendered and addressed: what every mailer sends. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The same key is delivered once (Resend's Idempotency-Key; the dev mailbox keeps one copy). */
  idempotencyKey: string;
  /** Files sent with the email (a certificate's PDF). */
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

/** Sends email. Implementations: ResendMailer (production) and DevMailbox (local). */
export interface Mailer {
  send(message: OutgoingEmail): Promise<{ id: string }>;
}

/**
 * A send that failed. `retryable`: the same request may succeed later (rate limit, provider
 * outage, network); otherwise it never will (invalid address, rejected sender, bad key) and the
 * job queue should stop trying.
 */
export class MailSendError extends Error {
  override readonly name = 'MailSendError';
  constructor(
    message: string,
    readonly retryable: boolean,
    /** HTTP status of the provider's answer; undefined when there was none (network). */
    readonly statusCode?: number,
    /** The provider's error code, e.g. Resend's `validation_error`. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** False only for failures known to be permanent; unknown errors are worth another try. */
export function isRetryableMailError(err: unknown): boolean {
  return !(err instanceof MailSendError) || err.retryable;
}
