import { html } from './html';
import { appNameOf, displayName, layout, linkOf, textBody, type EmailTemplateFn } from './layout';

/**
 * Sent when an admin rejects an instructor application. `reason`: the reviewer's note (escaped
 * like any user data); `link`, optional: where to apply again.
 */
export const instructorRejectedEmail: EmailTemplateFn = (data) => {
  const app = appNameOf(data);
  const name = displayName(data);
  const link = linkOf(data, 'instructor-rejected');
  const reason = data.reason?.trim();
  const line = `Thank you for applying to teach on ${app}. We could not approve your application this time.`;
  const again = 'You are welcome to apply again once you have addressed the note above.';
  return {
    subject: `About your ${app} instructor application`,
    html: layout({
      appName: app,
      preview: `An update on your ${app} instructor application.`,
      heading: 'Your application was not approved',
      body: [
        html`Hi ${name},`,
        html`${line}`,
        ...(reason ? [html`<strong>The reviewer's note:</strong> ${reason}`, html`${again}`] : []),
      ],
      ...(link ? { button: { label: 'Apply again', href: link } } : {}),
    }),
    text: textBody(
      `Hi ${name},`,
      line,
      reason && `The reviewer's note: ${reason}`,
      reason && again,
      link && `Apply again: ${link}`,
    ),
  };
};
