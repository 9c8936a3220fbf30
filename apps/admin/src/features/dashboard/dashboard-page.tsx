import {
  BookIcon,
  CalendarIcon,
  ErrorState,
  ReceiptIcon,
  Skeleton,
  StarIcon,
  UsersIcon,
  useTRPC,
} from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { SeriesChart } from '../../components/series-chart';
import { StatusTabs } from '../../components/status-tabs';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { StatCard } from './stat-card';

const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "12 this month (8 last month)". */
function thisMonth(now: string, before: string) {
  return `${now} this month · ${before} last month`;
}

/** The platform at a glance (admin.dashboard): totals, this month against last, and the growth charts. */
export function DashboardPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const granularity = params.get('period') === 'month' ? 'month' : 'day';
  const dashboard = useQuery(trpc.admin.dashboard.queryOptions({ granularity }));
  const newest = useQuery(trpc.programs.list.queryOptions({ sort: 'newest', limit: 5 }));
  const s = dashboard.data?.stats;
  const failed = dashboard.isError;
  const money = (n: number) => formatMoney(n, s?.currency ?? 'USD');
  const label = (d: string) => (granularity === 'month' ? monthLabel : dayLabel).format(new Date(`${d}T00:00:00Z`));

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="The whole platform: totals, this month against last, and growth."
        actions={
          <Link to="/analytics" className="btn-secondary">
            Analytics and reports
          </Link>
        }
      />
      {failed && (
        <div className="mb-6">
          <ErrorState
            title="We couldn't load the figures"
            error={dashboard.error}
            onRetry={() => void dashboard.refetch()}
          />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard
          label="Users"
          icon={UsersIcon}
          to="/users"
          value={s?.totalUsers}
          failed={failed}
          detail={s && thisMonth(formatNumber(s.newUsersThisMonth), formatNumber(s.newUsersLastMonth))}
        />
        <StatCard
          label="Net revenue"
          icon={ReceiptIcon}
          to="/orders"
          value={s?.totalRevenue}
          format={money}
          failed={failed}
          detail={s && thisMonth(money(s.revenueThisMonth), money(s.revenueLastMonth))}
        />
        <StatCard
          label="Enrollments"
          icon={BookIcon}
          to="/programs"
          value={s?.totalEnrollments}
          failed={failed}
          detail={s && thisMonth(formatNumber(s.enrollmentsThisMonth), formatNumber(s.enrollmentsLastMonth))}
        />
        <StatCard
          label="Published programs"
          icon={StarIcon}
          to="/programs"
          value={s?.publishedPrograms}
          failed={failed}
          detail={s && `${formatNumber(s.totalPrograms)} in all statuses`}
        />
        <StatCard
          label="Paid orders"
          icon={ReceiptIcon}
          to="/orders"
          value={s?.paidOrders}
          failed={failed}
          detail={s && thisMonth(formatNumber(s.ordersThisMonth), formatNumber(s.ordersLastMonth))}
        />
        <StatCard
          label="Active subscriptions"
          icon={StarIcon}
          to="/analytics"
          value={s?.activeSubscriptions}
          failed={failed}
        />
        <StatCard
          label="Upcoming events"
          icon={CalendarIcon}
          to="/events?status=upcoming"
          value={s?.upcomingEvents}
          failed={failed}
          detail={s && `${formatNumber(s.totalRegistrations)} registrations in all`}
        />
        <StatCard label="Certificates" icon={BookIcon} to="/analytics" value={s?.totalCertificates} failed={failed} />
      </div>

      <section aria-labelledby="growth-heading" className="mt-8">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="growth-heading" className="text-lg font-semibold text-slate-900">
            Growth
          </h2>
          <StatusTabs
            label="Chart period"
            tabs={[
              { label: 'Last 30 days', href: '?', active: granularity === 'day' },
              { label: 'Last 12 months', href: '?period=month', active: granularity === 'month' },
            ]}
          />
        </div>
        {s ? (
          <div className="grid gap-4 lg:grid-cols-2">
            <SeriesChart
              title="Users"
              points={s.chartData.userGrowth.map((p) => ({ date: p.date, value: p.totalUsers }))}
              format={formatNumber}
              formatDate={label}
            />
            <SeriesChart
              title={`Revenue (${s.currency})`}
              kind="bar"
              points={s.chartData.revenueGrowth.map((p) => ({ date: p.date, value: p.revenue }))}
              format={money}
              formatDate={label}
            />
          </div>
        ) : (
          !failed && (
            <div aria-busy="true" className="grid gap-4 lg:grid-cols-2">
              <Skeleton className="h-64 w-full" />
              <Skeleton className="h-64 w-full" />
            </div>
          )
        )}
      </section>

      <section aria-labelledby="newest-heading" className="mt-8 rounded-2xl border border-slate-200 bg-white shadow-sm">
        <div className="flex items-center justify-between border-b border-slate-100 px-5 py-4">
          <h2 id="newest-heading" className="font-semibold text-slate-900">
            Newest programs
          </h2>
          <Link to="/programs" className="text-sm font-medium text-indigo-600 hover:text-indigo-800">
            View all
          </Link>
        </div>
        <ul className="divide-y divide-slate-100">
          {newest.isPending
            ? Array.from({ length: 3 }, (_, i) => (
                <li key={i} className="px-5 py-3.5">
                  <Skeleton className="h-5 w-2/3" />
                </li>
              ))
            : newest.data?.programs.map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-4 px-5 py-3.5 text-sm">
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-slate-900">{p.title}</span>
                    <span className="block text-slate-500">{p.category}</span>
                  </span>
                  <span className="shrink-0 text-slate-500">{formatDate(p.createdAt)}</span>
                </li>
              ))}
          {newest.isError && <li className="px-5 py-3.5 text-sm text-red-600">Programs could not be loaded.</li>}
          {newest.data?.programs.length === 0 && (
            <li className="px-5 py-3.5 text-sm text-slate-500">No programs published yet.</li>
          )}
        </ul>
      </section>
    </>
  );
}
