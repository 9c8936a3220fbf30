import { html } from './html';
import { appNameOf, displayName, layout, linkOf, textBody, type EmailTemplateFn } from './layout';

/** Sent after sign-up (and on request): confirms the address belongs to the account holder. */
export const verificationEmail: EmailTemplateFn = (data) => {
  const app = appNameOf(data);
  const name = displayName(data);
  const link = linkOf(data, 'verification', true);
  const expiry = data.expiresIn ? `The link works for ${data.expiresIn}.` : undefined;
  return {
    subject: `Confirm your email address for ${app}`,
    html: layout({
      appName: app,
      preview: `Confirm your email address to finish setting up your ${app} account.`,
      heading: 'Confirm your email address',
      body: [
        html`Hi ${name},`,
        html`Confirm that this is your email address to finish setting up your ${app} account.`,
      ],
      button: { label: 'Confirm email address', href: link },
      after: [...(expiry ? [html`${expiry}`] : []), html`If you did not create an account, you can ignore this email.`],
    }),
    text: textBody(
      `Hi ${name},`,
      `Confirm that this is your email address to finish setting up your ${app} account:`,
      link,
      expiry,
      'If you did not create an account, you can ignore this email.',
    ),
  };
};
