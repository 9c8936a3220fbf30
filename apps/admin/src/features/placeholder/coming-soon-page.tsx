import { PageHeader } from '../../components/page-header';
import type { NavItem } from '../../components/nav-items';

/** A section whose API is not built yet: says what it will do, shows no made-up data. */
export function ComingSoonPage({ item }: { item: NavItem }) {
  const Icon = item.icon;
  return (
    <>
      <PageHeader title={item.label} description={item.summary} />
      <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-20 text-center">
        <span className="flex size-12 items-center justify-center rounded-full bg-indigo-50 text-indigo-600">
          <Icon className="size-6" />
        </span>
        <h2 className="mt-4 text-lg font-semibold text-slate-900">Coming soon</h2>
        <p className="mt-1 max-w-sm text-sm text-slate-600">
          {item.label} management arrives in an upcoming release. Nothing here yet.
        </p>
      </div>
    </>
  );
}
