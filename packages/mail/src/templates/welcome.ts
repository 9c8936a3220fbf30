import { html } from './html';
import { appNameOf, displayName, layout, linkOf, textBody, type EmailTemplateFn } from './layout';

/** Sent once the address is confirmed. `link`, optional: where to start. */
export const welcomeEmail: EmailTemplateFn = (data) => {
  const app = appNameOf(data);
  const name = displayName(data);
  const link = linkOf(data, 'welcome');
  return {
    subject: `Welcome to ${app}`,
    html: layout({
      appName: app,
      preview: `Your ${app} account is ready.`,
      heading: `Welcome to ${app}`,
      body: [
        html`Hi ${name},`,
        html`Your email address is confirmed and your account is ready. Browse the catalogue, enrol in a programme and
        learn at your own pace.`,
      ],
      ...(link ? { button: { label: 'Start learning', href: link } } : {}),
    }),
    text: textBody(
      `Hi ${name},`,
      'Your email address is confirmed and your account is ready. Browse the catalogue, enrol in a programme and learn at your own pace.',
      link && `Start learning: ${link}`,
    ),
  };
};
