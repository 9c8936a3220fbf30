// What the buyer is told about a payment or plan change: one email (a send_email job whose key
// makes it unique) and one notification, both in the transaction of the change, so they exist
// exactly when the change does.
import type { Prisma } from '@learningpt/db';
import { formatPrice } from '../learning/enroll';
import { enqueueEmail, type EmailTemplate } from '../mail/enqueue-email';
import { notify } from '../notifications/notify';
import type { Clock } from '../shared/clock';
import type { BillingSettings } from './settings';

type Tx = Prisma.TransactionClient;

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function tellBuyer(
  tx: Tx,
  opts: {
    clock: Clock;
    billing: BillingSettings;
    userId: string;
    template: EmailTemplate;
    /** Unique per change: the same key never sends twice. */
    key: string;
    title: string;
    body: string;
    /** A path in the web app. */
    link: string;
    email: {
      item?: string;
      amount?: { minor: number; currency: string };
      reference?: string;
      date?: Date;
      reason?: string;
    };
    data?: Record<string, Prisma.InputJsonValue>;
  },
) {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: opts.userId },
    select: { email: true, name: true, deletedAt: true },
  });
  await notify({
    db: tx,
    clock: opts.clock,
    userId: opts.userId,
    type: opts.template.startsWith('subscription') ? 'subscription' : 'payment',
    title: opts.title,
    body: opts.body,
    link: opts.link,
    ...(opts.data ? { data: opts.data } : {}),
  });
  if (user.deletedAt) return;
  const e = opts.email;
  await enqueueEmail(tx, {
    template: opts.template,
    to: user.email,
    idempotencyKey: opts.key,
    data: {
      name: user.name,
      link: `${opts.billing.webUrl}${opts.link}`,
      ...(e.item ? { item: e.item } : {}),
      ...(e.amount ? { amount: formatPrice(e.amount.minor, e.amount.currency) } : {}),
      ...(e.reference ? { reference: e.reference } : {}),
      ...(e.date ? { date: day(e.date) } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
    },
  });
}
