import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/app-layout';
import { CatalogPage } from './features/catalog/catalog-page';
import { NotFoundPage } from './features/misc/not-found-page';
import { SignInPage } from './features/misc/sign-in-page';
import { ProgramPage } from './features/program/program-page';

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        {/* The catalog is the home page until there is a landing page. */}
        <Route index element={<Navigate to="/programs" replace />} />
        <Route path="programs" element={<CatalogPage />} />
        <Route path="programs/:slug" element={<ProgramPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
