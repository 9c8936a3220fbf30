import type { ProgramSummary } from '@learningpt/schema';
import { StarIcon } from '@learningpt/ui';
import type { ProgramAction } from './program-action-dialog';
import { formatDate, formatMoney, formatNumber, LEVEL_LABELS } from '../../lib/format';

const th = 'whitespace-nowrap px-3 py-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-500';
const td = 'px-3 py-3 align-top';

const actionButton =
  'rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 disabled:cursor-not-allowed disabled:opacity-50';

interface ProgramsTableProps {
  programs: ProgramSummary[];
  dimmed: boolean;
  onAction: (action: ProgramAction) => void;
  /** Feature or stop featuring at once (reversible, so no confirmation). */
  onFeature: (program: ProgramSummary) => void;
  /** The program whose feature toggle is in flight. */
  featuringId: string | null;
}

export function ProgramsTable({ programs, dimmed, onAction, onFeature, featuringId }: ProgramsTableProps) {
  return (
    <div
      className={`overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm transition-opacity ${dimmed ? 'opacity-60' : ''}`}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Programs</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              Program
            </th>
            <th scope="col" className={th}>
              Category · Level
            </th>
            <th scope="col" className={`${th} hidden 2xl:table-cell`}>
              Instructor
            </th>
            <th scope="col" className={`${th} text-right`}>
              Bundle
            </th>
            <th scope="col" className={`${th} text-right`}>
              Rating
            </th>
            <th scope="col" className={`${th} text-right`}>
              Enrolled
            </th>
            <th scope="col" className={`${th} hidden 2xl:table-cell`}>
              Created
            </th>
            <th scope="col" className={`${th} text-right`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {programs.map((p) => (
            <tr key={p.id} className="hover:bg-slate-50">
              <td className={`${td} min-w-56`}>
                <span className="block font-medium text-slate-900">{p.title}</span>
                <span className="block max-w-72 truncate font-mono text-xs text-slate-500">{p.slug}</span>
                {p.featured && (
                  <span className="mt-1 inline-block rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-700">
                    Featured
                  </span>
                )}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <span className="block text-slate-700">{p.category}</span>
                <span className="block text-xs text-slate-500">{LEVEL_LABELS[p.level]}</span>
                <span className="block text-xs text-slate-500 2xl:hidden">{p.instructor.name}</span>
              </td>
              <td className={`${td} hidden whitespace-nowrap text-slate-700 2xl:table-cell`}>{p.instructor.name}</td>
              <td className={`${td} text-right tabular-nums text-slate-900`}>
                {p.isFree ? 'Free' : formatMoney(p.pricing.bundle, p.pricing.currency)}
              </td>
              <td className={`${td} text-right tabular-nums text-slate-700`}>
                {p.totalReviews > 0 ? (
                  <span className="inline-flex items-center gap-1">
                    <StarIcon className="size-3.5 text-amber-400" />
                    {p.rating.toFixed(1)} <span className="text-slate-400">({formatNumber(p.totalReviews)})</span>
                  </span>
                ) : (
                  <span className="text-slate-400">–</span>
                )}
              </td>
              <td className={`${td} text-right tabular-nums text-slate-700`}>{formatNumber(p.enrolledCount)}</td>
              <td className={`${td} hidden whitespace-nowrap text-slate-500 2xl:table-cell`}>
                {formatDate(p.createdAt)}
              </td>
              <td className={`${td} whitespace-nowrap text-right`}>
                <div className="flex justify-end gap-0.5">
                  <button
                    type="button"
                    className={actionButton}
                    disabled={featuringId === p.id}
                    aria-label={`${p.featured ? 'Stop featuring' : 'Feature'} ${p.title}`}
                    onClick={() => onFeature(p)}
                  >
                    {featuringId === p.id ? 'Saving…' : p.featured ? 'Unfeature' : 'Feature'}
                  </button>
                  <button
                    type="button"
                    className={actionButton}
                    aria-label={`Archive ${p.title}`}
                    onClick={() => onAction({ kind: 'archive', program: p })}
                  >
                    Archive
                  </button>
                  <button
                    type="button"
                    className={`${actionButton} !text-red-600 hover:!bg-red-50`}
                    aria-label={`Delete ${p.title}`}
                    onClick={() => onAction({ kind: 'delete', program: p })}
                  >
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
