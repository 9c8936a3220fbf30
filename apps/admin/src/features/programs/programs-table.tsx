import type { ManagedProgram } from '@learningpt/schema';
import { StarIcon } from '@learningpt/ui';
import { formatDate, formatMoney, formatNumber, LEVEL_LABELS } from '../../lib/format';
import { programEditorUrl } from '../../lib/links';
import type { ProgramAction } from './program-action-dialog';
import { managedStatus, ProgramStatusBadge } from './program-badges';
import { actionButton, td, th } from '../../components/table-classes';

interface ProgramsTableProps {
  programs: ManagedProgram[];
  dimmed: boolean;
  /** Archive and delete ask first. */
  onAction: (action: ProgramAction) => void;
  /** Feature or stop featuring at once (reversible, so no confirmation). */
  onFeature: (program: ManagedProgram) => void;
  /** Publish a draft or an archived program at once (reversible by archiving). */
  onPublish: (program: ManagedProgram) => void;
  /** The program with a feature or publish call in flight. */
  busyId: string | null;
}

function lessons(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? 'lesson' : 'lessons'}`;
}

// `relative` on the scroll box: the visually hidden caption and header are absolutely positioned
// and would otherwise escape it and widen the whole page.
export function ProgramsTable({ programs, dimmed, onAction, onFeature, onPublish, busyId }: ProgramsTableProps) {
  return (
    <div
      className={`relative overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm transition-opacity ${dimmed ? 'opacity-60' : ''}`}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Programs</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              Program
            </th>
            <th scope="col" className={th}>
              Status
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
            <th scope="col" className={`${th} text-right`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {programs.map((p) => {
            const status = managedStatus(p);
            const busy = busyId === p.id;
            return (
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
                  <ProgramStatusBadge status={status} />
                  <span className="mt-1 block text-xs text-slate-500">
                    {p.deletedAt
                      ? formatDate(p.deletedAt)
                      : p.status === 'published' && p.publishedAt
                        ? `since ${formatDate(p.publishedAt)}`
                        : `created ${formatDate(p.createdAt)}`}
                  </span>
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  <span className="block text-slate-700">{p.category}</span>
                  <span className="block text-xs text-slate-500">
                    {LEVEL_LABELS[p.level]} · {lessons(p.lessonsCount)}
                  </span>
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
                <td className={`${td} text-right`}>
                  {status === 'deleted' ? (
                    <span className="px-2 text-xs text-slate-400">No actions</span>
                  ) : (
                    <div className="ml-auto flex max-w-36 flex-wrap justify-end gap-0.5">
                      <a
                        href={programEditorUrl(p.id)}
                        target="_blank"
                        rel="noopener noreferrer"
                        className={actionButton}
                        aria-label={`Edit ${p.title} (opens the web app in a new tab)`}
                      >
                        Edit
                      </a>
                      {/* Only published programs can be featured; any program can stop being featured. */}
                      {(status === 'published' || p.featured) && (
                        <button
                          type="button"
                          className={actionButton}
                          disabled={busy}
                          aria-label={`${p.featured ? 'Stop featuring' : 'Feature'} ${p.title}`}
                          onClick={() => onFeature(p)}
                        >
                          {p.featured ? 'Unfeature' : 'Feature'}
                        </button>
                      )}
                      {status === 'published' ? (
                        <button
                          type="button"
                          className={actionButton}
                          disabled={busy}
                          aria-label={`Archive ${p.title}`}
                          onClick={() => onAction({ kind: 'archive', program: p })}
                        >
                          Archive
                        </button>
                      ) : (
                        <button
                          type="button"
                          className={actionButton}
                          disabled={busy}
                          aria-label={`Publish ${p.title}`}
                          onClick={() => onPublish(p)}
                        >
                          {busy ? 'Saving…' : 'Publish'}
                        </button>
                      )}
                      <button
                        type="button"
                        className={`${actionButton} !text-red-600 hover:!bg-red-50`}
                        disabled={busy}
                        aria-label={`Delete ${p.title}`}
                        onClick={() => onAction({ kind: 'delete', program: p })}
                      >
                        Delete
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
