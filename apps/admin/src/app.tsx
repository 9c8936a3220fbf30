import { Route, Routes } from 'react-router';
import { AdminLayout } from './components/admin-layout';
import { NAV_ITEMS } from './components/nav-items';
import { SignInPage } from './features/auth/sign-in-page';
import { DashboardPage } from './features/dashboard/dashboard-page';
import { ComingSoonPage } from './features/placeholder/coming-soon-page';
import { NotFoundPage } from './features/placeholder/not-found-page';
import { ProgramsPage } from './features/programs/programs-page';

// Sections with a real page; every other sidebar entry gets its "coming soon" placeholder.
const BUILT = new Set(['/', '/programs']);

export function App() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route element={<AdminLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="programs" element={<ProgramsPage />} />
        {NAV_ITEMS.filter((item) => !BUILT.has(item.path)).map((item) => (
          <Route key={item.path} path={item.path.slice(1)} element={<ComingSoonPage item={item} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
