import { accountDeletedEmail } from './account-deleted';
import {
  paymentFailedEmail,
  paymentReceiptEmail,
  refundIssuedEmail,
  subscriptionActivatedEmail,
  subscriptionCancelledEmail,
  subscriptionEndedEmail,
  subscriptionPaymentFailedEmail,
} from './billing';
import { accountExistsEmail } from './account-exists';
import { certificateIssuedEmail } from './certificate-issued';
import { eventCancelledEmail, eventReminderEmail } from './events';
import { instructorApprovedEmail } from './instructor-approved';
import { instructorRejectedEmail } from './instructor-rejected';
import type { EmailTemplateData, EmailTemplateFn, RenderedEmail } from './layout';
import { passwordChangedEmail } from './password-changed';
import { passwordResetEmail } from './password-reset';
import { verificationEmail } from './verification';
import { welcomeEmail } from './welcome';

/** Every email the product sends, by the name jobs refer to it with. */
export const emailTemplates = {
  verification: verificationEmail,
  welcome: welcomeEmail,
  'password-reset': passwordResetEmail,
  'password-changed': passwordChangedEmail,
  'account-deleted': accountDeletedEmail,
  'account-exists': accountExistsEmail,
  'instructor-approved': instructorApprovedEmail,
  'instructor-rejected': instructorRejectedEmail,
  'certificate-issued': certificateIssuedEmail,
  'payment-receipt': paymentReceiptEmail,
  'payment-failed': paymentFailedEmail,
  'refund-issued': refundIssuedEmail,
  'subscription-activated': subscriptionActivatedEmail,
  'subscription-cancelled': subscriptionCancelledEmail,
  'subscription-ended': subscriptionEndedEmail,
  'subscription-payment-failed': subscriptionPaymentFailedEmail,
  'event-reminder': eventReminderEmail,
  'event-cancelled': eventCancelledEmail,
} as const satisfies Record<string, EmailTemplateFn>;

export type EmailTemplateName = keyof typeof emailTemplates;

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name);
}

/** Renders a template by name; throws for an unknown name or data the template cannot use. */
export function renderEmail(name: string, data: EmailTemplateData): RenderedEmail {
  if (!isEmailTemplateName(name)) throw new Error(`Unknown email template: ${name}`);
  return emailTemplates[name](data);
}

export {
  accountDeletedEmail,
  accountExistsEmail,
  certificateIssuedEmail,
  eventCancelledEmail,
  eventReminderEmail,
  instructorApprovedEmail,
  instructorRejectedEmail,
  passwordChangedEmail,
  passwordResetEmail,
  paymentFailedEmail,
  paymentReceiptEmail,
  refundIssuedEmail,
  subscriptionActivatedEmail,
  subscriptionCancelledEmail,
  subscriptionEndedEmail,
  subscriptionPaymentFailedEmail,
  verificationEmail,
  welcomeEmail,
};
export { escapeHtml, html, SafeHtml } from './html';
export type { EmailTemplateData, EmailTemplateFn, RenderedEmail } from './layout';
