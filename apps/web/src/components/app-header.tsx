import { Link, NavLink } from 'react-router';

function navClass({ isActive }: { isActive: boolean }) {
  return `rounded-md px-3 py-2 text-sm font-medium transition ${
    isActive ? 'bg-indigo-50 text-indigo-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'
  }`;
}

export function AppHeader() {
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
        </nav>
        {/* Accounts come later; the link leads to a page that says so. */}
        <Link to="/sign-in" className="btn-secondary">
          Sign in
        </Link>
      </div>
    </header>
  );
}
