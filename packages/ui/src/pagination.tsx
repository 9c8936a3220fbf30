import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';

interface PaginationProps {
  currentPage: number;
  totalPages: number;
  /** The link to a page, so pages can be opened in a new tab and the back button works. */
  hrefFor: (page: number) => string;
  onNavigate?: () => void;
  /** The navigation's name; name each one when a page has several lists. */
  label?: string;
}

type PageSlot = number | 'gap-start' | 'gap-end';

/** First, last, and the current page with one neighbour each side; gaps become "…". */
export function pageSlots(current: number, total: number): PageSlot[] {
  if (total <= 7) return Array.from({ length: total }, (_, i) => i + 1);
  const start = Math.max(2, Math.min(current - 1, total - 4));
  const end = Math.min(total - 1, Math.max(current + 1, 5));
  const slots: PageSlot[] = [1];
  if (start > 2) slots.push('gap-start');
  for (let p = start; p <= end; p++) slots.push(p);
  if (end < total - 1) slots.push('gap-end');
  slots.push(total);
  return slots;
}

const pill = 'inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-lg px-3 text-sm font-medium';

export function Pagination({ currentPage, totalPages, hrefFor, onNavigate, label = 'Pagination' }: PaginationProps) {
  if (totalPages <= 1) return null;
  const hasPrev = currentPage > 1;
  const hasNext = currentPage < totalPages;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-center gap-1">
      <StepLink enabled={hasPrev} to={hrefFor(currentPage - 1)} onNavigate={onNavigate}>
        <ChevronLeftIcon className="size-4" />
        Previous
      </StepLink>
      <ul className="flex items-center gap-1">
        {pageSlots(currentPage, totalPages).map((slot) =>
          typeof slot === 'number' ? (
            <li key={slot}>
              <Link
                to={hrefFor(slot)}
                onClick={onNavigate}
                aria-current={slot === currentPage ? 'page' : undefined}
                aria-label={`Page ${slot}`}
                className={`${pill} ${
                  slot === currentPage ? 'bg-indigo-600 text-white shadow-sm' : 'text-slate-700 hover:bg-slate-100'
                }`}
              >
                {slot}
              </Link>
            </li>
          ) : (
            <li key={slot} aria-hidden="true" className="px-1 text-slate-400">
              …
            </li>
          ),
        )}
      </ul>
      <StepLink enabled={hasNext} to={hrefFor(currentPage + 1)} onNavigate={onNavigate}>
        Next
        <ChevronRightIcon className="size-4" />
      </StepLink>
    </nav>
  );
}

interface StepLinkProps {
  enabled: boolean;
  to: string;
  onNavigate?: (() => void) | undefined;
  children: ReactNode;
}

function StepLink({ enabled, to, onNavigate, children }: StepLinkProps) {
  const className = `${pill} border border-slate-200 bg-white`;
  if (!enabled) {
    // Not a link when there is nowhere to go; still visible so the layout does not jump.
    return (
      <span aria-disabled="true" className={`${className} cursor-not-allowed text-slate-300`}>
        {children}
      </span>
    );
  }
  return (
    <Link to={to} onClick={onNavigate} className={`${className} text-slate-700 hover:bg-slate-50`}>
      {children}
    </Link>
  );
}
