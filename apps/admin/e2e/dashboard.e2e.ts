// The admin dashboard and analytics in Chromium: the figures and growth charts drawn from
// admin.dashboard with the demo data (an SVG point per day, then per month), and the analytics
// page over a date range in the URL with a CSV export downloaded through the streamed report.
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ADMIN, signInViaApi } from '../../server/e2e/accounts';
import { screenshot, useBrowser } from '../../server/e2e/browser';

const browser = useBrowser();

interface DashboardBody {
  stats: {
    totalUsers: number;
    publishedPrograms: number;
    chartData: {
      userGrowth: { date: string; newUsers: number; totalUsers: number }[];
      revenueGrowth: { date: string; orders: number; revenue: number }[];
    };
  };
}

describe('admin dashboard', () => {
  it('draws the users and revenue growth charts from the demo data, by day and by month', async () => {
    const admin = await browser.openPage('admin', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    const dashboard = async (granularity: 'day' | 'month') => {
      const res = await admin.context().request.get(`/api/admin/dashboard?granularity=${granularity}`);
      expect(res.status()).toBe(200);
      return ((await res.json()) as DashboardBody).stats;
    };
    const daily = await dashboard('day');
    expect(daily.totalUsers).toBeGreaterThan(0);
    expect(daily.chartData.userGrowth).toHaveLength(30);

    await admin.goto('/');
    await admin.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const users = admin.getByRole('figure', { name: 'Users' });
    const usersChart = users.getByRole('img');
    await usersChart.waitFor();
    // One dot per day, the line through them, and a summary ending at today's total.
    expect(await usersChart.locator('circle[data-point]').count()).toBe(30);
    expect(await usersChart.locator('polyline').count()).toBe(1);
    const lastTotal = daily.chartData.userGrowth.at(-1)!.totalUsers.toLocaleString('en-US');
    expect(await usersChart.getAttribute('aria-label')).toContain(`to ${lastTotal}`);
    expect(await usersChart.locator('circle[data-point]').last().getAttribute('data-point')).toBe(
      daily.chartData.userGrowth.at(-1)!.date,
    );
    const revenue = admin.getByRole('figure', { name: /^Revenue/ });
    expect(await revenue.getByRole('img').locator('rect[data-point]').count()).toBe(
      daily.chartData.revenueGrowth.length,
    );
    await expect
      .poll(() =>
        admin
          .getByRole('main')
          .getByRole('link', { name: /^Users/ })
          .innerText(),
      )
      .toContain(daily.totalUsers.toLocaleString('en-US'));
    await screenshot(admin, 'admin-dashboard-charts');

    // By month: the last 12 months.
    const monthly = await dashboard('month');
    await admin.getByRole('link', { name: 'Last 12 months' }).click();
    await admin.waitForURL((url) => url.searchParams.get('period') === 'month');
    await expect.poll(() => usersChart.locator('circle[data-point]').count()).toBe(monthly.chartData.userGrowth.length);
    expect(monthly.chartData.userGrowth).toHaveLength(12);
    expect(browser.pageErrors()).toEqual([]);
  });

  it('shows analytics over a date range and downloads a CSV report', async () => {
    const admin = await browser.openPage('admin', '/sign-in');
    await signInViaApi(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/');
    await admin.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Analytics' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();

    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const range = admin.getByRole('form', { name: 'Date range' });
    await range.getByLabel('From').fill(from);
    await range.getByLabel('To').fill(to);
    await range.getByRole('button', { name: 'Apply' }).click();
    await admin.waitForURL((url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to);

    // The figures are the server's for that range.
    const res = await admin.context().request.get(`/api/admin/analytics?from=${from}&to=${to}`);
    expect(res.status()).toBe(200);
    const { analytics } = (await res.json()) as { analytics: { users: { newUsers: number } } };
    const usersCard = admin.getByRole('region', { name: 'Users' });
    await expect
      .poll(() => usersCard.innerText())
      .toContain(`New users\n${analytics.users.newUsers.toLocaleString('en-US')}`);
    // A year is drawn by month.
    await expect
      .poll(() => admin.getByRole('figure', { name: 'New users' }).locator('rect[data-point]').count())
      .toBeGreaterThanOrEqual(12);

    // The users report, as a file: its rows are counted as they stream in.
    const download = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'Download Users (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^users.*\.csv$/);
    const csv = await fs.readFile(await file.path(), 'utf8');
    const lines = csv.trimEnd().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1);
    const rows = (lines.length - 1).toLocaleString('en-US');
    await admin.getByText(`${file.suggestedFilename()}: ${rows} rows downloaded`).waitFor();
    await screenshot(admin, 'admin-analytics');
    expect(browser.pageErrors()).toEqual([]);
  });
});
