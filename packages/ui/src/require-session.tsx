import type { AuthUser } from '@learningpt/schema';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from './error-state';
import { useSession } from './session';

/** `/sign-in?next=/where/you/were`, so signing in brings a person back. */
export function signInPath(signIn: string, location: { pathname: string; search: string; hash: string }) {
  const next = location.pathname + location.search + location.hash;
  return next === '/' ? signIn : `${signIn}?next=${encodeURIComponent(next)}`;
}

/**
 * A page for a safe place to go after signing in: only paths on this app (a `next` pointing at
 * another site would make the sign-in page an open redirect).
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

interface RequireSessionProps {
  /** Rendered with the signed-in user. */
  children: (user: AuthUser) => ReactNode;
  /** Shown while asking the server who is signed in. */
  loading: ReactNode;
  signIn?: string;
}

/** Protected routes: anonymous visitors go to sign in (and come back after). */
export function RequireSession({ children, loading, signIn = '/sign-in' }: RequireSessionProps) {
  const session = useSession();
  const location = useLocation();
  switch (session.status) {
    case 'loading':
      return loading;
    case 'error':
      return (
        <div className="px-4 py-16">
          <ErrorState title="We couldn't check your session" error={session.error} onRetry={session.retry} />
        </div>
      );
    case 'anonymous':
      return <Navigate to={signInPath(signIn, location)} replace />;
    case 'signed-in':
      return children(session.user);
  }
}
