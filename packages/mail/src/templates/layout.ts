// The frame every email shares: one centred column, system fonts, inline styles (many mail
// clients drop <style>), a real button link plus the same URL as text for clients that hide it.
import { html, type SafeHtml } from './html';

export interface EmailTemplateData {
  /** The recipient's display name. */
  name: string;
  /** The action's URL (confirm, reset, sign in); required by the templates that need one. */
  link?: string;
  /** Default "LearninGPT". */
  appName?: string;
  /** How long the link works, in words ("24 hours"); mentioned when given. */
  expiresIn?: string;
  /** A reviewer's note to the recipient (instructor-rejected); shown as plain, escaped text. */
  reason?: string;
  /** The program the email is about (certificate-issued). */
  programTitle?: string;
  /** Payment emails: what was bought (or the plan), the amount as shown ("$34.99"), the order or invoice number, a day (YYYY-MM-DD). */
  item?: string;
  amount?: string;
  reference?: string;
  date?: string;
  /** Event emails: where it takes place ("Online" or the venue); `refund: 'yes'` when a paid ticket is refunded. */
  location?: string;
  refund?: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export type EmailTemplateFn = (data: EmailTemplateData) => RenderedEmail;

export const DEFAULT_APP_NAME = 'LearninGPT';

export function appNameOf(data: EmailTemplateData): string {
  return oneLine(data.appName) || DEFAULT_APP_NAME;
}

/** The name as one line of text: control characters (newlines) could forge lines in the text part. */
export function displayName(data: EmailTemplateData): string {
  return oneLine(data.name) || 'there';
}

export function oneLine(value: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (value ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** The link, checked to be an absolute http(s) URL (never `javascript:`); throws when required and missing. */
export function linkOf(data: EmailTemplateData, template: string, required: true): string;
export function linkOf(data: EmailTemplateData, template: string, required?: false): string | undefined;
export function linkOf(data: EmailTemplateData, template: string, required = false): string | undefined {
  const link = data.link?.trim();
  if (!link) {
    if (required) throw new Error(`The ${template} email needs a link`);
    return undefined;
  }
  if (!URL.canParse(link) || !/^https?:$/.test(new URL(link).protocol)) {
    throw new Error(`The ${template} email's link must be an http(s) URL`);
  }
  return link;
}

export interface LayoutOptions {
  appName: string;
  /** Shown by inboxes next to the subject. */
  preview: string;
  heading: string;
  /** Paragraphs before the button. */
  body: SafeHtml[];
  button?: { label: string; href: string };
  /** Paragraphs after the button, in smaller type. */
  after?: SafeHtml[];
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

export function layout(o: LayoutOptions): string {
  const p = (content: SafeHtml) =>
    html`<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#1f2937;">${content}</p>`;
  const small = (content: SafeHtml) =>
    html`<p style="margin:0 0 12px;font-size:14px;line-height:20px;color:#4b5563;">${content}</p>`;
  const button = o.button
    ? html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
          <tr>
            <td style="border-radius:6px;background:#4338ca;">
              <a
                href="${o.button.href}"
                style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:16px;font-weight:600;line-height:24px;color:#ffffff;text-decoration:none;border-radius:6px;"
                >${o.button.label}</a
              >
            </td>
          </tr>
        </table>
        ${small(html`If the button does not work, copy this address into your browser:<br /><a href="${o.button.href}" style="color:#4338ca;word-break:break-all;">${o.button.href}</a>`)}`
    : null;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>${o.heading}</title>
      </head>
      <body style="margin:0;padding:0;background:#f3f4f6;">
        <div style="display:none;max-height:0;overflow:hidden;">${o.preview}</div>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;">
          <tr>
            <td align="center" style="padding:32px 16px;">
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                border="0"
                style="max-width:560px;background:#ffffff;border-radius:8px;"
              >
                <tr>
                  <td style="padding:32px;font-family:${FONT};">
                    <p style="margin:0 0 24px;font-size:14px;font-weight:700;letter-spacing:0.04em;color:#4338ca;">
                      ${o.appName}
                    </p>
                    <h1 style="margin:0 0 16px;font-size:22px;line-height:30px;color:#111827;">${o.heading}</h1>
                    ${o.body.map(p)} ${button} ${(o.after ?? []).map(small)}
                  </td>
                </tr>
              </table>
              <p style="margin:16px 0 0;font-family:${FONT};font-size:12px;line-height:18px;color:#6b7280;">
                You receive this email because of your ${o.appName} account.
              </p>
            </td>
          </tr>
        </table>
      </body>
    </html> `.value;
}

/** The plain-text part: paragraphs separated by blank lines, empty ones dropped. */
export function textBody(...paragraphs: (string | false | undefined)[]): string {
  return paragraphs.filter((s): s is string => Boolean(s)).join('\n\n') + '\n';
}
