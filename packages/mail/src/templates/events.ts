// Event emails. Details come as text already formatted by the sender (`item`: the event's title,
// `date`: its local day and time with the timezone, `reason`).
import { html } from './html';
import { appNameOf, displayName, layout, linkOf, oneLine, textBody, type EmailTemplateFn } from './layout';

/** The day before an event: when it starts, and where (the event page has the meeting link). */
export const eventReminderEmail: EmailTemplateFn = (data) => {
  const app = appNameOf(data);
  const name = displayName(data);
  const link = linkOf(data, 'event-reminder');
  const item = oneLine(data.item) || 'the event you registered for';
  const when = oneLine(data.date);
  const where = oneLine(data.location);
  const line = `A reminder: ${item} starts ${when ? `on ${when}` : 'tomorrow'}.`;
  const place = where ? `Where: ${where}.` : '';
  const next = 'The event page has the details (and, for an online event, the meeting link).';
  return {
    subject: `Reminder: your ${app} event is tomorrow`,
    html: layout({
      appName: app,
      preview: line,
      heading: 'See you tomorrow',
      body: [html`Hi ${name},`, html`${line}`, ...(place ? [html`${place}`] : []), html`${next}`],
      ...(link ? { button: { label: 'Open the event', href: link } } : {}),
    }),
    text: textBody(`Hi ${name},`, line, place, next, link && `Open the event: ${link}`),
  };
};

/** An event the user registered for was cancelled; a paid ticket is refunded. */
export const eventCancelledEmail: EmailTemplateFn = (data) => {
  const app = appNameOf(data);
  const name = displayName(data);
  const link = linkOf(data, 'event-cancelled');
  const item = oneLine(data.item) || 'An event you registered for';
  const when = oneLine(data.date);
  const reason = oneLine(data.reason);
  const line = `We are sorry: ${item}${when ? ` (${when})` : ''} has been cancelled.`;
  const why = reason ? `Reason: ${reason}` : '';
  const money =
    oneLine(data.refund) === 'yes'
      ? 'Your ticket is refunded in full; you will receive a separate email when the refund is issued.'
      : '';
  return {
    subject: `An event on ${app} was cancelled`,
    html: layout({
      appName: app,
      preview: line,
      heading: 'Event cancelled',
      body: [html`Hi ${name},`, html`${line}`, ...(why ? [html`${why}`] : []), ...(money ? [html`${money}`] : [])],
      ...(link ? { button: { label: 'See other events', href: link } } : {}),
    }),
    text: textBody(`Hi ${name},`, line, why, money, link && `See other events: ${link}`),
  };
};
