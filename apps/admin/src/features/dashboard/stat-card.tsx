import { Skeleton } from '@learningpt/ui';
import type { ComponentType, ReactNode, SVGProps } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';

interface StatCardProps {
  label: string;
  value: number | undefined;
  failed: boolean;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  to: string;
  /** How the value reads (default: a whole number). */
  format?: (value: number) => string;
  /** A line under the value (e.g. this month against last). */
  detail?: ReactNode;
}

export function StatCard({ label, value, failed, icon: Icon, to, format = formatNumber, detail }: StatCardProps) {
  return (
    <Link
      to={to}
      className="group rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-indigo-200 hover:shadow-md"
    >
      <div className="flex items-center justify-between">
        <p className="text-sm font-medium text-slate-500">{label}</p>
        <span className="flex size-9 items-center justify-center rounded-lg bg-indigo-50 text-indigo-600">
          <Icon className="size-5" />
        </span>
      </div>
      <div className="mt-3 text-3xl font-bold tracking-tight text-slate-900 tabular-nums">
        {failed ? (
          <span className="text-base font-medium text-red-600">Could not load</span>
        ) : value === undefined ? (
          <Skeleton className="h-9 w-16" />
        ) : (
          format(value)
        )}
      </div>
      {detail && !failed && value !== undefined && <p className="mt-1 text-xs text-slate-500">{detail}</p>}
    </Link>
  );
}
