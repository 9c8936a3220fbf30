import { Skeleton, useSession } from '@learningpt/ui';
import { Link, NavLink } from 'react-router';
import { NotificationsBell } from './notifications-bell';
import { UserMenu } from './user-menu';

function navClass({ isActive }: { isActive: boolean }) {
  return `rounded-md px-3 py-2 text-sm font-medium transition ${
    isActive ? 'bg-indigo-50 text-indigo-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
  }`;
}

export function AppHeader() {
  const session = useSession();
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200/80 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-6 px-4 sm:px-6 lg:px-8">
        <Link to="/" className="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
          <img src="/favicon.svg" alt="" className="size-8" />
          LearninGPT
        </Link>
        <nav aria-label="Main" className="flex flex-1 items-center gap-1">
          <NavLink to="/programs" className={navClass}>
            Programs
          </NavLink>
          <NavLink to="/events" className={navClass}>
            Events
          </NavLink>
          <NavLink to="/blog" className={navClass}>
            Blog
          </NavLink>
          <NavLink to="/pricing" className={navClass}>
            Pricing
          </NavLink>
          {session.status === 'signed-in' && (
            <NavLink to="/learning" className={navClass}>
              My learning
            </NavLink>
          )}
          {session.status === 'signed-in' && (
            <NavLink to="/tutor" className={navClass}>
              AI tutor
            </NavLink>
          )}
          {session.status === 'signed-in' && (
            <NavLink to="/certificates" className={navClass}>
              Certificates
            </NavLink>
          )}
          {session.status === 'signed-in' && session.user.role !== 'student' && (
            <NavLink to="/teach" className={navClass}>
              Teach
            </NavLink>
          )}
        </nav>
        <div aria-label="Account" role="group" className="flex items-center gap-2">
          {session.status === 'loading' ? (
            <Skeleton className="h-9 w-32 rounded-full" />
          ) : session.status === 'signed-in' ? (
            <>
              <NotificationsBell />
              <UserMenu user={session.user} />
            </>
          ) : (
            // Anonymous, or the session check failed: offer to sign in either way.
            <>
              <Link to="/sign-in" className="btn-secondary">
                Sign in
              </Link>
              <Link to="/register" className="btn-primary">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
