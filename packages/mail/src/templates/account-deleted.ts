import { html } from './html';
import { appNameOf, displayName, layout, textBody, type EmailTemplateFn } from './layout';

/** Sent after an account is deleted; no link: there is nothing left to sign in to. */
export const accountDeletedEmail: EmailTemplateFn = (data) => {
  const app = appNameOf(data);
  const name = displayName(data);
  const line = `Your ${app} account and its personal data have been deleted. You will not receive any more email from us about it.`;
  const notYou = 'If you did not ask for this, reply to this email and we will look into it.';
  return {
    subject: `Your ${app} account has been deleted`,
    html: layout({
      appName: app,
      preview: `Your ${app} account has been deleted.`,
      heading: 'Your account has been deleted',
      body: [html`Hi ${name},`, html`${line}`, html`Thank you for learning with us.`],
      after: [html`${notYou}`],
    }),
    text: textBody(`Hi ${name},`, line, 'Thank you for learning with us.', notYou),
  };
};
