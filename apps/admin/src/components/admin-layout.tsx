import { MenuIcon, useSession, useSignOut, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { NAV_ITEMS } from './nav-items';

/** Applications waiting for a decision: one count query (limit 1), refetched after each decision. */
function usePendingApplications(): number | undefined {
  const trpc = useTRPC();
  const pending = useQuery(
    trpc.instructors.applications.queryOptions({ page: 1, limit: 1, status: 'pending' }, { staleTime: 30_000 }),
  );
  return pending.data?.pagination.total;
}

/** Testimonials waiting for moderation, counted the same way. */
function usePendingTestimonials(): number | undefined {
  const trpc = useTRPC();
  const pending = useQuery(
    trpc.testimonials.manage.queryOptions({ page: 1, limit: 1, status: 'pending' }, { staleTime: 30_000 }),
  );
  return pending.data?.pagination.total;
}

function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const badges = { pendingApplications: usePendingApplications(), pendingTestimonials: usePendingTestimonials() };
  return (
    <nav aria-label="Admin" className="flex-1 space-y-1 px-3 py-4">
      {NAV_ITEMS.map(({ path, label, icon: Icon, badge }) => (
        <NavLink
          key={path}
          to={path}
          end={path === '/'}
          onClick={onNavigate}
          className={({ isActive }) =>
            `flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition ${
              isActive ? 'bg-white/10 text-white' : 'text-slate-300 hover:bg-white/5 hover:text-white'
            }`
          }
        >
          <Icon className="size-5 shrink-0" />
          {label}
          {badge && Boolean(badges[badge]) && (
            <span className="ml-auto rounded-full bg-indigo-500 px-2 py-0.5 text-xs font-semibold tabular-nums text-white">
              {badges[badge]}
              <span className="sr-only"> waiting</span>
            </span>
          )}
        </NavLink>
      ))}
    </nav>
  );
}

function SignOutButton({ className }: { className: string }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className={className}
      disabled={signOut.isPending}
      onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/sign-in', { replace: true }) })}
    >
      {signOut.isPending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}

export function AdminLayout() {
  const [menuOpen, setMenuOpen] = useState(false);
  const session = useSession();

  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[16rem_1fr]">
      <aside
        id="admin-sidebar"
        className={`${menuOpen ? 'flex' : 'hidden'} fixed inset-y-0 left-0 z-30 w-64 flex-col bg-slate-900 lg:sticky lg:top-0 lg:flex lg:h-screen`}
      >
        <Link
          to="/"
          className="flex h-16 items-center gap-2 whitespace-nowrap px-5 text-base font-bold tracking-tight text-white"
        >
          <img src="/favicon.svg" alt="" className="size-8" />
          <span>
            LearninGPT <span className="font-medium text-indigo-300">Admin</span>
          </span>
        </Link>
        <SidebarNav onNavigate={() => setMenuOpen(false)} />
        <div className="border-t border-white/10 p-4">
          <SignOutButton className="block w-full rounded-lg px-3 py-2 text-left text-sm font-medium text-slate-300 hover:bg-white/5 hover:text-white" />
        </div>
      </aside>
      {menuOpen && (
        <button
          type="button"
          aria-label="Close menu"
          onClick={() => setMenuOpen(false)}
          className="fixed inset-0 z-20 bg-slate-900/40 lg:hidden"
        />
      )}

      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-10 flex h-16 items-center gap-4 border-b border-slate-200 bg-white/90 px-4 backdrop-blur sm:px-6">
          <button
            type="button"
            onClick={() => setMenuOpen((open) => !open)}
            aria-expanded={menuOpen}
            aria-controls="admin-sidebar"
            className="rounded-lg p-2 text-slate-600 hover:bg-slate-100 lg:hidden"
          >
            <MenuIcon className="size-5" />
            <span className="sr-only">Menu</span>
          </button>
          {/* RequireAdmin has checked the session: the user is a signed-in admin here. */}
          {session.user && (
            <p className="ml-auto flex items-center gap-3 text-sm text-slate-600">
              <span>
                Signed in as <strong className="font-medium text-slate-900">{session.user.name}</strong>
              </span>
              <SignOutButton className="btn-secondary" />
            </p>
          )}
        </header>
        <main className="flex-1 px-4 py-8 sm:px-6 lg:px-10">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
