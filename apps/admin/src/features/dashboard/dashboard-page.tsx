import { BookIcon, Skeleton, StarIcon, TagIcon, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../lib/format';
import { StatCard } from './stat-card';

const FEATURED_LIMIT = 24;

/** Figures from the public API for now; admin.dashboard replaces them once admin accounts exist. */
export function DashboardPage() {
  const trpc = useTRPC();
  const newest = useQuery(trpc.programs.list.queryOptions({ sort: 'newest', limit: 5 }));
  const categories = useQuery(trpc.categories.list.queryOptions());
  const featured = useQuery(trpc.programs.featured.queryOptions({ limit: FEATURED_LIMIT }));

  return (
    <>
      <PageHeader title="Dashboard" description="Live figures from the catalog." />
      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard
          label="Published programs"
          icon={BookIcon}
          to="/programs"
          value={newest.data?.pagination.total}
          failed={newest.isError}
        />
        <StatCard
          label="Categories"
          icon={TagIcon}
          to="/categories"
          value={categories.data?.categories.length}
          failed={categories.isError}
        />
        <StatCard
          label="Featured programs"
          icon={StarIcon}
          to="/programs"
          value={featured.data?.programs.length}
          failed={featured.isError}
        />
      </div>

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
