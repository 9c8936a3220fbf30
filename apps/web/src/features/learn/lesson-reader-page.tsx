import type { LessonOutline, ProgramLessonsOutput } from '@learningpt/schema';
import {
  CheckIcon,
  errorMessage,
  ErrorState,
  FormAlert,
  Skeleton,
  trpcErrorCode,
  useSession,
  useTRPC,
} from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ProgressBar } from '../../components/progress-bar';
import { NotFound } from '../program/program-not-found';
import { tutorPathFor } from '../tutor/tutor-chat-model';

/** /programs/:slug/learn/:lessonId? — the curriculum beside the lesson being read. */
export function LessonReaderPage() {
  const { slug = '', lessonId } = useParams();
  const trpc = useTRPC();
  const session = useSession();
  const program = useQuery(trpc.programs.byId.queryOptions({ id: slug }));
  const programId = program.data?.program.id;
  const lessons = useQuery({ ...trpc.programs.lessons.queryOptions({ id: programId ?? '' }), enabled: !!programId });
  const progress = useQuery({
    ...trpc.programs.progress.queryOptions({ id: programId ?? '' }),
    enabled: !!programId && session.status === 'signed-in' && program.data?.isEnrolled === true,
  });

  if (program.isPending || (programId && lessons.isPending)) return <ReaderSkeleton />;
  if (program.isError || lessons.isError) {
    const error = program.error ?? lessons.error;
    if (trpcErrorCode(error) === 'NOT_FOUND') {
      return <NotFound title="Program not found" message="This program does not exist or is no longer available." />;
    }
    return (
      <div className="px-4 py-16">
        <ErrorState
          title="We couldn't load this program"
          error={error}
          onRetry={() => void (program.isError ? program.refetch() : lessons.refetch())}
        />
      </div>
    );
  }
  if (!lessons.data) return <ReaderSkeleton />;

  const all = lessons.data.sections.flatMap((s) => s.lessons);
  const { title } = program.data.program;
  const programPath = `/programs/${encodeURIComponent(program.data.program.slug)}`;
  if (all.length === 0) {
    return <NotFound title="No lessons yet" message={`${title} has no published lessons yet. Check back soon.`} />;
  }
  // Without a lesson in the URL: the first one not completed yet (or the first).
  const current = lessonId ? all.find((l) => l.id === lessonId) : (all.find((l) => !l.completed) ?? all[0]);
  if (!current) {
    return <NotFound title="Lesson not found" message="This lesson is not part of the program any more." />;
  }
  const done = progress.data?.progress;
  const completed = all.filter((l) => l.completed).length;
  const percent = done?.completionPercentage ?? Math.round((completed / all.length) * 100);

  return (
    <div className="mx-auto grid max-w-7xl gap-8 px-4 py-8 sm:px-6 lg:grid-cols-[20rem_1fr] lg:px-8">
      <title>{`${current.title} · ${title} · LearninGPT`}</title>
      <aside className="space-y-4 lg:sticky lg:top-24 lg:self-start">
        <div>
          <Link to={programPath} className="text-sm font-medium text-indigo-600 hover:underline">
            ← {title}
          </Link>
          {session.status === 'signed-in' && program.data.isEnrolled && (
            <div className="mt-3">
              <ProgressBar value={percent} label="Course progress" />
              <p className="mt-1.5 text-xs text-slate-600" data-testid="progress-summary">
                {done?.lessonsCompleted ?? completed} of {done?.lessonsTotal ?? all.length} lessons completed ·{' '}
                {percent}%
              </p>
            </div>
          )}
        </div>
        <CurriculumNav slug={program.data.program.slug} data={lessons.data} currentId={current.id} />
      </aside>
      <LessonView
        key={current.id}
        lesson={current}
        next={all[all.indexOf(current) + 1]}
        programId={programId!}
        slug={program.data.program.slug}
        canComplete={session.status === 'signed-in' && program.data.isEnrolled}
        programPath={programPath}
        signedIn={session.status === 'signed-in'}
      />
    </div>
  );
}

