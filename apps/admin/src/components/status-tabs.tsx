import { Link } from 'react-router';

export interface StatusTab {
  label: string;
  /** The link to the tab (its filters in the query string). */
  href: string;
  active: boolean;
  /** Shown beside the label when known (e.g. the active tab's total). */
  count?: number | undefined;
}

/** Filter tabs as links: each tab is a URL, so the back button and new tabs work. */
export function StatusTabs({ label, tabs }: { label: string; tabs: StatusTab[] }) {
  return (
    <nav aria-label={label} className="mb-5 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {tabs.map((tab) => (
          <li key={tab.label}>
            <Link
              to={tab.href}
              aria-current={tab.active ? 'page' : undefined}
              className={`inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium transition ${
                tab.active
                  ? 'border-indigo-600 text-indigo-700'
                  : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
              }`}
            >
              {tab.label}
              {tab.count !== undefined && (
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs tabular-nums text-slate-600">
                  {tab.count}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
