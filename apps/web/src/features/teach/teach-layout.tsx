import type { AuthUser } from '@learningpt/schema';
import { ErrorState, PageLoading, signInPath, useSession } from '@learningpt/ui';
import { Link, NavLink, Outlet, useLocation } from 'react-router';

/** Who may use the instructor area: instructors, and admins (they may edit any program). */
export function canTeach(user: Pick<AuthUser, 'role'>): boolean {
  return user.role === 'instructor' || user.role === 'admin';
}

function tabClass({ isActive }: { isActive: boolean }) {
  return `-mb-px border-b-2 px-1 py-3 text-sm font-medium transition ${
    isActive
      ? 'border-indigo-600 text-indigo-700'
      : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
  }`;
}

/**
 * /teach/*: the instructor area. Instructors and admins get its sub-navigation above the page;
 * anyone else gets a page explaining how to get in (sign in, or apply to teach).
 */
export function TeachLayout() {
  const session = useSession();
  const location = useLocation();

  if (session.status === 'loading') return <PageLoading />;
  if (session.status === 'error') {
    return (
      <div className="px-4 py-16">
        <ErrorState title="We couldn't check your session" error={session.error} onRetry={session.retry} />
      </div>
    );
  }
  if (session.status === 'anonymous' || !canTeach(session.user)) {
    return <TeachWelcome signInHref={session.status === 'anonymous' ? signInPath('/sign-in', location) : null} />;
  }

  return (
    <>
      <div className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 sm:px-6 lg:px-8">
          <p className="py-3 text-sm font-semibold text-slate-900">Instructor area</p>
          <nav aria-label="Instructor area" className="flex gap-5">
            <NavLink to="/teach" end className={tabClass}>
              Dashboard
            </NavLink>
            <NavLink to="/teach/programs" className={tabClass}>
              My programs
            </NavLink>
          </nav>
        </div>
      </div>
      <Outlet />
    </>
  );
}

/** For signed-out visitors (`signInHref` set) and students: what teaching here means and how to start. */
function TeachWelcome({ signInHref }: { signInHref: string | null }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6">
      <title>Teach on LearninGPT</title>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Teach on LearninGPT</h1>
      <p className="mt-3 text-slate-600">
        The instructor area is for instructors: create programs, follow your students and see how your programs are
        doing.
      </p>
      {signInHref ? (
        <>
          <p className="mt-2 text-slate-600">Sign in to open it, or to apply to become an instructor.</p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <Link to={signInHref} className="btn-primary">
              Sign in
            </Link>
            <Link to="/teach/apply" className="btn-secondary">
              Become an instructor
            </Link>
          </div>
        </>
      ) : (
        <>
          <p className="mt-2 text-slate-600">
            Share what you know: tell us about your expertise and we will review your application.
          </p>
          <div className="mt-8 flex justify-center">
            <Link to="/teach/apply" className="btn-primary">
              Become an instructor
            </Link>
          </div>
        </>
      )}
    </div>
  );
}