function CurriculumNav({ slug, data, currentId }: { slug: string; data: ProgramLessonsOutput; currentId: string }) {
  return (
    <nav aria-label="Curriculum" className="overflow-hidden rounded-xl border border-slate-200 bg-white">
      {data.sections.map((section, si) => (
        <div key={section.id} className="border-b border-slate-100 last:border-b-0">
          <h2 className="bg-slate-50 px-4 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {si + 1}. {section.title}
          </h2>
          <ol>
            {section.lessons.map((l) => (
              <li key={l.id}>
                <Link
                  to={`/programs/${encodeURIComponent(slug)}/learn/${l.id}`}
                  aria-current={l.id === currentId ? 'page' : undefined}
                  className={`flex items-start gap-2 px-4 py-2 text-sm ${
                    l.id === currentId ? 'bg-indigo-50 font-medium text-indigo-800' : 'text-slate-700 hover:bg-slate-50'
                  }`}
                >
                  <span
                    className={`mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full border ${
                      l.completed ? 'border-emerald-500 bg-emerald-500 text-white' : 'border-slate-300'
                    }`}
                  >
                    {l.completed && <CheckIcon className="size-3" />}
                  </span>
                  <span className="min-w-0 flex-1">{l.title}</span>
                  {l.completed && <span className="sr-only">(completed)</span>}
                  {l.content === null && <span className="sr-only">(locked)</span>}
                </Link>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </nav>
  );
}

interface LessonViewProps {
  lesson: LessonOutline;
  next: LessonOutline | undefined;
  programId: string;
  slug: string;
  programPath: string;
  canComplete: boolean;
  signedIn: boolean;
}

function LessonView({ lesson, next, programId, slug, programPath, canComplete, signedIn }: LessonViewProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const complete = useMutation(
    trpc.programs.completeLesson.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.programs.pathFilter()),
          queryClient.invalidateQueries(trpc.users.enrolledPrograms.pathFilter()),
        ]);
        if (next) void navigate(`/programs/${encodeURIComponent(slug)}/learn/${next.id}`);
      },
    }),
  );

  return (
    <article aria-labelledby="lesson-title" className="min-w-0">
      <p className="text-sm text-slate-500">
        {lesson.durationMinutes > 0 && `${lesson.durationMinutes} min`}
        {lesson.isPreview && ' · Free preview'}
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <h1 id="lesson-title" className="text-3xl font-bold tracking-tight text-slate-900">
          {lesson.title}
        </h1>
        {signedIn && (
          <Link to={tutorPathFor({ programId, lessonId: lesson.id })} className="btn-secondary shrink-0">
            Ask the tutor
          </Link>
        )}
      </div>
      {lesson.content === null ? (
        // The server withholds the content without documentation access (preview lessons excepted).
        <div className="mt-8 rounded-2xl border border-amber-200 bg-amber-50 p-6 text-amber-900" role="status">
          <h2 className="font-semibold">This lesson is part of the full program</h2>
          <p className="mt-2 text-sm">
            {signedIn
              ? 'Your access does not include the documentation of this program. Enroll, or choose a plan that covers it, to read every lesson.'
              : 'Sign in and enroll to read every lesson.'}
          </p>
          <Link to={`${programPath}#pricing`} className="btn-primary mt-4">
            See pricing and enroll
          </Link>
        </div>
      ) : (
        <>
          {/* Lesson content is instructor-written HTML that the server sanitises with an allow-list
              (no scripts, no event handlers, safe URLs only) before storing it. */}
          <div className="rich-text mt-6" dangerouslySetInnerHTML={{ __html: lesson.content }} />
          {(canComplete || next) && (
            <div className="mt-10 flex flex-wrap items-center gap-4 border-t border-slate-200 pt-6">
              {!canComplete ? null : lesson.completed ? (
                <p className="flex items-center gap-2 font-medium text-emerald-700">
                  <CheckIcon className="size-5" /> Lesson completed
                </p>
              ) : (
                <button
                  type="button"
                  className="btn-primary"
                  disabled={complete.isPending}
                  onClick={() => complete.mutate({ id: programId, lessonId: lesson.id })}
                >
                  {complete.isPending ? 'Saving…' : next ? 'Mark complete and continue' : 'Mark complete'}
                </button>
              )}
              {next && (lesson.completed || !canComplete) && (
                <Link to={`/programs/${encodeURIComponent(slug)}/learn/${next.id}`} className="btn-secondary">
                  Next lesson: {next.title}
                </Link>
              )}
              {complete.isError && (
                <FormAlert tone="error" className="w-full">
                  {errorMessage(complete.error)}
                </FormAlert>
              )}
            </div>
          )}
        </>
      )}
    </article>
  );
}

function ReaderSkeleton() {
  return (
    <div
      aria-busy="true"
      aria-label="Loading lesson"
      className="mx-auto grid max-w-7xl gap-8 px-4 py-8 sm:px-6 lg:grid-cols-[20rem_1fr] lg:px-8"
    >
      <Skeleton className="h-96 rounded-xl" />
      <div className="space-y-4">
        <Skeleton className="h-9 w-2/3" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-3/4" />
      </div>
    </div>
  );
}
