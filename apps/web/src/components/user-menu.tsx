import type { AuthUser } from '@learningpt/schema';
import { useSignOut } from '@learningpt/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Avatar } from './avatar';

/** The signed-in user's name and picture, opening a small menu: Profile, Billing, teaching, Sign out. */
export function UserMenu({ user }: { user: AuthUser }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const signOut = useSignOut();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const item = 'block w-full px-4 py-2 text-left text-sm text-slate-700 hover:bg-slate-50 disabled:opacity-60';
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-full py-1 pl-1 pr-3 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        <Avatar name={user.name} src={user.avatar} />
        <span className="max-w-40 truncate" data-testid="header-user-name">
          {user.name}
        </span>
        <span className="sr-only">: account menu</span>
      </button>
      {open && (
        <div
          id={menuId}
          className="absolute right-0 z-30 mt-2 w-56 overflow-hidden rounded-xl border border-slate-200 bg-white py-1 shadow-lg"
        >
          <p className="truncate border-b border-slate-100 px-4 py-2 text-xs text-slate-500">{user.email}</p>
          <Link to="/profile" className={item} onClick={() => setOpen(false)}>
            Profile
          </Link>
          <Link to="/billing" className={item} onClick={() => setOpen(false)}>
            Billing
          </Link>
          {user.role === 'student' ? (
            <Link to="/teach/apply" className={item} onClick={() => setOpen(false)}>
              Become an instructor
            </Link>
          ) : (
            <Link to="/teach" className={item} onClick={() => setOpen(false)}>
              Instructor dashboard
            </Link>
          )}
          <button
            type="button"
            className={item}
            disabled={signOut.isPending}
            onClick={() =>
              signOut.mutate(undefined, {
                onSuccess: () => {
                  setOpen(false);
                  void navigate('/programs');
                },
              })
            }
          >
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
          {signOut.isError && (
            <p role="alert" className="px-4 py-2 text-xs text-red-600">
              Could not sign out. Try again.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
