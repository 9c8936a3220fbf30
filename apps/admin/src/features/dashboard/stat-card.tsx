import { Skeleton } from '@learningpt/ui';
import type { ComponentType, SVGProps } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';

interface StatCardProps {
  label: string;
  value: number | undefined;
  failed: boolean;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  to: string;
}

export function StatCard({ label, value, failed, icon: Icon, to }: StatCardProps) {
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
      <div className="mt-3 text-3xl font-bold tracking-tight text-slate-900">
        {failed ? (
          <span className="text-base font-medium text-red-600">Could not load</span>
        ) : value === undefined ? (
          <Skeleton className="h-9 w-16" />
        ) : (
          formatNumber(value)
        )}
      </div>
    </Link>
  );
}
