import { html } from './html';
import { appNameOf, displayName, layout, linkOf, textBody, type EmailTemplateFn } from './layout';

/** Sent on "forgot password": a link to choose a new one. */
export const passwordResetEmail: EmailTemplateFn = (data) => {
  const app = appNameOf(data);
  const name = displayName(data);
  const link = linkOf(data, 'password-reset', true);
  const expiry = data.expiresIn ? `The link works for ${data.expiresIn} and only once.` : 'The link works only once.';
  const ignore = 'If you did not ask for this, you can ignore this email: your password stays the same.';
  return {
    subject: `Reset your ${app} password`,
    html: layout({
      appName: app,
      preview: `Choose a new password for your ${app} account.`,
      heading: 'Reset your password',
      body: [html`Hi ${name},`, html`Someone (hopefully you) asked to reset the password of your ${app} account.`],
      button: { label: 'Choose a new password', href: link },
      after: [html`${expiry}`, html`${ignore}`],
    }),
    text: textBody(
      `Hi ${name},`,
      `Someone (hopefully you) asked to reset the password of your ${app} account. Choose a new password here:`,
      link,
      expiry,
      ignore,
    ),
  };
};
