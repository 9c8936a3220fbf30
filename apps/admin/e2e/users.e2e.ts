// Admin sign-in and user management in Chromium: only admins get in; an admin finds a user and
// bans them, which ends that user's open session in the web app.
import { describe, expect, it } from 'vitest';
import { ADMIN, createVerifiedUser, signInWithForm, STUDENT, uniqueEmail } from '../../server/e2e/accounts';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

describe('admin users', () => {
  it('turns away an account that is not an admin, and signs it out', async () => {
    const page = await browser.openPage('admin', '/users');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await signInWithForm(page, STUDENT.email, STUDENT.password);
    await page.getByRole('alert').getByText('This panel is for administrators', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'admin-not-an-admin');

    // Signed out on the server too: the API does not know this browser any more.
    const me = await page.context().request.get('/api/auth/profile');
    expect(me.status()).toBe(401);
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/sign-in');
  });

  it('finds a user, bans them, and their web session stops working', async () => {
    const name = `Banned Soon ${Date.now()}`;
    const email = uniqueEmail('ban-me');
    const password = 'orbit lantern mosaic 7';
    await createVerifiedUser(name, email, password);

    // The user, signed in to the web app on their profile.
    const user = await browser.openPage('web', '/sign-in?next=%2Fprofile');
    await signInWithForm(user, email, password);
    await user.getByRole('heading', { level: 1, name }).waitFor();

    // The admin signs in and lands back on the page they asked for.
    const admin = await browser.openPage('admin', '/users');
    await admin.waitForURL((url) => url.pathname === '/sign-in');
    await signInWithForm(admin, ADMIN.email, ADMIN.password);
    await admin.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/users');
    await admin.getByText('Signed in as', { exact: false }).waitFor();

    // Search is debounced into the URL.
    await admin.getByRole('searchbox', { name: 'Search' }).fill(email);
    await admin.waitForURL((url) => url.searchParams.get('q') === email);
    const row = admin.getByRole('row').filter({ hasText: email });
    await expect.poll(() => admin.getByRole('row').count()).toBe(2); // header + the one match
    expect(await row.innerText()).toContain('Active');

    await row.getByRole('button', { name: `Ban ${name}` }).click();
    const dialog = admin.getByRole('dialog', { name: 'Ban user' });
    await dialog.getByLabel('Reason', { exact: false }).fill('Spam in the forums (e2e)');
    await screenshot(admin, 'admin-ban-dialog');
    await dialog.getByRole('button', { name: 'Ban user' }).click();
    await admin.getByRole('status').getByText(`${name} has been banned`, { exact: false }).waitFor();
    await expect.poll(() => row.innerText()).toContain('Banned');
    await row.getByRole('button', { name: `Lift ban of ${name}` }).waitFor();
    await screenshot(admin, 'admin-users-banned');

    // The banned user's session is over: a reload sends the profile to sign in.
    await user.reload();
    await user.waitForURL((url) => url.pathname === '/sign-in');
    await user.getByRole('group', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).waitFor();

    // Filters live in the URL too; the admin's own row cannot be banned or demoted.
    await admin.getByRole('searchbox', { name: 'Search' }).fill('');
    await admin.getByLabel('Role', { exact: true }).selectOption('admin');
    await admin.waitForURL((url) => url.searchParams.get('role') === 'admin' && !url.searchParams.has('q'));
    const own = admin.getByRole('row').filter({ hasText: ADMIN.email });
    await own.getByText('(you)').waitFor();
    expect(await own.getByRole('button', { name: /^Ban / }).isDisabled()).toBe(true);
    expect(await own.getByRole('button', { name: /^Change role of / }).isDisabled()).toBe(true);
    expect(browser.pageErrors()).toEqual([]);
  });
});
