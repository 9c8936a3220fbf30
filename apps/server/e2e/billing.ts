// Payments in the browser tests: a paid demo program to buy, and shortcuts through the REST API and
// the local Stripe's hosted Checkout page (started by ./global-setup.ts) for steps a test is not about.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiGet, type ProgramListBody } from './api';
import './provided-context';

export type ProgramListItem = ProgramListBody['programs'][number];

/** "$34.99": money as the apps show it to an en-US browser. */
export function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
}

async function get<T>(page: Page, path: string): Promise<T> {
  const res = await page.context().request.get(path);
  if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

interface LessonsBody {
  sections: { lessons: { id: string; title: string; content: string | null }[] }[];
}

/**
 * A paid, published demo program with a published practice exam and lessons that are locked
 * without access (not all free previews), as the server lists them. `page` must be signed in
 * (quizzes are for signed-in users); it should have bought nothing.
 */
export async function findPaidProgramWithExam(
  page: Page,
): Promise<{ program: ProgramListItem; quiz: { id: string; title: string } }> {
  const { programs } = await apiGet<ProgramListBody>('/api/programs?limit=100');
  for (const program of programs.filter((p) => !p.isFree && p.pricing.bundle > 0)) {
    const { quizzes } = await get<{ quizzes: { id: string; title: string }[] }>(
      page,
      `/api/quizzes?programId=${program.id}&limit=1`,
    );
    if (!quizzes[0]) continue;
    const { sections } = await apiGet<LessonsBody>(`/api/programs/${program.id}/lessons`);
    const lessons = sections.flatMap((s) => s.lessons);
    if (lessons.some((l) => l.content === null)) return { program, quiz: quizzes[0] };
  }
  throw new Error('the demo data needs a paid program with a published quiz and locked lessons');
}

export interface OrderBody {
  order: {
    id: string;
    orderNumber: string;
    status: string;
    paymentStatus: 'pending' | 'completed' | 'failed' | 'refunded';
    total: number;
    currency: string;
  };
}

/** Waits until the order's payment status is `status` (the worker applies Stripe's webhooks). */
export async function waitForOrder(page: Page, orderId: string, status: OrderBody['order']['paymentStatus']) {
  let last: OrderBody['order'] | undefined;
  await expect
    .poll(
      async () => {
        last = (await get<OrderBody>(page, `/api/orders/${orderId}`)).order;
        return last.paymentStatus;
      },
      { timeout: 20_000, interval: 250, message: `order ${orderId} never became ${status}` },
    )
    .toBe(status);
  return last!;
}

/**
 * Buys a program feature as the page's signed-in user without the browser: a Checkout session
 * through the API, paid on the local Stripe's hosted page (as its Pay button posts), then waits
 * until the webhook has been applied. Answers the paid order.
 */
export async function buyViaApi(page: Page, programId: string, accessType = 'bundle') {
  const res = await page.context().request.post('/api/payments/checkout', { data: { programId, accessType } });
  if (!res.ok()) throw new Error(`POST /api/payments/checkout answered ${res.status()}: ${await res.text()}`);
  const checkout = (await res.json()) as { url: string; orderId: string };
  const paid = await fetch(checkout.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ card: 'pm_card_visa' }).toString(),
    redirect: 'manual',
  });
  await paid.text();
  if (paid.status !== 303) throw new Error(`the hosted Checkout page answered ${paid.status} to the payment`);
  return waitForOrder(page, checkout.orderId, 'completed');
}
