// Orders in the admin panel, in Chromium: a student's paid order (bought through the API and the
// local Stripe's hosted Checkout page) is found by its number, shown with its details, moved on to
// processing, and refunded in full, which cancels it and takes back the access it gave.
import { describe, expect, it } from 'vitest';
import { ADMIN, createVerifiedUser, signInViaApi, uniqueEmail } from '../../server/e2e/accounts';
import { buyViaApi, findPaidProgramWithExam, money, waitForOrder } from '../../server/e2e/billing';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

describe('admin orders', () => {
  it("finds a student's order, shows it, changes its status and refunds it in full", async () => {
    // The student buys a paid program's bundle (paid through the local Stripe, webhook applied).
    const name = `Rita Refund ${Date.now()}`;
    const email = uniqueEmail('refund-me');
    const password = 'Refund-e2e-2026!';
    await createVerifiedUser(name, email, password);
    const student = await browser.openPage('web', '/sign-in');
    await signInViaApi(student, email, password);
    const { program } = await findPaidProgramWithExam(student);
    const order = await buyViaApi(student, program.id);
    const total = money(order.total, order.currency);
    const programOf = async () =>
      (await (await student.context().request.get(`/api/programs/${program.id}`)).json()) as { isEnrolled: boolean };
    expect((await programOf()).isEnrolled).toBe(true);

    // The admin opens Orders: the last 30 days' figures, then the order found by its number.
    const admin = await browser.openPage('admin', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/');
    await admin.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Orders' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    const figures = admin.getByRole('region', { name: 'Last 30 days' });
    await figures.getByText('Net revenue').waitFor();
    await expect.poll(() => figures.locator('dd').first().innerText()).toMatch(/^\d[\d,]*$/);

    await admin.getByRole('searchbox', { name: 'Search' }).fill(order.orderNumber);
    await admin.waitForURL((url) => url.searchParams.get('q') === order.orderNumber);
    await expect.poll(() => admin.getByRole('row').count()).toBe(2); // header + the one match
    const row = admin.getByRole('row').filter({ hasText: order.orderNumber });
    const text = await row.innerText();
    expect(text).toContain(email);
    expect(text).toContain(total);
    expect(text).toContain('Paid');
    expect(text).toContain('Completed');

    // Its details; from there a status change (a paid order moves on to processing) with a note.
    await row.getByRole('button', { name: `Details of order ${order.orderNumber}` }).click();
    const details = admin.getByRole('dialog', { name: `Order details ${order.orderNumber}` });
    await details.getByText(program.title, { exact: false }).first().waitFor();
    await details.getByRole('button', { name: 'Change status' }).click();
    const change = admin.getByRole('dialog', { name: `Change order status ${order.orderNumber}` });
    await change.getByLabel('New status').selectOption('processing');
    await change.getByLabel('Note', { exact: false }).fill('Checked by hand (e2e)');
    await change.getByRole('button', { name: 'Change status' }).click();
    await admin.getByRole('status').getByText(`Order ${order.orderNumber} is now processing.`).waitFor();
    await expect.poll(() => row.innerText()).toContain('Processing');

    // The refund, confirmed in its dialog.
    await row.getByRole('button', { name: `Refund order ${order.orderNumber}` }).click();
    const dialog = admin.getByRole('dialog', { name: `Refund order ${order.orderNumber}` });
    await dialog.getByText(`${total} of ${total} can still be refunded`, { exact: false }).waitFor();
    await dialog.getByLabel('Reason', { exact: false }).fill('Asked for by the student (e2e)');
    await screenshot(admin, 'admin-order-refund');
    await dialog.getByRole('button', { name: `Refund ${total}` }).click();

    // A clear result, and the row now says refunded and cancelled.
    await admin
      .getByRole('status')
      .getByText(`Order ${order.orderNumber} is fully refunded`, { exact: false })
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => row.innerText()).toContain('Refunded');
    expect(await row.innerText()).toContain('Cancelled');
    expect(await row.getByRole('button', { name: `Refund order ${order.orderNumber}` }).isDisabled()).toBe(true);
    await screenshot(admin, 'admin-orders-refunded');

    // The payment filter finds it among the refunded ones.
    await admin.getByLabel('Payment', { exact: true }).selectOption('refunded');
    await admin.waitForURL((url) => url.searchParams.get('payment') === 'refunded');
    await row.waitFor();

    // The server agrees: refunded, and the student's access taken back.
    await waitForOrder(student, order.id, 'refunded');
    expect((await programOf()).isEnrolled).toBe(false);
    expect(browser.pageErrors()).toEqual([]);
  });
});
