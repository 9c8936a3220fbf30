import type { ProgramDetail } from '@learningpt/schema';
import { ErrorState, PageLoading, trpcErrorCode, useSession, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';

/**
 * The program of `/teach/programs/:id/...` for its instructor or an admin; anyone else sees why
 * not (as the program editor does).
 */
export function ProgramGate({ children }: { children: (program: ProgramDetail) => ReactNode }) {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const session = useSession();
  const program = useQuery(trpc.programs.byId.queryOptions({ id }));

  if (program.isPending || session.status === 'loading') return <PageLoading />;
  if (program.isError) {
    const code = trpcErrorCode(program.error);
    if (code === 'NOT_FOUND') {
      return <Refusal code="404" title="Program not found" message="This program does not exist or is not yours." />;
    }
    if (code === 'FORBIDDEN') {
      return <Refusal code="403" title="Not your program" message="Only its instructor and admins can manage it." />;
    }
    return (
      <div className="px-4 py-16">
        <ErrorState
          title="We couldn't load this program"
          error={program.error}
          onRetry={() => void program.refetch()}
        />
      </div>
    );
  }
  const detail = program.data.program;
  const user = session.user;
  if (!user || (user.role !== 'admin' && user.id !== detail.instructor.id)) {
    return (
      <Refusal
        code="403"
        title="Not your program"
        message={`“${detail.title}” belongs to another instructor. Only its instructor and admins can manage its quizzes.`}
      />
    );
  }
  return <>{children(detail)}</>;
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

/** The back link and heading every quiz page of a program starts with. */
export function PageHeader({
  program,
  back,
  title,
  subtitle,
  actions,
}: {
  program: ProgramDetail;
  back: { to: string; label: string };
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div>
      <title>{`${title} · ${program.title} · LearninGPT`}</title>
      <Link to={back.to} className="text-sm font-medium text-indigo-600 hover:underline">
        ← {back.label}
      </Link>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
          {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
        </div>
        {actions}
      </div>
    </div>
  );
}
