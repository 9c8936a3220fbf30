import { ErrorState, Skeleton, trpcErrorCode, useSession, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { CurriculumEditor } from './curriculum-editor';
import { DetailsForm } from './details-form';
import { EditorProvider } from './editor-context';
import { OverviewEditor } from './overview-editor';
import { PricingForm } from './pricing-form';
import { PublishCard } from './publish-card';
import { ThumbnailCard } from './thumbnail-card';

export { NewProgramPage } from './new-program-page';

const PARTS = [
  { id: 'details', label: 'Details' },
  { id: 'overview', label: 'Overview' },
  { id: 'pricing', label: 'Pricing' },
  { id: 'thumbnail', label: 'Thumbnail' },
  { id: 'curriculum', label: 'Curriculum' },
  { id: 'publish', label: 'Publish' },
] as const;

/** /teach/programs/:id — everything about one program, for its instructor (or an admin). */
export function ProgramEditorPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const session = useSession();
  const program = useQuery(trpc.programs.byId.queryOptions({ id }));
  const programId = program.data?.program.id;
  const lessons = useQuery({ ...trpc.programs.lessons.queryOptions({ id: programId ?? '' }), enabled: !!programId });

  if (program.isPending || session.status === 'loading' || (programId && lessons.isPending)) {
    return <EditorSkeleton />;
  }
  if (program.isError || lessons.isError) {
    const error = program.error ?? lessons.error;
    const code = trpcErrorCode(error);
    if (code === 'NOT_FOUND') {
      return (
        <Refusal
          code="404"
          title="Program not found"
          message="This program does not exist, was deleted, or is not one of yours."
        />
      );
    }
    if (code === 'FORBIDDEN') {
      return (
        <Refusal code="403" title="You can't edit this program" message="Only its instructor and admins can edit it." />
      );
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
  const detail = program.data.program;
  // A published program of someone else loads fine (it is public), but it is not theirs to edit.
  const user = session.user;
  if (!user || (user.role !== 'admin' && user.id !== detail.instructor.id)) {
    return (
      <Refusal
        code="403"
        title="You can't edit this program"
        message={`“${detail.title}” belongs to another instructor. Only its instructor and admins can edit it.`}
      />
    );
  }
  if (!lessons.data) return <EditorSkeleton />;

  return (
    <EditorProvider value={{ routeId: id, program: detail }}>
      <title>{`Edit ${detail.title} · LearninGPT`}</title>
      <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
        <Link to="/teach/programs" className="text-sm font-medium text-indigo-600 hover:underline">
          ← My programs
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">{detail.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          Edit program · <span className="capitalize">{detail.status}</span>
        </p>
        <div className="mt-6 grid gap-8 lg:grid-cols-[12rem_1fr]">
          <nav aria-label="Program editor" className="lg:sticky lg:top-24 lg:self-start">
            <ul className="flex flex-wrap gap-1 lg:flex-col">
              {PARTS.map((p) => (
                <li key={p.id}>
                  <a
                    href={`#${p.id}`}
                    className="block rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
                  >
                    {p.label}
                  </a>
                </li>
              ))}
              <li>
                <Link
                  to={`/teach/programs/${detail.id}/quizzes`}
                  className="block rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-slate-100"
                >
                  Quizzes →
                </Link>
              </li>
              <li>
                <Link
                  to={`/teach/programs/${detail.id}/question-bank`}
                  className="block rounded-md px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-slate-100"
                >
                  Question bank →
                </Link>
              </li>
            </ul>
          </nav>
          {/* Keyed by program: another program's editor starts from its own values. */}
          <div key={detail.id} className="min-w-0 space-y-8">
            <DetailsForm />
            <OverviewEditor />
            <PricingForm />
            <ThumbnailCard />
            <CurriculumEditor curriculum={lessons.data} />
            <PublishCard curriculum={lessons.data} />
          </div>
        </div>
      </div>
    </EditorProvider>
  );
}

function Refusal({ code, title, message }: { code: string; title: string; message: string }) {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
      <title>{`${title} · LearninGPT`}</title>
      <p className="text-sm font-semibold uppercase tracking-widest text-indigo-600">{code}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-3 text-slate-600">{message}</p>
      <Link to="/teach/programs" className="btn-primary mt-8">
        Back to my programs
      </Link>
    </div>
  );
}

function EditorSkeleton() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8" aria-busy="true" aria-label="Loading the program">
      <Skeleton className="h-4 w-28" />
      <Skeleton className="mt-3 h-8 w-2/3" />
      <div className="mt-8 grid gap-8 lg:grid-cols-[12rem_1fr]">
        <div className="hidden space-y-2 lg:block">
          {PARTS.map((p) => (
            <Skeleton key={p.id} className="h-7 w-full" />
          ))}
        </div>
        <div className="space-y-8">
          {[0, 1, 2].map((i) => (
            <div key={i} className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6">
              <Skeleton className="h-6 w-40" />
              <Skeleton className="h-10 w-full" />
              <Skeleton className="h-10 w-full" />
              <Skeleton className="h-24 w-full" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
