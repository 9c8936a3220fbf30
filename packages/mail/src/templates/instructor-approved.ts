import { html } from './html';
import { appNameOf, displayName, layout, linkOf, textBody, type EmailTemplateFn } from './layout';

/** Sent when an admin approves an instructor application. `link`, optional: the instructor dashboard. */
export const instructorApprovedEmail: EmailTemplateFn = (data) => {
  const app = appNameOf(data);
  const name = displayName(data);
  const link = linkOf(data, 'instructor-approved');
  const line = `Good news: your application to teach on ${app} was approved. You are now an instructor.`;
  const next = 'You can create your first program from your instructor dashboard and publish it when it is ready.';
  return {
    subject: `You are now an instructor on ${app}`,
    html: layout({
      appName: app,
      preview: `Your ${app} instructor application was approved.`,
      heading: 'Welcome aboard, instructor',
      body: [html`Hi ${name},`, html`${line}`, html`${next}`],
      ...(link ? { button: { label: 'Open my dashboard', href: link } } : {}),
    }),
    text: textBody(`Hi ${name},`, line, next, link && `Open your dashboard: ${link}`),
  };
};
