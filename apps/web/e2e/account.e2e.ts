// Accounts in the web app, in Chromium: sign up, verify by the emailed link, sign in, edit the
// profile, sign out; and protected pages sending visitors to sign in and back.
import { describe, expect, it } from 'vitest';
import { linkPath, STUDENT, signInWithForm, uniqueEmail, waitForEmail } from '../../server/e2e/accounts';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

describe('web accounts', () => {
  it('signs up, verifies the address from the email, signs in, edits the profile and signs out', async () => {
    const email = uniqueEmail('learner');
    const password = 'plum tractor velvet 42';
    const page = await browser.openPage('web', '/programs');
    const account = page.getByRole('group', { name: 'Account' });

    await account.getByRole('link', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await page.getByLabel('Name').fill('Ada Learner');
    await page.getByLabel('Email').fill(email);

    // The rules show as one types; commonness is the server's call, shown under the field.
    const rules = page.getByRole('list', { name: 'Password rules' });
    await page.getByLabel('Password', { exact: true }).fill('iloveyou');
    await rules.getByText('At least 8 characters (met)').waitFor();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('password is one of the most common passwords', { exact: false }).waitFor();
    await screenshot(page, 'web-register-common-password');

    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.getByText(email).waitFor();
    await screenshot(page, 'web-check-email');

    // The worker delivers the email; its link opens the verify page of this app.
    const mail = await waitForEmail(email, /confirm your email/i);
    await page.goto(linkPath(mail, '/verify-email'));
    await page.getByRole('heading', { name: 'Email verified' }).waitFor();
    await screenshot(page, 'web-email-verified');
    await page.getByRole('link', { name: 'Sign in' }).last().click();

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // A wrong password gets the server's generic message.
    await signInWithForm(page, email, 'not the password');
    await page.getByRole('alert').getByText('Invalid email or password.').waitFor();
    await signInWithForm(page, email, password);
    await account.getByRole('button', { name: /Ada Learner/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/programs');

    // Profile: change the name; the header follows.
    await account.getByRole('button', { name: /Ada Learner/ }).click();
    await account.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ada Learner' }).waitFor();
    const sessions = page.getByRole('list', { name: 'Active sessions' });
    await sessions.getByText('This device').waitFor();

    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Bio').fill('Learning the analytical engine.');
    await page.getByLabel('GitHub').fill('http://github.com/ada');
    await page.getByRole('button', { name: 'Save profile' }).click();
    // Field-level message from the server's own schema (https only), before any request.
    await page.getByText('socialLinks.github must be an https:// URL').waitFor();
    await page.getByLabel('GitHub').fill('https://github.com/ada');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile has been saved.').waitFor();
    await account.getByRole('button', { name: /Ada Lovelace/ }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
    await screenshot(page, 'web-profile');

    // A picture: uploaded as bytes, typed by the server, shown in the profile and the header.
    const header = page.getByRole('banner');
    await page
      .getByLabel('Upload a picture')
      .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: tinyPng() });
    await page.getByText('Your picture has been updated.').waitFor();
    const picture = page.locator('main header img').first();
    await expect.poll(() => picture.getAttribute('src')).toMatch(/\/uploads\/avatar_[0-9a-f-]+\.png$/);
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => header.locator('img').count()).toBeGreaterThan(0);
    // Not a picture: the server's message, nothing changes.
    await page
      .getByLabel('Change picture')
      .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
    await page.getByText(/image\/jpeg, image\/png, image\/webp, image\/gif/).waitFor();

    // Reloaded from the server: the change is stored.
    await page.reload();
    await expect.poll(() => page.getByLabel('Bio').inputValue()).toBe('Learning the analytical engine.');
    expect(await page.getByLabel('GitHub').inputValue()).toBe('https://github.com/ada');

    // Export: the JSON arrives as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^learningpt-data-\d{4}-\d{2}-\d{2}\.json$/);
    await page.getByText('Your data has been downloaded as a JSON file.').waitFor();

    await account.getByRole('button', { name: /Ada Lovelace/ }).click();
    await account.getByRole('button', { name: 'Sign out' }).click();
    await account.getByRole('link', { name: 'Sign in' }).waitFor();
    // Signed out for real: the profile now asks to sign in.
    await page.goto('/profile');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(browser.pageErrors()).toEqual([]);
  });

  it('sends visitors of a protected page to sign in, then back to it', async () => {
    const page = await browser.openPage('web', '/profile');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/profile');
    await page.getByText('Please sign in to continue.').waitFor();

    await signInWithForm(page, STUDENT.email, STUDENT.password);
    await page.waitForURL((url) => url.pathname === '/profile');
    await page.getByRole('heading', { name: 'Profile', exact: true }).waitFor();
    expect(await page.getByLabel('Name').inputValue()).not.toBe('');
  });

  it('explains a verification link that cannot be used and offers a new one', async () => {
    const page = await browser.openPage('web', '/verify-email?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await page.getByRole('heading', { name: "This link can't be used" }).waitFor();
    await page.getByText('invalid, already used or expired', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Resend verification email' }).waitFor();
    await screenshot(page, 'web-verify-failed');
  });
});

/** A valid 1×1 PNG, built here so the test carries no binary fixture. */
function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
}
