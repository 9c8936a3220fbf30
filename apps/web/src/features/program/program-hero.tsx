import type { ProgramDetail } from '@learningpt/schema';
import { ChartIcon, ClockIcon, GlobeIcon, UsersIcon } from '@learningpt/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LevelBadge } from '../../components/level-badge';
import { Rating } from '../../components/rating';
import { formatCount, formatMonth, LEVEL_LABELS } from '../../lib/format';

export function ProgramHero({ program }: { program: ProgramDetail }) {
  return (
    <section className="border-b border-slate-200 bg-gradient-to-b from-indigo-50/80 to-slate-50">
      <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <ol className="flex flex-wrap items-center gap-1.5">
            <li>
              <Link to="/programs" className="hover:text-indigo-700">
                Programs
              </Link>
            </li>
            <li aria-hidden="true">/</li>
            <li>
              <Link
                to={`/programs?category=${encodeURIComponent(program.categorySlug)}`}
                className="hover:text-indigo-700"
              >
                {program.category}
              </Link>
            </li>
          </ol>
        </nav>
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <LevelBadge level={program.level} />
          {program.featured && (
            <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-700 ring-1 ring-inset ring-amber-600/20">
              Featured
            </span>
          )}
        </div>
        <h1 className="mt-3 max-w-4xl text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{program.title}</h1>
        <p className="mt-3 max-w-3xl text-lg text-slate-600">{program.description}</p>
        <div className="mt-5 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm text-slate-600">
          <Rating rating={program.rating} reviews={program.totalReviews} />
          <Meta icon={<UsersIcon className="size-4" />}>{formatCount(program.enrolledCount)} enrolled</Meta>
          <span>
            By <span className="font-medium text-slate-900">{program.instructor.name}</span>
          </span>
        </div>
        <dl className="mt-6 grid max-w-3xl grid-cols-2 gap-4 sm:grid-cols-4">
          <Fact icon={<ChartIcon className="size-4" />} term="Level" value={LEVEL_LABELS[program.level]} />
          <Fact icon={<ClockIcon className="size-4" />} term="Duration" value={program.duration ?? 'Self-paced'} />
          <Fact icon={<GlobeIcon className="size-4" />} term="Language" value={program.language} />
          <Fact term="Last updated" value={formatMonth(program.lastUpdated)} />
        </dl>
      </div>
    </section>
  );
}

function Meta({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      {icon}
      {children}
    </span>
  );
}

function Fact({ icon, term, value }: { icon?: ReactNode; term: string; value: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white/70 px-4 py-3">
      <dt className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-slate-500">
        {icon}
        {term}
      </dt>
      <dd className="mt-1 font-semibold text-slate-900">{value}</dd>
    </div>
  );
}
