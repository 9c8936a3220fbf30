import type { AnalyticsOverviewOutput } from '@learningpt/schema';
import { ErrorState, FormAlert, Skeleton, useTRPC } from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { SeriesChart } from '../../components/series-chart';
import { formatMoney, formatNumber } from '../../lib/format';
import { ReportDownloads } from './report-download';

type Overview = AnalyticsOverviewOutput['analytics'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** The range in the URL (?from=&to=, UTC days); malformed values are left out (the server's default). */
function useRange() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  return {
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
    set: (next: { from?: string; to?: string }) =>
      setParams(new URLSearchParams({ ...(next.from && { from: next.from }), ...(next.to && { to: next.to }) })),
  };
}

/** /analytics: revenue, users, programs and events over a date range, and the CSV exports. */
export function AnalyticsPage() {
  const trpc = useTRPC();
  const range = useRange();
  const overview = useQuery(
    trpc.admin.analytics.overview.queryOptions(
      { ...(range.from && { from: range.from }), ...(range.to && { to: range.to }) },
      { placeholderData: keepPreviousData },
    ),
  );
  const a = overview.data?.analytics;

  return (
    <>
      <PageHeader
        title="Analytics"
        description={
          a
            ? `${longDay.format(a.from)} to ${longDay.format(new Date(a.to.getTime() - 1))} (UTC days).`
            : 'Revenue, users, programs and events over a date range.'
        }
      />
      <RangeForm key={`${range.from ?? ''}:${range.to ?? ''}`} from={range.from} to={range.to} onApply={range.set} />
      {overview.isPending ? (
        <div aria-busy="true" className="grid gap-4 lg:grid-cols-2">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-48 w-full" />
          ))}
        </div>
      ) : overview.isError && !overview.data ? (
        <ErrorState
          title="We couldn't load the analytics"
          error={overview.error}
          onRetry={() => void overview.refetch()}
        />
      ) : (
        <div className={`space-y-8 transition-opacity ${overview.isPlaceholderData ? 'opacity-60' : ''}`}>
          {overview.isError && <FormAlert tone="error">These figures could not be refreshed.</FormAlert>}
          <Figures a={overview.data.analytics} />
        </div>
      )}
      <div className="mt-8">
        <ReportDownloads from={range.from} to={range.to} />
      </div>
    </>
  );
}

function RangeForm({
  from,
  to,
  onApply,
}: {
  from: string | undefined;
  to: string | undefined;
  onApply: (r: { from?: string; to?: string }) => void;
}) {
  const [draftFrom, setFrom] = useState(from ?? '');
  const [draftTo, setTo] = useState(to ?? '');
  const [error, setError] = useState<string | null>(null);
  const preset = (days: number) => {
    const today = new Date();
    onApply({ from: utcDay(new Date(today.getTime() - (days - 1) * 86_400_000)), to: utcDay(today) });
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    if (draftFrom && draftTo && draftFrom > draftTo) return setError('The start must be on or before the end.');
    setError(null);
    onApply({ ...(draftFrom && { from: draftFrom }), ...(draftTo && { to: draftTo }) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Date range" className="mb-6 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="range-from" className="field-label">
          From
        </label>
        <input
          id="range-from"
          type="date"
          className="field-input"
          value={draftFrom}
          onChange={(e) => setFrom(e.target.value)}
        />
      </div>
      <div>
        <label htmlFor="range-to" className="field-label">
          To
        </label>
        <input
          id="range-to"
          type="date"
          className="field-input"
          value={draftTo}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <button type="submit" className="btn-primary">
        Apply
      </button>
      <button type="button" className="btn-secondary" onClick={() => preset(7)}>
        Last 7 days
      </button>
      <button type="button" className="btn-secondary" onClick={() => preset(30)}>
        Last 30 days
      </button>
      <button type="button" className="btn-secondary" onClick={() => preset(365)}>
        Last 12 months
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      )}
    </form>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function Facts({ items }: { items: [string, string][] }) {
  return (
    <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs font-medium text-slate-500">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Figures({ a }: { a: Overview }) {
  const granularity = a.revenue.granularity;
  const label = (d: string) => (granularity === 'month' ? monthLabel : dayLabel).format(new Date(`${d}T00:00:00Z`));
  const main = a.revenue.byCurrency[0];
  const currency = main?.currency ?? 'USD';
  const money = (n: number) => formatMoney(n, currency);
  const revenuePoints = a.revenue.series
    .filter((p) => p.currency === currency)
    .map((p) => ({ date: p.date, value: p.netRevenue }));
  const r = a.users.retention;

  return (
    <>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Revenue">
          {a.revenue.byCurrency.length === 0 ? (
            <p className="mt-3 text-sm text-slate-500">Nothing was sold in this range.</p>
          ) : (
            a.revenue.byCurrency.map((c) => (
              <Facts
                key={c.currency}
                items={[
                  [`Net revenue (${c.currency})`, formatMoney(c.netRevenue, c.currency)],
                  ['Gross', formatMoney(c.grossRevenue, c.currency)],
                  ['Refunded', formatMoney(c.refunds, c.currency)],
                  ['Paid orders', formatNumber(c.paidOrders)],
                  ['Average order', formatMoney(c.averageOrderValue, c.currency)],
                ]}
              />
            ))
          )}
        </Card>
        <Card title="Users">
          <Facts
            items={[
              ['New users', formatNumber(a.users.newUsers)],
              ['Active users', formatNumber(a.users.activeUsers)],
              ...r.map((x): [string, string] => [
                `Day-${x.days} retention`,
                x.eligible ? `${percent.format(x.rate)} of ${formatNumber(x.eligible)}` : '–',
              ]),
            ]}
          />
        </Card>
        <Card title="Programs">
          <Facts
            items={[
              ['Enrollments', formatNumber(a.programs.enrollments)],
              ['Completions', formatNumber(a.programs.completions)],
              ['Completion rate', percent.format(a.programs.completionRate)],
              ['Conversion', percent.format(a.programs.conversionRate)],
            ]}
          />
          {a.programs.topPrograms.length > 0 && (
            <ol className="mt-4 space-y-1 text-sm text-slate-700">
              {a.programs.topPrograms.slice(0, 5).map((p) => (
                <li key={p.id} className="flex justify-between gap-4">
                  <span className="truncate">{p.title}</span>
                  <span className="shrink-0 tabular-nums text-slate-500">{formatNumber(p.enrollments)} enrolled</span>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title="Events">
          <Facts
            items={[
              ['Events', formatNumber(a.events.events)],
              ['Registrations', formatNumber(a.events.registrations)],
              ['Cancellations', formatNumber(a.events.cancellations)],
              ['Attendance', percent.format(a.events.attendanceRate)],
              ['Fill rate', percent.format(a.events.fillRate)],
              ['Feedback', a.events.averageFeedback === null ? '–' : `${a.events.averageFeedback.toFixed(1)} / 5`],
            ]}
          />
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <SeriesChart
          title={`Net revenue (${currency})`}
          kind="bar"
          points={revenuePoints}
          format={money}
          formatDate={label}
        />
        <SeriesChart
          title="New users"
          kind="bar"
          points={a.users.series.map((p) => ({ date: p.date, value: p.newUsers }))}
          format={formatNumber}
          formatDate={label}
        />
        <SeriesChart
          title="Enrollments"
          kind="bar"
          points={a.programs.series.map((p) => ({ date: p.date, value: p.enrollments }))}
          format={formatNumber}
          formatDate={label}
        />
      </div>
    </>
  );
}
