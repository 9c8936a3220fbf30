import { html } from './html';
import { appNameOf, displayName, layout, linkOf, textBody, type EmailTemplateFn } from './layout';

/**
 * Sent instead of a verification email when someone registers with an address that already has
 * an account (the sign-up form answers the same either way, so it does not reveal who has one).
 * `link`, optional: sign in or reset the password.
 */
export const accountExistsEmail: EmailTemplateFn = (data) => {
  const app = appNameOf(data);
  const name = displayName(data);
  const link = linkOf(data, 'account-exists');
  const line = `Someone tried to create a ${app} account with this email address, but you already have one.`;
  const ifYou =
    'If that was you, sign in instead; if you forgot your password, you can reset it from the sign-in page.';
  const notYou = 'If it was not you, you can ignore this email: nothing has changed.';
  return {
    subject: `You already have a ${app} account`,
    html: layout({
      appName: app,
      preview: `Someone tried to sign up for ${app} with your email address.`,
      heading: 'You already have an account',
      body: [html`Hi ${name},`, html`${line}`, html`${ifYou}`],
      ...(link ? { button: { label: 'Sign in', href: link } } : {}),
      after: [html`${notYou}`],
    }),
    text: textBody(`Hi ${name},`, line, ifYou, link && `Sign in: ${link}`, notYou),
  };
};
