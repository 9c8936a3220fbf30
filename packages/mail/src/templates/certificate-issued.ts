import { html } from './html';
import { appNameOf, displayName, layout, linkOf, textBody, type EmailTemplateFn } from './layout';

/**
 * Sent with the certificate's PDF attached once it is rendered. `link`: the certificate's public
 * verify page (required: it is what the learner shares); `programTitle`: what was completed.
 */
export const certificateIssuedEmail: EmailTemplateFn = (data) => {
  const app = appNameOf(data);
  const name = displayName(data);
  const link = linkOf(data, 'certificate-issued', true);
  // eslint-disable-next-line no-control-regex
  const program = (data.programTitle ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  const line = program
    ? `Congratulations: you passed the exam of ${program} and earned your certificate.`
    : 'Congratulations: you passed the exam and earned your certificate.';
  const attached = 'Your certificate is attached to this email as a PDF.';
  const share = 'Anyone can check it on its public verification page: share the link on your CV or profile.';
  return {
    subject: program ? `Your ${app} certificate: ${program}` : `Your ${app} certificate`,
    html: layout({
      appName: app,
      preview: `Your ${app} certificate is ready.`,
      heading: 'Your certificate is ready',
      body: [html`Hi ${name},`, html`${line}`, html`${attached}`, html`${share}`],
      button: { label: 'View my certificate', href: link },
    }),
    text: textBody(`Hi ${name},`, line, attached, share, `Verify and share it: ${link}`),
  };
};
