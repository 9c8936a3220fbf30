// The instructor-applications queue in Chromium: students apply through the REST API, an admin
// approves one (who becomes an instructor and is emailed) and rejects another with a reason
// (checked against the server's rules first, then emailed); a decision another admin made first
// is reported and the queue refreshed. Rows are found by this run's unique names, so other tests'
// applications in the shared database do not matter.
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { ADMIN, createVerifiedUser, signInViaApi, uniqueEmail, waitForEmail } from '../../server/e2e/accounts';
import { screenshot, useBrowser } from '../../server/e2e/browser';
import '../../server/e2e/provided-context';

const browser = useBrowser();
const PASSWORD = 'quartz harbour violet 42';

/** A JSON call to the API as the holder of `token` (Bearer, as a non-browser client would). */
async function api<T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(inject('apiUrl') + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function signInToken(email: string, password: string): Promise<string> {
  const res = await fetch(inject('apiUrl') + '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

interface Applicant {
  name: string;
  email: string;
  token: string;
  applicationId: string;
}

/** A fresh verified student who has applied to teach (POST /api/instructors/apply). */
async function applicant(name: string, label: string): Promise<Applicant> {
  const email = uniqueEmail(label);
  await createVerifiedUser(name, email, PASSWORD);
  const token = await signInToken(email, PASSWORD);
  const { applicationId } = await api<{ applicationId: string }>(token, 'POST', '/api/instructors/apply', {
    bio: `${name} has taught TypeScript and web development to working engineers for eight years.`,
    expertise: ['TypeScript', 'React'],
    experience: 'Lead trainer at a consultancy; 40 workshops a year.',
    education: 'MSc Computer Science',
    socialLinks: { github: `https://github.com/${label}` },
    sampleWork: `https://example.com/talks/${label}`,
  });
  return { name, email, token, applicationId };
}

describe('admin instructor applications', () => {
  it('approves one applicant and rejects another with a reason; both are emailed', async () => {
    const run = randomBytes(3).toString('hex');
    const [ada, rex] = [
      await applicant(`Ada Applicant ${run}`, 'apply-ok'),
      await applicant(`Rex Applicant ${run}`, 'apply-no'),
    ];

    const page = await browser.openPage('admin', '/sign-in');
    await signInViaApi(page, ADMIN.email, ADMIN.password);
    await page.goto('/');
    // The sidebar counts pending applications.
    const navLink = page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: /^Applications/ });
    await expect.poll(() => navLink.innerText()).toMatch(/\d+\s+waiting/);
    await navLink.click();
    await page.getByRole('heading', { level: 1, name: 'Instructor applications' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Application status' });
    expect(await tabs.getByRole('link', { name: /^Pending/ }).getAttribute('aria-current')).toBe('page');

    // Everything Ada sent, behind "Show details"; links open in a new tab without our window.
    const adaCard = page.getByRole('article', { name: `Application of ${ada.name}` });
    await adaCard.getByText(ada.email).waitFor();
    await adaCard.getByRole('button', { name: 'Show details' }).click();
    await adaCard.getByText('has taught TypeScript and web development', { exact: false }).waitFor();
    await adaCard.getByText('Lead trainer at a consultancy', { exact: false }).waitFor();
    await adaCard.getByText('MSc Computer Science').waitFor();
    const sample = adaCard.getByRole('link', { name: 'https://example.com/talks/apply-ok' });
    expect(await sample.getAttribute('target')).toBe('_blank');
    expect(await sample.getAttribute('rel')).toBe('noopener noreferrer');
    await adaCard.getByRole('link', { name: 'https://github.com/apply-ok' }).waitFor();
    await screenshot(page, 'admin-application-details');

    // Approve, after a confirmation: Ada is an instructor and has the email.
    await adaCard.getByRole('button', { name: `Approve ${ada.name}` }).click();
    const approveDialog = page.getByRole('dialog', { name: 'Approve application' });
    await approveDialog.getByText(ada.email, { exact: false }).waitFor();
    await approveDialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('status').getByText(`${ada.name} is now an instructor.`, { exact: false }).waitFor();
    await expect.poll(() => adaCard.count()).toBe(0);
    const me = await api<{ user: { role: string } }>(ada.token, 'GET', '/api/auth/profile');
    expect(me.user.role).toBe('instructor');
    await waitForEmail(ada.email, /You are now an instructor/);

    // Reject: the reason is required (the server's rule and message), then Rex is emailed it.
    const rexCard = page.getByRole('article', { name: `Application of ${rex.name}` });
    await rexCard.getByRole('button', { name: `Reject ${rex.name}` }).click();
    const rejectDialog = page.getByRole('dialog', { name: 'Reject application' });
    const reason = rejectDialog.getByLabel('Reason', { exact: false });
    const submit = rejectDialog.getByRole('button', { name: 'Reject application' });
    await submit.click();
    await rejectDialog.getByText('The reason needs at least 10 characters', { exact: false }).waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Too short');
    await submit.click();
    await rejectDialog.getByText('The reason needs at least 10 characters', { exact: false }).waitFor();
    await screenshot(page, 'admin-application-reject-dialog');
    const why = 'Please add a sample lesson or a recorded talk so we can see how you teach.';
    await reason.fill(why);
    await submit.click();
    await page.getByRole('status').getByText(`${rex.name}’s application was rejected.`, { exact: false }).waitFor();
    await expect.poll(() => rexCard.count()).toBe(0);
    const mail = await waitForEmail(rex.email, /About your .* instructor application/);
    expect(mail.text).toContain(why);
    const rexMe = await api<{ user: { role: string } }>(rex.token, 'GET', '/api/auth/profile');
    expect(rexMe.user.role).toBe('student');

    // The other tabs hold the decisions.
    await tabs.getByRole('link', { name: /^Rejected/ }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'rejected');
    await rexCard.getByText('Rejected', { exact: true }).waitFor();
    await rexCard.getByRole('button', { name: 'Show details' }).click();
    await rexCard.getByText(why).waitFor();
    expect(await rexCard.getByRole('button', { name: /^(Approve|Reject) / }).count()).toBe(0);
    await tabs.getByRole('link', { name: /^Approved/ }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'approved');
    await adaCard.getByText('Approved', { exact: true }).waitFor();
    await screenshot(page, 'admin-applications-approved');
    expect(browser.pageErrors()).toEqual([]);
  });

  it('says so when another admin decided first, and refreshes the queue', async () => {
    const run = randomBytes(3).toString('hex');
    const cy = await applicant(`Cy Applicant ${run}`, 'apply-race');

    const page = await browser.openPage('admin', '/sign-in');
    await signInViaApi(page, ADMIN.email, ADMIN.password);
    await page.goto('/applications');
    const card = page.getByRole('article', { name: `Application of ${cy.name}` });
    await card.getByRole('button', { name: `Approve ${cy.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve application' });
    await dialog.getByText(cy.email, { exact: false }).waitFor();

    // Meanwhile another admin rejects it through the API.
    const other = await signInToken(ADMIN.email, ADMIN.password);
    await api(other, 'POST', `/api/instructors/applications/${cy.applicationId}/reject`, {
      reason: 'Decided elsewhere while the dialog was open.',
    });

    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('alert').getByText('This application was already rejected.', { exact: false }).waitFor();
    await expect.poll(() => card.count()).toBe(0);
    const me = await api<{ user: { role: string } }>(cy.token, 'GET', '/api/auth/profile');
    expect(me.user.role).toBe('student');
    expect(browser.pageErrors()).toEqual([]);
  });
});
