import { Route, Routes } from 'react-router';
import { AdminLayout } from './components/admin-layout';
import { NAV_ITEMS } from './components/nav-items';
import { RequireAdmin } from './components/require-admin';
import { SignInPage } from './features/auth/sign-in-page';
import { AnalyticsPage } from './features/analytics/analytics-page';
import { ApplicationsPage } from './features/applications/applications-page';
import { CategoriesPage } from './features/categories/categories-page';
import { BlogFormPage } from './features/blog/blog-form-page';
import { BlogPage } from './features/blog/blog-page';
import { DashboardPage } from './features/dashboard/dashboard-page';
import { EventAttendeesPage } from './features/events/event-attendees-page';
import { EventFormPage } from './features/events/event-form-page';
import { EventsPage } from './features/events/events-page';
import { FaqsPage } from './features/faqs/faqs-page';
import { ComingSoonPage } from './features/placeholder/coming-soon-page';
import { NotFoundPage } from './features/placeholder/not-found-page';
import { OrdersPage } from './features/orders/orders-page';
import { ProgramsPage } from './features/programs/programs-page';
import { TestimonialsPage } from './features/testimonials/testimonials-page';
import { UsersPage } from './features/users/users-page';

// Sections with a real page; every other sidebar entry gets its "coming soon" placeholder.
const BUILT = new Set([
  '/',
  '/users',
  '/programs',
  '/categories',
  '/applications',
  '/orders',
  '/events',
  '/blog',
  '/testimonials',
  '/faqs',
  '/analytics',
]);

export function App() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      {/* Everything else needs an admin session. */}
      <Route
        element={
          <RequireAdmin>
            <AdminLayout />
          </RequireAdmin>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="programs" element={<ProgramsPage />} />
        <Route path="categories" element={<CategoriesPage />} />
        <Route path="applications" element={<ApplicationsPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/new" element={<EventFormPage />} />
        <Route path="events/:id/edit" element={<EventFormPage />} />
        <Route path="events/:id/attendees" element={<EventAttendeesPage />} />
        <Route path="blog" element={<BlogPage />} />
        <Route path="blog/new" element={<BlogFormPage />} />
        <Route path="blog/:id/edit" element={<BlogFormPage />} />
        <Route path="testimonials" element={<TestimonialsPage />} />
        <Route path="faqs" element={<FaqsPage />} />
        <Route path="analytics" element={<AnalyticsPage />} />
        {NAV_ITEMS.filter((item) => !BUILT.has(item.path)).map((item) => (
          <Route key={item.path} path={item.path.slice(1)} element={<ComingSoonPage item={item} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
