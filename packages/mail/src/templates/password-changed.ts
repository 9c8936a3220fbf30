import { html } from './html';
import { appNameOf, displayName, layout, linkOf, textBody, type EmailTemplateFn } from './layout';

/** Sent after the password changed. `link`, optional: where to reset it if it was not them. */
export const passwordChangedEmail: EmailTemplateFn = (data) => {
  const app = appNameOf(data);
  const name = displayName(data);
  const link = linkOf(data, 'password-changed');
  const notYou = 'If you did not change it, reset your password right away: someone else may know it.';
  return {
    subject: `Your ${app} password was changed`,
    html: layout({
      appName: app,
      preview: `The password of your ${app} account was just changed.`,
      heading: 'Your password was changed',
      body: [
        html`Hi ${name},`,
        html`The password of your ${app} account was just changed. If that was you, there is nothing else to do.`,
        html`${notYou}`,
      ],
      ...(link ? { button: { label: 'Reset my password', href: link } } : {}),
    }),
    text: textBody(
      `Hi ${name},`,
      `The password of your ${app} account was just changed. If that was you, there is nothing else to do.`,
      notYou,
      link && `Reset your password: ${link}`,
    ),
  };
};
