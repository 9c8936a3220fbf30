import { Link, Outlet } from 'react-router';
import { AppHeader } from './app-header';

const FOOTER_LINKS = [
  ['/events', 'Events'],
  ['/blog', 'Blog'],
  ['/testimonials', 'Testimonials'],
  ['/faq', 'FAQ'],
] as const;

export function AppLayout() {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <AppHeader />
      <main id="main" className="flex-1">
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-6 text-sm text-slate-500 sm:px-6 lg:px-8">
          <p>© {new Date().getFullYear()} LearninGPT · Learn with an AI tutor, practise exams, get certified.</p>
          <nav aria-label="Footer">
            <ul className="flex flex-wrap gap-x-5 gap-y-2">
              {FOOTER_LINKS.map(([to, label]) => (
                <li key={to}>
                  <Link to={to} className="hover:text-indigo-700">
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </footer>
    </div>
  );
}
