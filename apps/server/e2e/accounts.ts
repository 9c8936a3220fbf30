// Accounts in the browser tests: the demo sign-ins, emails from the dev mailbox the e2e worker
// writes to (GET /dev/mail), and shortcuts through the REST API for steps a test is not about.
import { randomBytes, randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { DEMO_EMAILS, DEMO_PASSWORDS } from '../../../prisma/seed/fixtures';
import './provided-context';

export const ADMIN = { email: DEMO_EMAILS.admin, password: DEMO_PASSWORDS.admin };
export const STUDENT = { email: DEMO_EMAILS.student, password: DEMO_PASSWORDS.student };

/** A fresh address per call, so tests (and reruns against one stack) never collide. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@e2e.learningpt.dev`;
}

interface MailSummary {
  id: string;
  to: string;
  subject: string;
  links: string[];
  sentAt: string;
}
interface MailMessage extends MailSummary {
  html: string;
  text: string;
}

async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(inject('apiUrl') + path, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * The newest email to `to` whose subject matches, once the worker has delivered it (polled);
 * read in full through GET /dev/mail/{id}.
 */
export async function waitForEmail(to: string, subject: RegExp): Promise<MailMessage> {
  let found: MailSummary | undefined;
  await expect
    .poll(
      async () => {
        const { messages } = await getJson<{ messages: MailSummary[] }>('/dev/mail');
        found = messages
          .filter((m) => m.to === to && subject.test(m.subject))
          .sort((a, b) => b.sentAt.localeCompare(a.sentAt))[0];
        return found !== undefined;
      },
      { timeout: 15_000, interval: 200, message: `no email to ${to} matching ${subject}` },
    )
    .toBe(true);
  return getJson<MailMessage>(`/dev/mail/${found!.id}`);
}

/**
 * The link in an email that goes to `pathname` on the web app, as a path (+ query) to open on
 * the web app under test: PUBLIC_WEB_URL in the emails is not the port the test stack uses.
 */
export function linkPath(message: MailMessage, pathname: string): string {
  const link = message.links.map((l) => new URL(l)).find((u) => u.pathname === pathname);
  if (!link) throw new Error(`no ${pathname} link in "${message.subject}": ${message.links.join(', ')}`);
  return link.pathname + link.search;
}

/** An address of the benchmarking range (198.18.0.0/15), one per call. */
function testClientAddress(): string {
  const n = randomInt(1, 2 ** 17 - 1);
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

/** Registers and verifies an account through the REST API (for tests about something else). */
export async function createVerifiedUser(name: string, email: string, password: string): Promise<void> {
  const json = { 'content-type': 'application/json' };
  await getJson('/api/auth/register', {
    method: 'POST',
    // Each account signs up from its own address (the e2e API trusts one proxy hop, as behind a
    // load balancer), so the suite's many accounts do not meet the per-address sign-up limit.
    headers: { ...json, 'x-forwarded-for': testClientAddress() },
    body: JSON.stringify({ name, email, password }),
  });
  const mail = await waitForEmail(email, /confirm your email/i);
  const token = new URL('http://x' + linkPath(mail, '/verify-email')).searchParams.get('token');
  await getJson('/api/auth/verify-email', { method: 'POST', headers: json, body: JSON.stringify({ token }) });
}

/** Fills and submits the sign-in form on the current page (either app). */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs the page's browser context in through the app's own origin (the Vite proxy), as the
 * form would, so the session cookie is set for the apps. Navigate (or reload) afterwards.
 */
export async function signInViaApi(page: Page, email: string, password: string): Promise<void> {
  const res = await page.context().request.post('/api/auth/login', { data: { email, password } });
  if (!res.ok()) throw new Error(`sign-in of ${email} answered ${res.status()}: ${await res.text()}`);
}
