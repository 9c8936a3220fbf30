// The emails users receive, for tests: the queued send_email jobs are run by the worker's own task
// (with the test server's clock, so link expiries follow it) into a fake provider that keeps what
// it is sent. Tests read links from the delivered text, as a user would: the queue never holds a
// link's token (it is issued when the email is sent).
import { SEND_EMAIL_TASK } from '@learningpt/core';
import { runJobsOnce, silentJobLog } from '@learningpt/jobs';
import {
  emailTemplates,
  extractLinks,
  renderEmail,
  type EmailTemplateName,
  type Mailer,
  type OutgoingEmail,
} from '@learningpt/mail';
import type { TestServer } from './harness';

export interface DeliveredEmail extends OutgoingEmail {
  /** Which of our templates it is, known by its subject. */
  template: EmailTemplateName | undefined;
  /** The http(s) links in the text, in order. */
  links: string[];
  /** The first link, if any: the email's action. */
  link: string | undefined;
}

type Server = Pick<TestServer, 'url' | 'clock'>;

/** A stand-in for the email provider: accepts everything, each idempotency key once (as Resend does). */
class CapturingProvider implements Mailer {
  readonly delivered: DeliveredEmail[] = [];
  private readonly keys = new Set<string>();

  send(message: OutgoingEmail): Promise<{ id: string }> {
    if (!this.keys.has(message.idempotencyKey)) {
      this.keys.add(message.idempotencyKey);
      const links = extractLinks(message.text);
      this.delivered.push({ ...message, template: TEMPLATE_BY_SUBJECT.get(message.subject), links, link: links[0] });
    }
    return Promise.resolve({ id: message.idempotencyKey });
  }
}

// Subjects name no person, so one rendering of each template tells them apart.
const TEMPLATE_BY_SUBJECT = new Map<string, EmailTemplateName>(
  (Object.keys(emailTemplates) as EmailTemplateName[]).map((name) => [
    renderEmail(name, { name: 'x', link: 'https://example.com/', reason: 'x' }).subject,
    name,
  ]),
);

const providers = new WeakMap<Server, CapturingProvider>();

/** Sends every email queued so far (and due) through the real send_email task. */
export async function deliverEmails(s: Server): Promise<void> {
  let provider = providers.get(s);
  if (!provider) providers.set(s, (provider = new CapturingProvider()));
  await runJobsOnce({
    connectionString: s.url,
    mailer: provider,
    clock: s.clock,
    log: silentJobLog,
    // Other jobs (file deletion, erasure) are the business of the tests about them.
    only: [SEND_EMAIL_TASK],
  });
}

/** Everything delivered so far (after delivering what is queued), oldest first; to one address if given. */
export async function deliveredEmails(s: Server, to?: string): Promise<DeliveredEmail[]> {
  await deliverEmails(s);
  return (providers.get(s)?.delivered ?? []).filter((e) => to === undefined || e.to === to);
}

/** The newest delivered email of a template to an address; throws when there is none. */
export async function lastEmail(s: Server, to: string, template: EmailTemplateName): Promise<DeliveredEmail> {
  const last = (await deliveredEmails(s, to)).filter((e) => e.template === template).at(-1);
  if (!last) throw new Error(`no ${template} email delivered to ${to}`);
  return last;
}

/** The `token` query parameter of an email's link. */
export function linkToken(email: DeliveredEmail): string {
  const token = email.link && new URL(email.link).searchParams.get('token');
  if (!token) throw new Error(`no token in the link of "${email.subject}": ${email.link}`);
  return token;
}
