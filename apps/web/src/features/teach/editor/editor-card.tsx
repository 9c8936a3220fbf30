import type { ReactNode } from 'react';

/** One part of the editor: a titled card with an anchor (`#details`, `#curriculum`...) for the page nav. */
export function EditorCard({
  id,
  title,
  description,
  actions,
  children,
  danger = false,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  /** Shown beside the title (e.g. the unsaved-changes badge). */
  actions?: ReactNode;
  children: ReactNode;
  danger?: boolean;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className={`scroll-mt-24 rounded-2xl border bg-white p-6 shadow-sm ${danger ? 'border-red-200' : 'border-slate-200'}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={`${id}-heading`} className={`text-lg font-semibold ${danger ? 'text-red-700' : 'text-slate-900'}`}>
          {title}
        </h2>
        {actions}
      </div>
      {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
      <div className="mt-5">{children}</div>
    </section>
  );
}

/** "Unsaved changes" while a form differs from what the server has. */
export function UnsavedBadge({ dirty }: { dirty: boolean }) {
  if (!dirty) return null;
  return (
    <span className="rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-600/20">
      Unsaved changes
    </span>
  );
}
