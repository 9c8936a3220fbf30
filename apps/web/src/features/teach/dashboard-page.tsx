import type { InstructorDashboardOutput } from '@learningpt/schema';
import { ErrorState, Skeleton, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount, formatMoney, formatRating, plural } from '../../lib/format';

type Stats = InstructorDashboardOutput['stats'];

/** /teach: an instructor's numbers across their programs, and the programs doing best. */
export function DashboardPage() {
  const trpc = useTRPC();
  const dashboard = useQuery(trpc.instructors.dashboard.queryOptions());

  return (
    <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
      <title>Instructor dashboard · LearninGPT</title>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Instructor dashboard</h1>
          <p className="mt-1 text-sm text-slate-600">How your programs and students are doing.</p>
        </div>
        <Link to="/teach/programs/new" className="btn-primary">
          New program
        </Link>
      </div>

      <div className="mt-8">
        {dashboard.isPending ? (
          <DashboardSkeleton />
        ) : dashboard.isError ? (
          <ErrorState
            title="We couldn't load your dashboard"
            error={dashboard.error}
            onRetry={() => void dashboard.refetch()}
          />
        ) : dashboard.data.stats.totalPrograms === 0 ? (
          <FirstProgram />
        ) : (
          <DashboardStats stats={dashboard.data.stats} />
        )}
      </div>
    </div>
  );
}

function DashboardStats({ stats }: { stats: Stats }) {
  const otherCurrencies = stats.revenueByCurrency.filter((r) => r.currency !== stats.currency && r.total > 0);
  const hasSales = stats.totalRevenue > 0 || otherCurrencies.length > 0;
  return (
    <div className="space-y-10">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <StatCard id="students" label="Students" value={formatCount(stats.totalStudents)}>
          Enrolled in your programs
        </StatCard>
        <StatCard id="programs" label="Programs" value={formatCount(stats.totalPrograms)}>
          {stats.publishedPrograms} published
        </StatCard>
        <StatCard
          id="rating"
          label="Average rating"
          value={stats.totalReviews > 0 ? formatRating(stats.averageRating) : '–'}
        >
          {stats.totalReviews > 0 ? `from ${plural(stats.totalReviews, 'review')}` : 'No reviews yet'}
        </StatCard>
        <StatCard id="enrollments" label="New enrollments" value={formatCount(stats.newEnrollmentsThisMonth)}>
          This month
        </StatCard>
        <StatCard
          id="revenue"
          label="Revenue"
          value={hasSales ? formatMoney(stats.totalRevenue, stats.currency) : 'No sales yet'}
        >
          {hasSales ? (
            <>
              {formatMoney(stats.revenueThisMonth, stats.currency)} this month
              {otherCurrencies.map((r) => (
                <span key={r.currency} className="block">
                  and {formatMoney(r.total, r.currency)}
                </span>
              ))}
            </>
          ) : (
            'Sales of your programs show here'
          )}
        </StatCard>
      </dl>

      <section aria-labelledby="top-programs-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="top-programs-heading" className="text-lg font-semibold text-slate-900">
            Top programs
          </h2>
          <Link to="/teach/programs" className="text-sm font-medium text-indigo-700 hover:text-indigo-900">
            All my programs
          </Link>
        </div>
        <div className="mt-4 overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Program
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Students
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Rating
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  Revenue
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {stats.topPrograms.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="px-4 py-3 text-left font-medium text-slate-900">
                    <Link to={`/teach/programs/${p.id}`} className="hover:text-indigo-700">
                      {p.title}
                    </Link>
                  </th>
                  <td className="px-4 py-3 text-right tabular-nums text-slate-700">{formatCount(p.enrollments)}</td>
                  <td className="px-4 py-3 text-right tabular-nums text-slate-700">
                    {p.rating > 0 ? formatRating(p.rating) : '–'}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums text-slate-700">
                    {p.revenue > 0 ? formatMoney(p.revenue, stats.currency) : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function StatCard({ id, label, value, children }: { id: string; label: string; value: string; children: ReactNode }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd data-testid={`stat-${id}`} className="mt-2 text-2xl font-bold tracking-tight text-slate-900 tabular-nums">
        {value}
      </dd>
      <dd data-testid={`stat-${id}-detail`} className="mt-1 text-xs text-slate-500">
        {children}
      </dd>
    </div>
  );
}

function FirstProgram() {
  return (
    <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
      <h2 className="text-lg font-semibold text-slate-900">You have no programs yet</h2>
      <p className="mt-1 max-w-md text-sm text-slate-600">
        Create a program, add its lessons and publish it: your students, ratings and sales will show here.
      </p>
      <Link to="/teach/programs/new" className="btn-primary mt-6">
        Create your first program
      </Link>
    </div>
  );
}

function DashboardSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading your dashboard" className="space-y-10">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-28 rounded-2xl" />
        ))}
      </div>
      <Skeleton className="h-64 rounded-2xl" />
    </div>
  );
}
