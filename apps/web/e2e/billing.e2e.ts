// Buying in Chromium, against the local Stripe the e2e stack runs: a new student is sent to sign
// in from a paid program's page and back, buys its bundle on Stripe's hosted Checkout page, waits
// on the success page until the payment is applied, and then reads the lessons and opens the
// exam. A declined card leaves nothing bought.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createVerifiedUser, signInViaApi, signInWithForm, uniqueEmail } from '../../server/e2e/accounts';
import { apiGet, type ProgramDetailBody } from '../../server/e2e/api';
import { findPaidProgramWithExam, money, waitForOrder } from '../../server/e2e/billing';
import { appUrl, screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();
const password = 'Billing-e2e-2026!';

interface ProgramBody {
  isEnrolled: boolean;
  access: Record<'chatbot' | 'documentation' | 'examSimulator', { allowed: boolean }>;
}

async function programAccess(page: Page, programId: string): Promise<ProgramBody> {
  const res = await page.context().request.get(`/api/programs/${programId}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as ProgramBody;
}

/** From the program page's pricing card to the local Stripe's hosted Checkout page. */
async function startBundleCheckout(page: Page, bundle: string) {
  const pricing = page.getByRole('region', { name: 'Pricing' });
  await pricing.getByRole('button', { name: `Buy the bundle for ${bundle}` }).click();
  await page.waitForURL((url) => url.origin !== appUrl('web') && url.pathname.startsWith('/checkout/'));
  await page.getByRole('heading', { name: 'Pay' }).waitFor();
  expect(await page.locator('main').innerText()).toContain(bundle);
}

describe('web billing', () => {
  it('buys a paid program on the hosted Checkout page, then reads its lessons and opens its exam', async () => {
    const email = uniqueEmail('buyer');
    await createVerifiedUser('Bea Buyer', email, password);
    const scout = await browser.openPage('web', '/sign-in');
    await signInViaApi(scout, email, password);
    const { program, quiz } = await findPaidProgramWithExam(scout);
    const { currency } = program.pricing;
    const bundle = money(program.pricing.bundle, currency);

    // Signed out: the price list is there, and buying goes through sign-in and comes back.
    const page = await browser.openPage('web', `/programs/${program.slug}`);
    await page.getByRole('heading', { level: 1, name: program.title }).waitFor();
    const pricing = page.getByRole('region', { name: 'Pricing' });
    await pricing.getByRole('link', { name: `Sign in to buy the bundle for ${bundle}` }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInWithForm(page, email, password);
    await page.getByRole('heading', { level: 1, name: program.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/programs/${program.slug}`);

    // Signed in: a Buy button per feature, with its price, and the bundle.
    const { program: detail } = await apiGet<ProgramDetailBody>(`/api/programs/${program.id}`);
    for (const [label, amount] of [
      ['AI tutor', detail.pricing.chatbot],
      ['Documentation', detail.pricing.documentation],
      ['Exam simulator', detail.pricing.examSimulator],
    ] as const) {
      const verb = amount === 0 ? 'Get' : 'Buy';
      const shown = amount === 0 ? 'Free' : money(amount, currency);
      await pricing.getByRole('button', { name: `${verb} ${label} for ${shown}` }).waitFor();
    }
    await screenshot(page, 'web-program-buy');

    // Stripe's hosted page: pay with the test card that succeeds.
    await startBundleCheckout(page, bundle);
    await screenshot(page, 'web-stripe-checkout');
    await page.getByRole('button', { name: /Pay with test card 4242/ }).click();

    // Back on the success page, which waits for the webhook to be applied.
    await page.waitForURL(
      (url) =>
        url.origin === appUrl('web') &&
        url.pathname.startsWith('/orders/') &&
        url.searchParams.get('checkout') === 'success',
    );
    await page.getByRole('heading', { name: 'Payment received' }).waitFor({ timeout: 20_000 });
    const orderId = new URL(page.url()).pathname.split('/')[2]!;
    const order = await waitForOrder(page, orderId, 'completed');
    expect(order.total).toBe(program.pricing.bundle);
    await page.getByText(`Order ${order.orderNumber} is paid (${bundle})`, { exact: false }).waitFor();
    await screenshot(page, 'web-checkout-success');

    // The lessons: every one readable now, with the student's progress.
    await page.getByRole('link', { name: 'Start learning' }).click();
    const curriculum = page.getByRole('navigation', { name: 'Curriculum' });
    await curriculum.waitFor();
    await page.getByTestId('progress-summary').waitFor();
    expect(await curriculum.getByText('(locked)').count()).toBe(0);
    expect(await page.getByText('This lesson is part of the full program').count()).toBe(0);

    // The exam: the full exam, not the preview.
    await page.goto(`/exams/${quiz.id}`);
    await page.getByRole('heading', { level: 1, name: quiz.title }).waitFor();
    await page.getByRole('button', { name: 'Start exam' }).waitFor();

    // The program page marks each feature as owned; Billing lists the paid order.
    await page.goto(`/programs/${program.slug}`);
    await page.getByText("You're enrolled").waitFor();
    await expect.poll(() => pricing.getByText('Owned', { exact: true }).count()).toBe(3);
    await pricing.getByText('You have every feature of this program.').waitFor();
    await page
      .getByRole('group', { name: 'Account' })
      .getByRole('button', { name: /account menu/ })
      .click();
    await page.getByRole('link', { name: 'Billing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Billing' }).waitFor();
    const row = page.getByRole('region', { name: 'Orders' }).getByRole('row').filter({ hasText: order.orderNumber });
    await row.getByText('Paid', { exact: true }).waitFor();
    // Its receipt is among the invoices, linked to the order.
    await page
      .getByRole('region', { name: 'Invoices and receipts' })
      .getByRole('row')
      .filter({ hasText: order.orderNumber })
      .getByRole('link', { name: /^Order of receipt / })
      .waitFor();
    expect(await row.innerText()).toContain(bundle);
    await screenshot(page, 'web-billing');
    await row.getByRole('link', { name: `Order ${order.orderNumber}` }).click();
    await page.getByRole('heading', { level: 1, name: `Order ${order.orderNumber}` }).waitFor();
    expect(browser.pageErrors()).toEqual([]);
  });

  it('leaves no access after a declined card, and says nothing was charged', async () => {
    const email = uniqueEmail('declined');
    await createVerifiedUser('Dee Declined', email, password);
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, email, password);
    const { program, quiz } = await findPaidProgramWithExam(page);
    const bundle = money(program.pricing.bundle, program.pricing.currency);

    await page.goto(`/programs/${program.slug}`);
    await page.getByRole('heading', { level: 1, name: program.title }).waitFor();
    await startBundleCheckout(page, bundle);
    await page.getByRole('button', { name: /Pay with test card 0002/ }).click();
    await page.getByRole('alert').getByText('Your card was declined.').waitFor();

    // Back to the site without paying: the cancel page says nothing was charged.
    await page.getByRole('link', { name: /Cancel and go back/ }).click();
    await page.waitForURL((url) => url.origin === appUrl('web') && url.searchParams.get('checkout') === 'cancelled');
    await page.getByRole('heading', { name: 'Checkout cancelled' }).waitFor();
    await page.getByText('Nothing was charged.', { exact: false }).waitFor();
    await screenshot(page, 'web-checkout-cancelled');
    const orderId = new URL(page.url()).pathname.split('/')[2]!;
    await waitForOrder(page, orderId, 'failed');

    // No access anywhere: the server, the lessons, the exam.
    const after = await programAccess(page, program.id);
    expect(after.isEnrolled).toBe(false);
    expect(Object.values(after.access).map((a) => a.allowed)).toEqual([false, false, false]);
    await page.goto(`/programs/${program.slug}/learn`);
    const curriculum = page.getByRole('navigation', { name: 'Curriculum' });
    await curriculum.waitFor();
    expect(await curriculum.getByText('(locked)').count()).toBeGreaterThan(0);
    await page.goto(`/exams/${quiz.id}`);
    await page.getByRole('heading', { level: 1, name: quiz.title }).waitFor();
    await page
      .getByRole('button', { name: /Start free preview/ })
      .or(page.getByRole('link', { name: 'See pricing' }))
      .waitFor();
    expect(await page.getByRole('button', { name: 'Start exam' }).count()).toBe(0);

    // Billing shows the order as failed, not paid.
    await page.goto('/billing');
    const orders = page.getByRole('region', { name: 'Orders' });
    await orders.getByRole('row').filter({ hasText: 'Payment failed' }).waitFor();
    expect(await orders.getByText('Paid', { exact: true }).count()).toBe(0);
    expect(browser.pageErrors()).toEqual([]);
  });

  it('subscribes to a plan from the pricing page, then cancels it at period end and resumes it', async () => {
    const { plans } = await apiGet<{ plans: { id: string; name: string; price: number; currency: string }[] }>(
      '/api/subscriptions/plans',
    );
    const basic = plans.find((p) => p.id === 'basic')!;
    expect(basic, 'the demo data needs the Basic plan').toBeDefined();
    const email = uniqueEmail('subscriber');
    await createVerifiedUser('Sam Subscriber', email, password);
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, email, password);

    // The plans from the server, each with its price; a new account is on Free.
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pricing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plans and pricing' }).waitFor();
    for (const plan of plans) {
      const card = page.getByRole('article', { name: plan.name, exact: true });
      expect(await card.innerText()).toContain(money(plan.price, plan.currency));
    }
    await page.getByRole('article', { name: 'Free', exact: true }).getByText('Current plan', { exact: true }).waitFor();
    await screenshot(page, 'web-pricing');

    // Subscribe: Stripe's hosted page, then back to Billing, which waits for the subscription.
    await page.getByRole('button', { name: `Subscribe to ${basic.name}` }).click();
    await page.waitForURL((url) => url.origin !== appUrl('web') && url.pathname.startsWith('/checkout/'));
    await page.getByRole('heading', { name: 'Subscribe' }).waitFor();
    await page.getByRole('button', { name: /Pay with test card 4242/ }).click();
    await page.waitForURL((url) => url.pathname === '/billing' && url.searchParams.get('checkout') === 'success');
    const plan = page.getByRole('region', { name: 'Your plan' });
    await plan.getByText(`Welcome to ${basic.name}! Your plan is active.`).waitFor({ timeout: 20_000 });
    await plan.getByText(/^Renews on /).waitFor();
    await screenshot(page, 'web-billing-plan');

    // Cancel at period end (confirmed), then resume.
    await plan.getByRole('button', { name: 'Cancel plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel your plan?' });
    await dialog.getByRole('button', { name: 'Cancel at period end' }).click();
    await plan.getByText(/^Ends on /).waitFor();
    await plan.getByRole('button', { name: 'Resume plan' }).click();
    await plan.getByText(/^Renews on /).waitFor();

    // The pricing page now marks Basic as the current plan.
    await page.goto('/pricing');
    await page
      .getByRole('article', { name: basic.name, exact: true })
      .getByText('Current plan', { exact: true })
      .waitFor();
    expect(browser.pageErrors()).toEqual([]);
  });
});
