// Testimonials moderation in the admin panel, in Chromium: the demo's pending testimonial waits in
// the moderation queue (counted in the sidebar), is approved after a confirmation and from then on
// is public (GET /api/content/testimonials, what the web app's testimonials page lists), is
// featured (first in the public list), and one is rejected, which takes it off the site again.
import { describe, expect, it } from 'vitest';
import { ADMIN, signInViaApi } from '../../server/e2e/accounts';
import { apiGet } from '../../server/e2e/api';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

interface PublicTestimonial {
  id: string;
  title: string | null;
  authorName: string;
  status: string;
  featured: boolean;
}

const DEMO_PENDING = { title: 'Worth every cent', author: 'Alice Johnson' };
const LABEL = `“${DEMO_PENDING.title}” by ${DEMO_PENDING.author}`;

async function publicTestimonials(): Promise<PublicTestimonial[]> {
  const { testimonials } = await apiGet<{ testimonials: PublicTestimonial[] }>('/api/content/testimonials?limit=100');
  return testimonials;
}

describe('admin testimonials', () => {
  it('approves a pending testimonial, which then shows on the site, features it, and rejects it again', async () => {
    expect((await publicTestimonials()).map((t) => t.title)).not.toContain(DEMO_PENDING.title);

    const admin = await browser.openPage('admin', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/');
    const nav = admin.getByRole('navigation', { name: 'Admin' });
    // The sidebar counts what waits for moderation.
    await nav.getByRole('link', { name: /Testimonials\s*\d+\s*waiting/ }).waitFor();
    await nav.getByRole('link', { name: /^Testimonials/ }).click();
    await admin.getByRole('heading', { level: 1, name: 'Testimonials' }).waitFor();
    const tabs = admin.getByRole('navigation', { name: 'Testimonial status' });
    expect(await tabs.getByRole('link', { name: /^Pending/ }).getAttribute('aria-current')).toBe('page');

    const row = admin.getByRole('row').filter({ hasText: DEMO_PENDING.title });
    await row.waitFor();
    expect(await row.innerText()).toContain('Pending');
    await row.getByRole('button', { name: `Approve ${LABEL}` }).click();
    const dialog = admin.getByRole('dialog', { name: 'Approve testimonial' });
    await dialog.getByText('Once approved it is public', { exact: false }).waitFor();
    await screenshot(admin, 'admin-testimonial-approve');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await admin
      .getByRole('status')
      .getByText(`The testimonial of ${DEMO_PENDING.author} is approved: it shows on the site.`)
      .waitFor();
    // Out of the queue.
    await row.waitFor({ state: 'detached' });

    // Public now.
    const approved = (await publicTestimonials()).find((t) => t.title === DEMO_PENDING.title);
    expect(approved).toMatchObject({ authorName: DEMO_PENDING.author, status: 'approved', featured: false });

    // In the Approved tab, where it can be featured: first in the public list.
    await tabs.getByRole('link', { name: /^Approved/ }).click();
    await admin.waitForURL((url) => url.searchParams.get('status') === 'approved');
    await row.getByRole('button', { name: `Feature ${LABEL}` }).click();
    await admin.getByRole('status').getByText(`The testimonial of ${DEMO_PENDING.author} is featured.`).waitFor();
    await expect.poll(() => row.innerText()).toContain('Featured');
    await row.getByRole('button', { name: `Unfeature ${LABEL}` }).waitFor();
    const featured = await apiGet<{ testimonials: PublicTestimonial[] }>('/api/content/testimonials?featured=true');
    expect(featured.testimonials.map((t) => t.id)).toContain(approved!.id);
    await screenshot(admin, 'admin-testimonials-approved');

    // Rejecting it (confirmed) takes it off the site and un-features it.
    await row.getByRole('button', { name: `Reject ${LABEL}` }).click();
    const reject = admin.getByRole('dialog', { name: 'Reject testimonial' });
    await reject.getByText('It will be taken off the site', { exact: false }).waitFor();
    await reject.getByRole('button', { name: 'Reject', exact: true }).click();
    await admin.getByRole('status').getByText(`The testimonial of ${DEMO_PENDING.author} is rejected.`).waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await publicTestimonials()).map((t) => t.id)).not.toContain(approved!.id);

    await tabs.getByRole('link', { name: /^Rejected/ }).click();
    await expect.poll(() => row.innerText()).toContain('Rejected');
    expect(await row.innerText()).not.toContain('Featured');
    expect(browser.pageErrors()).toEqual([]);
  });
});
