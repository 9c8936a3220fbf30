// Events and site content in Chromium: a new user finds a free upcoming demo event, registers
// from its page after signing in, and only then sees how to join (the meeting link), then cancels;
// another buys a ticket for a paid event on the local Stripe's hosted Checkout; a registrant rates
// an event once it is over (an event the test creates and moves to the past); a full event offers
// nothing to register; the blog filters by tag and search and the FAQ opens in place; a signed-in
// user submits a testimonial, sees it pending, an admin approves it through the REST API, and it
// then shows on the public testimonials page (to anonymous visitors too).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EVENTS } from '../../../prisma/seed/data/events';
import { EVENT_FACTS } from '../../../prisma/seed/fixtures';
import { ADMIN, createVerifiedUser, signInViaApi, signInWithForm, uniqueEmail } from '../../server/e2e/accounts';
import { apiGet } from '../../server/e2e/api';
import { money, waitForOrder } from '../../server/e2e/billing';
import { appUrl, screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

interface EventBody {
  event: { id: string; title: string; slug: string; registeredCount: number; meetingLink?: string | null };
  isRegistered: boolean;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.context().request.get(path);
  if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function send<T>(page: Page, method: 'POST' | 'PUT', path: string, data: unknown): Promise<T> {
  const res = await page.context().request.fetch(path, { method, data });
  if (!res.ok()) throw new Error(`${method} ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * One new account for the whole file, made on first use: sign-ups are rate limited per IP (20 an
 * hour), and the suite's other files need theirs. Each test still starts signed out (a fresh context).
 */
let member: Promise<{ name: string; email: string; password: string }> | undefined;
function newMember() {
  member ??= (async () => {
    const email = uniqueEmail('member');
    const account = { name: `Eva Member ${email.slice(7, 15)}`, email, password: 'Events-e2e-2026!' };
    await createVerifiedUser(account.name, account.email, account.password);
    return account;
  })();
  return member;
}

describe('web events and content', () => {
  it('registers a user for a free upcoming event, who then sees its meeting link', async () => {
    // A free online event with a meeting link, far enough ahead to be open whatever the date.
    const seed = EVENTS.find(
      (e) => EVENT_FACTS.farFutureSlugs.includes(e.slug) && e.price === 0 && e.meetingUrl && e.capacity === null,
    );
    expect(seed, 'the demo data needs a free upcoming online event with a meeting link').toBeDefined();
    const before = await apiGet<EventBody>(`/api/events/${seed!.slug}`);
    expect('meetingLink' in before.event).toBe(false);

    const { email, password } = await newMember();

    // Find it on /events (upcoming by default) through the header link and the search box.
    const page = await browser.openPage('web', '/programs');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search events' }).fill(seed!.title);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(seed!.title);
    const card = page.getByRole('article', { name: seed!.title });
    await card.getByRole('link', { name: seed!.title }).click();
    await page.getByRole('heading', { level: 1, name: seed!.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/events/${seed!.slug}`);

    // Signed out: no way to join shown, registering goes through sign-in and comes back here.
    const panel = page.getByRole('region', { name: 'Registration' });
    await panel.getByText('Open to everyone').waitFor();
    expect(await page.getByText(seed!.meetingUrl!).count()).toBe(0);
    await panel.getByRole('link', { name: 'Sign in to register' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInWithForm(page, email, password);
    await page.getByRole('heading', { level: 1, name: seed!.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/events/${seed!.slug}`);
    expect(await page.getByText(seed!.meetingUrl!).count()).toBe(0);

    await panel.getByRole('button', { name: 'Register for free' }).click();
    await panel.getByText("You're registered for this event.").waitFor();
    const join = page.getByRole('region', { name: 'How to join' });
    const link = join.getByRole('link', { name: seed!.meetingUrl! });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(seed!.meetingUrl);
    await screenshot(page, 'web-event-registered');

    // The server holds the registration: after a reload the link is still there, the seat is
    // counted, and anonymous readers still get no link.
    await page.reload();
    await join.getByRole('link', { name: seed!.meetingUrl! }).waitFor();
    const mine = await getJson<EventBody>(page, `/api/events/${seed!.slug}`);
    expect(mine.isRegistered).toBe(true);
    expect(mine.event.meetingLink).toBe(seed!.meetingUrl);
    const after = await apiGet<EventBody>(`/api/events/${seed!.slug}`);
    expect(after.event.registeredCount).toBe(before.event.registeredCount + 1);
    expect('meetingLink' in after.event).toBe(false);

    // My events lists it.
    await page.goto('/events/mine');
    await page.getByRole('heading', { level: 1, name: 'My events' }).waitFor();
    await page.getByRole('article', { name: seed!.title }).getByRole('link', { name: seed!.title }).click();

    // Cancelling (a free event, before it starts) gives the seat back and hides the link again.
    await panel.getByRole('button', { name: 'Cancel my registration' }).click();
    await panel.getByText('Your registration is cancelled.').waitFor();
    await panel.getByRole('button', { name: 'Register for free' }).waitFor();
    expect(await page.getByText(seed!.meetingUrl!).count()).toBe(0);
    const cancelled = await apiGet<EventBody>(`/api/events/${seed!.slug}`);
    expect(cancelled.event.registeredCount).toBe(before.event.registeredCount);
    expect(browser.pageErrors()).toEqual([]);
  });

  it('sells a ticket for a paid event on the hosted Checkout page, after which the buyer sees how to join', async () => {
    const seed = EVENTS.find(
      (e) =>
        EVENT_FACTS.farFutureSlugs.includes(e.slug) && e.price > 0 && e.isOnline && e.meetingUrl && e.meetingPassword,
    );
    expect(seed, 'the demo data needs a paid upcoming online event with a meeting link and password').toBeDefined();
    const before = await apiGet<EventBody & { event: { price: number; currency: string } }>(
      `/api/events/${seed!.slug}`,
    );
    const price = money(before.event.price, before.event.currency);

    const { email, password } = await newMember();
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, email, password);
    await page.goto(`/events/${seed!.slug}`);
    await page.getByRole('heading', { level: 1, name: seed!.title }).waitFor();
    const panel = page.getByRole('region', { name: 'Tickets' });
    // Registering for free is not offered for a paid event: buying is.
    expect(await panel.getByRole('button', { name: 'Register for free' }).count()).toBe(0);
    await panel.getByRole('button', { name: `Buy ticket · ${price}` }).click();

    await page.getByRole('heading', { name: 'Pay' }).waitFor();
    await page.getByRole('button', { name: /Pay with test card 4242/ }).click();
    await page.waitForURL(
      (url) =>
        url.origin === appUrl('web') &&
        url.pathname.startsWith('/orders/') &&
        url.searchParams.get('checkout') === 'success',
    );
    const orderId = new URL(page.url()).pathname.split('/')[2]!;
    const order = await waitForOrder(page, orderId, 'completed');
    expect(order.total).toBe(before.event.price);

    // Billing registered the buyer: the order leads back to the event page, which now shows the
    // ticket, the link and the password.
    await page.getByRole('link', { name: 'View event' }).waitFor();
    await page.getByRole('link', { name: 'Go to the event' }).click();
    await page.waitForURL((url) => url.pathname === `/events/${before.event.id}`);
    await page.getByRole('heading', { level: 1, name: seed!.title }).waitFor();
    await panel.getByText('You have a ticket for this event.').waitFor();
    const join = page.getByRole('region', { name: 'How to join' });
    await join.getByRole('link', { name: seed!.meetingUrl! }).waitFor();
    await join.getByText(seed!.meetingPassword!).waitFor();
    expect(await panel.getByRole('button', { name: /^Buy ticket/ }).count()).toBe(0);
    const after = await apiGet<EventBody>(`/api/events/${seed!.slug}`);
    expect(after.event.registeredCount).toBe(before.event.registeredCount + 1);
    await screenshot(page, 'web-event-ticket');
    expect(browser.pageErrors()).toEqual([]);
  });

  it('asks a registrant for feedback once the event is over, and shows the rating given', async () => {
    // An event of the test's own: an admin creates it, the user registers, the admin moves it to
    // the past and marks it completed (what the hourly task does as time passes).
    const admin = await browser.openPage('web', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    const title = `Feedback Clinic ${uniqueEmail('x').slice(2, 10)}`;
    const { event } = await send<EventBody>(admin, 'POST', '/api/events', {
      title,
      startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      duration: 60,
      isOnline: true,
      meetingLink: 'https://meet.learningpt.dev/feedback-clinic',
    });

    const { email, password } = await newMember();
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, email, password);
    await send(page, 'POST', `/api/events/${event.id}/register`, {});
    await send(admin, 'PUT', `/api/events/${event.id}`, {
      startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      status: 'completed',
    });

    await page.goto('/events/mine');
    const card = page.getByRole('article', { name: title });
    await card.getByText('Ended').waitFor();
    const form = card.getByRole('form', { name: 'Rate this event' });
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await form.getByText('rating is a whole number from 1 to 5').waitFor();
    await form.locator('label').filter({ hasText: '4 stars' }).click();
    await form.getByLabel('Comment (optional)').fill('Useful, and on time.');
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await card.getByText('Your feedback: 4 out of 5').waitFor();
    await card.getByText('Useful, and on time.').waitFor();
    expect(await card.getByRole('form', { name: 'Rate this event' }).count()).toBe(0);

    // The server kept it: the event's page says so too, and the link of a past event is not shown.
    await card.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('region', { name: 'Registration' }).getByText('Your feedback: 4 out of 5').waitFor();
    expect(await page.getByRole('region', { name: 'How to join' }).count()).toBe(0);
    const mine = await getJson<{ registration: { feedbackRating: number; feedbackComment: string } }>(
      page,
      `/api/events/${event.slug}`,
    );
    expect(mine.registration).toMatchObject({ feedbackRating: 4, feedbackComment: 'Useful, and on time.' });
    expect(browser.pageErrors()).toEqual([]);
  });

  it('shows an event with no seat left as full, with nothing to register', async () => {
    const admin = await browser.openPage('web', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    const title = `One Seat Salon ${uniqueEmail('x').slice(2, 10)}`;
    const { event } = await send<EventBody>(admin, 'POST', '/api/events', {
      title,
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      capacity: 1,
      location: 'Lisbon',
    });
    await send(admin, 'POST', `/api/events/${event.id}/register`, {});

    const { email, password } = await newMember();
    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, email, password);
    await page.goto(`/events/${event.slug}`);
    const panel = page.getByRole('region', { name: 'Registration' });
    const full = panel.getByRole('button', { name: 'Full' });
    await full.waitFor();
    expect(await full.isDisabled()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Register for free' }).count()).toBe(0);
    expect(browser.pageErrors()).toEqual([]);
  });

  it('lists published blog posts with tag and search filters in the URL, opens one, and expands an FAQ', async () => {
    interface PostsBody {
      posts: { title: string; slug: string; tags: string[] }[];
      pagination: { totalPosts: number };
    }
    const all = await apiGet<PostsBody>('/api/content/blog?limit=100');
    const post = all.posts.find((p) => p.tags.length > 0)!;
    const tag = post.tags[0]!;
    const tagged = await apiGet<PostsBody>(`/api/content/blog?tag=${encodeURIComponent(tag)}&limit=100`);

    const page = await browser.openPage('web', '/programs');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Blog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Blog' }).waitFor();
    await page.getByText(`${all.pagination.totalPosts} posts`).waitFor();

    // A tag link filters the list (and says so in the URL).
    await page
      .getByRole('article', { name: post.title })
      .getByRole('link', { name: `#${tag}` })
      .click();
    await page.getByText(`Tagged “${tag}”`).waitFor();
    expect(new URL(page.url()).searchParams.get('tag')).toBe(tag);
    const list = page.getByRole('list', { name: /post/ });
    await expect.poll(() => list.getByRole('article').count()).toBe(tagged.posts.length);

    // A search that matches nothing says so; clearing brings the posts back.
    await page.getByRole('searchbox', { name: 'Search posts' }).fill('zzzz-no-such-post');
    await page.getByText('No posts match “zzzz-no-such-post”').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText(`${all.pagination.totalPosts} posts`).waitFor();

    await page.getByRole('article', { name: post.title }).getByRole('link', { name: post.title }).click();
    await page.getByRole('heading', { level: 1, name: post.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/blog/${post.slug}`);

    // The FAQ page, from the footer: grouped as the API groups them, each answer opens in place.
    const { categories } = await apiGet<{
      categories: { category: string | null; faqs: { question: string; answer: string }[] }[];
    }>('/api/content/faqs');
    await page.getByRole('navigation', { name: 'Footer' }).getByRole('link', { name: 'FAQ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Frequently asked questions' }).waitFor();
    for (const group of categories) {
      await page.getByRole('heading', { level: 2, name: group.category ?? 'Other questions' }).waitFor();
    }
    const first = categories[0]!.faqs[0]!;
    const answerText = first.answer
      .replace(/<[^>]+>/g, '')
      .trim()
      .slice(0, 30);
    const answer = page.getByText(answerText);
    expect(await answer.isVisible()).toBe(false);
    await page.getByText(first.question).click();
    await answer.waitFor();
    expect(browser.pageErrors()).toEqual([]);
  });

  it('shows a submitted testimonial as pending, and on the public page once an admin approves it', async () => {
    const { name, email, password } = await newMember();
    const story = `Passed my exam on the first try thanks to the simulator (${email}).`;

    const page = await browser.openPage('web', '/sign-in');
    await signInViaApi(page, email, password);
    await page.goto('/programs');
    await page.getByRole('navigation', { name: 'Footer' }).getByRole('link', { name: 'Testimonials' }).click();
    await page.getByRole('heading', { level: 1, name: 'What learners say' }).waitFor();

    const form = page.getByRole('form', { name: 'Share your story' });
    await form.getByRole('button', { name: 'Submit testimonial' }).click();
    await form.getByText('rating must be a whole number from 1 to 5').waitFor();
    await form.locator('label').filter({ hasText: '5 stars' }).click();
    await form.getByLabel('Headline (optional)').fill('Ready for exam day');
    await form.getByLabel('Your testimonial').fill(story);
    await form.getByLabel('About you (optional)').fill('Cloud engineer');
    await form.getByRole('button', { name: 'Submit testimonial' }).click();
    await form.getByText('Your testimonial is pending review').waitFor();
    const myList = page.getByRole('region', { name: 'My testimonials' });
    await myList.getByText('Pending review').waitFor();
    await myList.getByText('Ready for exam day').waitFor();
    // Not public while pending.
    const wall = page.getByRole('region', { name: 'Testimonials' });
    await wall.getByRole('figure').first().waitFor();
    expect(await wall.getByText(story).count()).toBe(0);
    await screenshot(page, 'web-testimonial-pending');

    // An admin approves it (the moderation REST route, with an admin session).
    const { testimonials } = await getJson<{ testimonials: { id: string; content: string; status: string }[] }>(
      page,
      '/api/content/testimonials/mine',
    );
    const submitted = testimonials.find((t) => t.content === story);
    expect(submitted?.status).toBe('pending');
    const admin = await browser.openPage('web', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    const res = await admin
      .context()
      .request.put(`/api/content/testimonials/${submitted!.id}`, { data: { status: 'approved' } });
    expect(res.status(), await res.text()).toBe(200);

    // The public page shows it, to anyone; the author's list says approved.
    const visitor = await browser.openPage('web', '/testimonials');
    const shown = visitor.getByRole('figure', { name: `Testimonial by ${name}` });
    await shown.getByText(story).waitFor();
    await shown.getByText('Ready for exam day').waitFor();
    await shown.getByText('Cloud engineer').waitFor();
    await page.reload();
    await page.getByRole('region', { name: 'Testimonials' }).getByText(story).waitFor();
    await myList.getByText('Approved').waitFor();
    await screenshot(visitor, 'web-testimonials');
    expect(browser.pageErrors()).toEqual([]);
  });
});
