import type { ProgramDetail } from '@learningpt/schema';
import { CheckIcon, ErrorState, trpcErrorCode, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { plural } from '../../lib/format';
import { CurriculumOutline } from './curriculum-outline';
import { InstructorCard } from './instructor-card';
import { PricingCard } from './pricing-card';
import { ProgramHero } from './program-hero';
import { NotFound } from './program-not-found';
import { ProgramPageSkeleton } from './program-page-skeleton';
import { ReviewsSection } from './reviews-section';

export function ProgramPage() {
  const { slug = '' } = useParams();
  const trpc = useTRPC();
  // byId accepts an id or a slug; links from the catalog use the slug.
  const query = useQuery(trpc.programs.byId.queryOptions({ id: slug }));

  if (query.isPending) return <ProgramPageSkeleton />;
  if (query.isError) {
    if (trpcErrorCode(query.error) === 'NOT_FOUND') {
      return (
        <>
          <title>Program not found · LearninGPT</title>
          <NotFound title="Program not found" message="This program does not exist or is no longer available." />
        </>
      );
    }
    return (
      <div className="px-4 py-16">
        <ErrorState title="We couldn't load this program" error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }

  const { program, isEnrolled, userProgress, myReview, access } = query.data;
  return (
    <>
      <title>{`${program.title} · LearninGPT`}</title>
      <ProgramHero program={program} />
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:px-6 lg:grid-cols-[1fr_22rem] lg:px-8">
        <div className="min-w-0 space-y-10">
          <ProgramBody program={program} />
          <ReviewsSection programId={program.id} isEnrolled={isEnrolled} myReview={myReview} />
        </div>
        <aside className="space-y-6 lg:sticky lg:top-24 lg:self-start">
          <PricingCard
            pricing={program.pricing}
            isFree={program.isFree}
            isEnrolled={isEnrolled}
            userProgress={userProgress}
            access={access}
            programId={program.id}
            slug={program.slug}
          />
          <InstructorCard instructor={program.instructor} />
        </aside>
      </div>
    </>
  );
}

function ProgramBody({ program }: { program: ProgramDetail }) {
  return (
    <>
      {program.learningOutcomes.length > 0 && (
        <Section title="What you'll learn">
          <CheckList items={program.learningOutcomes} columns />
        </Section>
      )}
      {program.overview.trim() !== '' && (
        <Section title="Overview">
          {/* The overview is HTML written by instructors; the server sanitises it (allow-listed tags,
              no scripts, no event handlers) before it is stored, so it is safe to render as is. */}
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: program.overview }} />
        </Section>
      )}
      <Section title="Curriculum">
        <CurriculumOutline sections={program.curriculum} />
      </Section>
      {program.totalQuestions > 0 && (
        <Section title="Practice exams">
          <p className="text-slate-700">
            Timed exams on this program&apos;s topics, graded with feedback; passing the final one earns a verifiable
            certificate.{' '}
            <Link
              to={`/programs/${program.slug}/exams`}
              className="font-medium text-indigo-600 underline-offset-2 hover:underline"
            >
              See the exams
            </Link>
          </p>
        </Section>
      )}
      {program.features.length > 0 && (
        <Section title="What's included">
          <CheckList items={program.features} columns />
          {program.totalQuestions > 0 && (
            <p className="mt-4 text-sm text-slate-600">
              {plural(program.totalQuestions, 'practice question')}
              {program.freeQuestionsCount > 0 && `, ${program.freeQuestionsCount} free to try`}.
            </p>
          )}
        </Section>
      )}
      <Section title="Prerequisites">
        {program.prerequisites.length > 0 ? (
          <ul className="list-disc space-y-1.5 pl-5 text-slate-700 marker:text-indigo-400">
            {program.prerequisites.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-600">None: this program starts from the basics.</p>
        )}
      </Section>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2 className="mb-4 text-xl font-semibold tracking-tight text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function CheckList({ items, columns = false }: { items: string[]; columns?: boolean }) {
  return (
    <ul className={`grid gap-3 ${columns ? 'sm:grid-cols-2' : ''}`}>
      {items.map((item) => (
        <li key={item} className="flex gap-3 text-slate-700">
          <CheckIcon className="mt-0.5 size-5 shrink-0 text-emerald-500" />
          <span>{item}</span>
        </li>
      ))}
    </ul>
  );
}
