import type { ReactNode } from 'react';

/** One block of the profile page: a titled card, with an optional tone for the danger zone. */
export function SectionCard({
  id,
  title,
  description,
  children,
  danger = false,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  danger?: boolean;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className={`rounded-2xl border bg-white p-6 shadow-sm ${danger ? 'border-red-200' : 'border-slate-200'}`}
    >
      <h2 id={`${id}-heading`} className={`text-lg font-semibold ${danger ? 'text-red-700' : 'text-slate-900'}`}>
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      <div className="mt-5">{children}</div>
    </section>
  );
}
