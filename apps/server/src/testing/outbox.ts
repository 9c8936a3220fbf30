// The emails queued so far (send_email jobs in graphile-worker's table), for tests.
import type { Db } from '@learningpt/db';
import type { SendEmailPayload } from '@learningpt/core';

export async function queuedEmails(db: Db, to?: string): Promise<SendEmailPayload[]> {
  const rows = await db.$queryRaw<{ payload: SendEmailPayload }[]>`
    SELECT j.payload FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'send_email' ORDER BY j.id`;
  return rows.map((r) => r.payload).filter((p) => to === undefined || p.to === to);
}

/** The newest email of a template to an address; throws when there is none. */
export async function lastEmail(db: Db, to: string, template: SendEmailPayload['template']): Promise<SendEmailPayload> {
  const all = (await queuedEmails(db, to)).filter((e) => e.template === template);
  const last = all.at(-1);
  if (!last) throw new Error(`no ${template} email to ${to}`);
  return last;
}

/** The `token` query parameter of an emailed link. */
export function linkToken(email: SendEmailPayload): string {
  const token = new URL(email.data.link!).searchParams.get('token');
  if (!token) throw new Error(`no token in ${email.data.link}`);
  return token;
}
