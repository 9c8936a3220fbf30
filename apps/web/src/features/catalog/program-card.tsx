import type { ProgramSummary } from '@learningpt/schema';
import { UsersIcon } from '@learningpt/ui';
import { Link } from 'react-router';
import { LevelBadge } from '../../components/level-badge';
import { ProgramThumbnail } from '../../components/program-thumbnail';
import { Rating } from '../../components/rating';
import { formatCount, formatMoney } from '../../lib/format';

export function programPrice(p: Pick<ProgramSummary, 'isFree' | 'pricing'>): string {
  return p.isFree || p.pricing.bundle === 0 ? 'Free' : formatMoney(p.pricing.bundle, p.pricing.currency);
}

export function ProgramCard({ program }: { program: ProgramSummary }) {
  return (
    <article className="group relative flex w-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm transition hover:-translate-y-0.5 hover:shadow-md focus-within:ring-2 focus-within:ring-indigo-500">
      <ProgramThumbnail src={program.thumbnail} seed={program.slug} label={program.category} />
      <div className="flex flex-1 flex-col gap-3 p-5">
        <div className="flex items-center justify-between gap-2">
          <span className="truncate text-xs font-semibold uppercase tracking-wide text-indigo-600">
            {program.category}
          </span>
          <LevelBadge level={program.level} />
        </div>
        <h3 className="text-base font-semibold leading-snug text-slate-900">
          {/* The whole card is clickable through this link's ::after overlay; one link per card for screen readers. */}
          <Link
            to={`/programs/${program.slug}`}
            className="outline-none after:absolute after:inset-0 group-hover:text-indigo-700"
          >
            {program.title}
          </Link>
        </h3>
        <p className="line-clamp-2 text-sm text-slate-600">{program.description}</p>
        <p className="text-sm text-slate-500">
          <span className="sr-only">Instructor: </span>
          {program.instructor.name}
        </p>
        <div className="mt-auto flex items-center justify-between gap-2 border-t border-slate-100 pt-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Rating rating={program.rating} reviews={program.totalReviews} />
            <span className="inline-flex items-center gap-1 text-sm text-slate-500">
              <UsersIcon className="size-4" />
              {formatCount(program.enrolledCount)}
              <span className="sr-only"> enrolled</span>
            </span>
          </div>
          <span className={`text-base font-bold ${program.isFree ? 'text-emerald-600' : 'text-slate-900'}`}>
            {programPrice(program)}
          </span>
        </div>
      </div>
    </article>
  );
}
