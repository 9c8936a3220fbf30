import { ErrorState, PageLoading, signInPath, useSession, useSignOut } from '@learningpt/ui';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

/** Every admin page but /sign-in: an admin session, or the way to get one. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <PageLoading label="Checking your session…" />;
  if (session.status === 'error') {
    return (
      <div className="px-4 py-16">
        <ErrorState title="We couldn't check your session" error={session.error} onRetry={session.retry} />
      </div>
    );
  }
  if (session.status === 'anonymous') return <Navigate to={signInPath('/sign-in', location)} replace />;
  if (session.user.role !== 'admin') return <NotAnAdmin name={session.user.name} email={session.user.email} />;
  return children;
}

/** Signed in (e.g. in the web app on the same host) with an account that is not an admin. */
function NotAnAdmin({ name, email }: { name: string; email: string }) {
  const signOut = useSignOut();
  return (
    <div className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <title>Administrators only · LearninGPT Admin</title>
      <div role="alert" className="max-w-md rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">This panel is for administrators</h1>
        <p className="mt-2 text-sm text-slate-600">
          You are signed in as {name} ({email}), which is not an administrator account.
        </p>
        <button
          type="button"
          className="btn-primary mt-6"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          {signOut.isPending ? 'Signing out…' : 'Sign out and use another account'}
        </button>
      </div>
    </div>
  );
}
