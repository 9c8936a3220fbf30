// Payment and plan emails. Every detail is optional (a template renders with a name alone) and
// comes as text already formatted by the sender (amounts with their currency, days).
import { html } from './html';
import {
  appNameOf,
  displayName,
  layout,
  linkOf,
  oneLine,
  textBody,
  type EmailTemplateData,
  type EmailTemplateFn,
} from './layout';

interface BillingEmail {
  template: string;
  /** Without details, so a subject names the kind of email, never the person or the order. */
  subject: (app: string) => string;
  heading: (d: Details) => string;
  lines: (app: string, d: Details) => string[];
  button: string;
}

interface Details {
  item: string;
  amount: string;
  reference: string;
  date: string;
  reason: string;
}

function details(data: EmailTemplateData): Details {
  return {
    item: oneLine(data.item),
    amount: oneLine(data.amount),
    reference: oneLine(data.reference),
    date: oneLine(data.date),
    reason: oneLine(data.reason),
  };
}

function billingEmail(spec: BillingEmail): EmailTemplateFn {
  return (data) => {
    const app = appNameOf(data);
    const name = displayName(data);
    const link = linkOf(data, spec.template);
    const d = details(data);
    const lines = spec.lines(app, d).filter(Boolean);
    return {
      subject: spec.subject(app),
      html: layout({
        appName: app,
        preview: lines[0] ?? spec.heading(d),
        heading: spec.heading(d),
        body: [html`Hi ${name},`, ...lines.map((l) => html`${l}`)],
        ...(link ? { button: { label: spec.button, href: link } } : {}),
      }),
      text: textBody(`Hi ${name},`, ...lines, link && `${spec.button}: ${link}`),
    };
  };
}

const of = (d: Details) => (d.item ? ` for ${d.item}` : '');

/** A one-time order was paid. */
export const paymentReceiptEmail = billingEmail({
  template: 'payment-receipt',
  subject: (app) => `Your ${app} receipt`,
  heading: () => 'Thank you for your purchase',
  lines: (app, d) => [
    `We received your payment${d.amount ? ` of ${d.amount}` : ''}${of(d)}${d.date ? ` on ${d.date}` : ''}${d.reference ? ` (order ${d.reference})` : ''}.`,
    `It is ready to use in your ${app} account now.`,
  ],
  button: 'View my order',
});

/** A card payment for an order was declined: nothing was charged. */
export const paymentFailedEmail = billingEmail({
  template: 'payment-failed',
  subject: (app) => `Your ${app} payment did not go through`,
  heading: () => 'Your payment did not go through',
  lines: (_app, d) => [
    `Your payment${d.amount ? ` of ${d.amount}` : ''}${of(d)}${d.reference ? ` (order ${d.reference})` : ''} was declined${d.reason ? `: ${d.reason}` : '.'}`,
    'Nothing was charged. You can try again with another card.',
  ],
  button: 'Try again',
});

/** Money went back for an order (partly or fully). */
export const refundIssuedEmail = billingEmail({
  template: 'refund-issued',
  subject: (app) => `Your ${app} refund is on its way`,
  heading: () => 'Your refund is on its way',
  lines: (_app, d) => [
    `We refunded ${d.amount || 'your payment'}${of(d)}${d.reference ? ` (order ${d.reference})` : ''}.`,
    'It usually reaches your card within 5 to 10 business days. If the whole order was refunded, the access it gave has ended.',
    d.reason && `Note: ${d.reason}`,
  ],
  button: 'View my order',
});

/** A plan started, changed, or continues after a cancellation was undone. */
export const subscriptionActivatedEmail = billingEmail({
  template: 'subscription-activated',
  subject: (app) => `Your ${app} plan is active`,
  heading: (d) => `Your ${d.item || 'plan'} is active`,
  lines: (app, d) => [
    `Your ${d.item || ''} plan on ${app} is active${d.amount ? ` at ${d.amount} per period` : ''}.`.replace('  ', ' '),
    d.date && `It renews on ${d.date}. You can cancel any time; you keep the plan until the end of the period.`,
  ],
  button: 'Manage my plan',
});

/** Cancelled at the period's end: access stays until then. */
export const subscriptionCancelledEmail = billingEmail({
  template: 'subscription-cancelled',
  subject: (app) => `Your ${app} plan is cancelled`,
  heading: () => 'Your plan is cancelled',
  lines: (_app, d) => [
    `You cancelled your ${d.item || ''} plan. You keep everything it includes${d.date ? ` until ${d.date}` : ' until the end of the period'}, and you will not be charged again.`.replace(
      '  ',
      ' ',
    ),
    'Changed your mind? You can resume it before then.',
  ],
  button: 'Manage my plan',
});

/** The plan ended (cancelled, or unpaid): back to Free. */
export const subscriptionEndedEmail = billingEmail({
  template: 'subscription-ended',
  subject: (app) => `Your ${app} plan has ended`,
  heading: () => 'Your plan has ended',
  lines: (app, d) => [
    `Your ${d.item || ''} plan${d.date ? ` ended on ${d.date}` : ' has ended'}. You are on the ${app} Free plan now.`.replace(
      '  ',
      ' ',
    ),
    'Programs you bought stay yours. Subscribe again any time to get the plan back.',
  ],
  button: 'See the plans',
});

/** A renewal payment failed: the plan is paused until it is paid. */
export const subscriptionPaymentFailedEmail = billingEmail({
  template: 'subscription-payment-failed',
  subject: (app) => `Action needed: your ${app} plan payment failed`,
  heading: () => 'We could not renew your plan',
  lines: (_app, d) => [
    `The payment${d.amount ? ` of ${d.amount}` : ''} for your ${d.item || ''} plan did not go through.`.replace(
      '  ',
      ' ',
    ),
    'Its features are paused until the payment succeeds. Update your card and we will try again.',
  ],
  button: 'Update my card',
});
