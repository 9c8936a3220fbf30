// Events in the admin panel, in Chromium: an admin creates a free online event with the form, a
// student registers for it through the API, the admin sees them among the attendees (attendance
// closed until the event starts), moves the start into the past with the edit form, marks the
// student attended, and completes the event through the status workflow.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, signInViaApi, STUDENT } from '../../server/e2e/accounts';
import { apiGet } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

interface EventBody {
  id: string;
  title: string;
  status: string;
  isFree: boolean;
  capacity: number | null;
  registeredCount: number;
  startsAt: string;
  timezone: string;
}

/** YYYY-MM-DD and HH:MM of an instant on the UTC clock. */
function utcDayAndTime(d: Date): [string, string] {
  const iso = d.toISOString();
  return [iso.slice(0, 10), iso.slice(11, 16)];
}

async function fillWhen(form: Locator, at: Date) {
  const [day, time] = utcDayAndTime(at);
  await form.getByLabel('Start day').fill(day);
  await form.getByLabel('Start time').fill(time);
  await form.getByLabel('Time zone').fill('UTC');
}

describe('admin events', () => {
  it('creates a free event, lists it, and marks a registrant attended once it has started', async () => {
    const title = `E2E attendance webinar ${Date.now()}`;
    const admin = await browser.openPage('admin', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/');
    await admin.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Events' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    // The demo events are listed.
    await expect.poll(() => admin.getByRole('row').count()).toBeGreaterThan(1);

    // The form checks what the server would refuse before sending.
    await admin.getByRole('link', { name: 'New event' }).click();
    const form = admin.getByRole('form', { name: 'New event' });
    await form.getByRole('button', { name: 'Create event' }).click();
    await form.getByText('title needs at least 3 characters').waitFor();
    await form.getByText('Choose the day it starts').waitFor();

    // Tomorrow (UTC) at the current time plus a day: in the future whatever the hour.
    const start = new Date(Math.ceil((Date.now() + 26 * 3600_000) / 60_000) * 60_000);
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Summary').fill('A short webinar to check attendance in the browser tests.');
    await form.getByLabel('Description').fill('We walk through marking attendance.');
    await fillWhen(form, start);
    await form.getByLabel('Duration (minutes)').fill('180');
    expect(await form.getByLabel('Online event').isChecked()).toBe(true);
    await form.getByLabel('Meeting link', { exact: true }).fill('https://meet.example.com/e2e-attendance');
    await form.getByLabel('Meeting password', { exact: true }).fill('letmein');
    await form.getByLabel('Capacity').fill('5');
    await form.getByLabel('Price').fill('0');
    await screenshot(admin, 'admin-event-form');
    await form.getByRole('button', { name: 'Create event' }).click();

    await admin.waitForURL((url) => url.pathname === '/events');
    await admin.getByRole('status').getByText(`Event "${title}" created.`).waitFor();
    await admin.getByRole('searchbox', { name: 'Search' }).fill(title);
    await admin.waitForURL((url) => url.searchParams.get('q') === title);
    await expect.poll(() => admin.getByRole('row').count()).toBe(2); // header + the new event
    const row = admin.getByRole('row').filter({ hasText: title });
    const text = await row.innerText();
    expect(text).toContain('Free');
    expect(text).toContain('0 / 5');
    expect(text).toContain('Upcoming');
    expect(text).toContain(utcDayAndTime(start).join(' '));

    // The server holds what the form sent, the start on the UTC clock.
    const { events } = await apiGet<{ events: EventBody[] }>(`/api/events?search=${encodeURIComponent(title)}`);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event).toMatchObject({ isFree: true, capacity: 5, registeredCount: 0, status: 'upcoming', timezone: 'UTC' });
    expect(new Date(event.startsAt).toISOString()).toBe(start.toISOString());

    // The demo student registers through the API (no new account: sign-ups are rate limited per IP).
    const { email } = STUDENT;
    const student = await browser.openPage('web', '/sign-in');
    await signInViaApi(student, email, STUDENT.password);
    const profile = await student.context().request.get('/api/auth/profile');
    expect(profile.status()).toBe(200);
    const { name } = ((await profile.json()) as { user: { name: string } }).user;
    const reg = await student.context().request.post(`/api/events/${event.id}/register`);
    expect(reg.status()).toBe(200);

    // Attendees: the student is registered; attendance opens once the event has started.
    await row.getByRole('link', { name: `Attendees of ${title}` }).click();
    await admin.getByRole('heading', { level: 1, name: `Attendees of ${title}` }).waitFor();
    const attendee = admin.getByRole('row').filter({ hasText: email });
    await attendee.getByText(name).waitFor();
    expect(await attendee.innerText()).toContain('Registered');
    await admin.getByText('Attendance can be marked once the event has started.').waitFor();
    expect(await attendee.getByRole('button', { name: `Mark ${name} attended` }).isDisabled()).toBe(true);

    // The webinar began an hour ago (it is still on): the admin moves its start with the edit form.
    await admin.getByRole('link', { name: 'Back to events' }).click();
    await admin.getByRole('searchbox', { name: 'Search' }).fill(title);
    await row.getByRole('link', { name: `Edit ${title}` }).click();
    const edit = admin.getByRole('form', { name: `Edit ${title}` });
    await expect
      .poll(() => edit.getByLabel('Meeting link', { exact: true }).inputValue())
      .toBe('https://meet.example.com/e2e-attendance');
    expect(await edit.getByLabel('Capacity').inputValue()).toBe('5');
    const began = new Date(Math.floor((Date.now() - 3600_000) / 60_000) * 60_000);
    await fillWhen(edit, began);
    await edit.getByRole('button', { name: 'Save event' }).click();
    await admin.getByRole('status').getByText('Event updated.').waitFor();
    await admin.getByRole('searchbox', { name: 'Search' }).fill(title);
    await expect.poll(() => row.innerText()).toContain(utcDayAndTime(began).join(' '));
    const edited = await row.innerText();
    expect(edited, edited).toContain('1 / 5');

    // Now the admin marks the student attended.
    await row.getByRole('link', { name: `Attendees of ${title}` }).click();
    await attendee.getByRole('button', { name: `Mark ${name} attended` }).click();
    await admin.getByRole('status').getByText('Attendance saved: 1 attended, 0 absent.').waitFor();
    await expect.poll(() => attendee.innerText()).toContain('Attended');
    expect(await attendee.getByRole('button', { name: `Mark ${name} attended` }).isDisabled()).toBe(true);
    await screenshot(admin, 'admin-event-attendees');

    // The server agrees (asked with the admin's session).
    const attendance = await admin.context().request.get(`/api/events/${event.id}/attendance`);
    expect(attendance.status()).toBe(200);
    const body = (await attendance.json()) as { registrations: { user: { email: string }; status: string }[] };
    expect(body.registrations.map((r) => [r.user.email, r.status])).toEqual([[email, 'attended']]);

    // The status workflow: a started event can be completed, after which its status is final.
    await admin.getByRole('link', { name: 'Back to events' }).click();
    await admin.getByRole('searchbox', { name: 'Search' }).fill(title);
    await row.getByRole('button', { name: `Change status of ${title}` }).click();
    const dialog = admin.getByRole('dialog', { name: 'Change event status' });
    await dialog.getByLabel('New status').selectOption('completed');
    await dialog.getByRole('button', { name: 'Mark completed' }).click();
    await admin.getByRole('status').getByText('Event updated.').waitFor();
    await expect.poll(() => row.innerText()).toContain('Completed');
    expect(await row.getByRole('button', { name: `Change status of ${title}` }).isDisabled()).toBe(true);
    expect((await apiGet<{ event: EventBody }>(`/api/events/${event.id}`)).event.status).toBe('completed');
    expect(browser.pageErrors()).toEqual([]);
  });

  it('asks before cancelling an event, saying its registrants are told and refunded', async () => {
    const admin = await browser.openPage('admin', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/events?status=upcoming');
    const first = admin.getByRole('row').nth(1);
    await first.waitFor();
    await first.getByRole('button', { name: /^Change status of / }).click();
    const dialog = admin.getByRole('dialog', { name: 'Change event status' });
    await dialog.getByLabel('New status').selectOption('cancelled');
    await dialog
      .getByText('will be told by notification and email, and every paid ticket will be refunded', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel event' }).waitFor();
    // Kept: nothing is sent.
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await first.innerText()).toContain('Upcoming');
  });
});
