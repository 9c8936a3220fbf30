import { PageLoading, RequireSession } from '@learningpt/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/app-layout';
import { AccountDeletedPage } from './features/auth/account-deleted-page';
import { CheckEmailPage } from './features/auth/check-email-page';
import { BillingPage } from './features/billing/billing-page';
import { OrderPage } from './features/billing/order-page';
import { PricingPage } from './features/billing/pricing-page';
import { ForgotPasswordPage } from './features/auth/forgot-password-page';
import { RegisterPage } from './features/auth/register-page';
import { ResetPasswordPage } from './features/auth/reset-password-page';
import { SignInPage } from './features/auth/sign-in-page';
import { VerifyEmailPage } from './features/auth/verify-email-page';
import { CatalogPage } from './features/catalog/catalog-page';
import { BlogPage } from './features/content/blog-page';
import { BlogPostPage } from './features/content/blog-post-page';
import { FaqPage } from './features/content/faq-page';
import { TestimonialsPage } from './features/content/testimonials-page';
import { EventPage } from './features/events/event-page';
import { EventsPage } from './features/events/events-page';
import { MyEventsPage } from './features/events/my-events-page';
import { LessonReaderPage } from './features/learn/lesson-reader-page';
import { MyLearningPage } from './features/learn/my-learning-page';
import { MyCertificatesPage } from './features/certificates/my-certificates-page';
import { VerifyCertificatePage } from './features/certificates/verify-page';
import { AttemptPage } from './features/exam/attempt-page';
import { ExamPage } from './features/exam/exam-page';
import { ProgramExamsPage } from './features/exam/program-exams-page';
import { NotFoundPage } from './features/misc/not-found-page';
import { ProfilePage } from './features/profile/profile-page';
import { ProgramPage } from './features/program/program-page';
import { ApplyPage } from './features/teach/apply/apply-page';
import { DashboardPage } from './features/teach/dashboard-page';
import { MyProgramsPage } from './features/teach/my-programs-page';
import { TeachLayout } from './features/teach/teach-layout';
import { TutorPage } from './features/tutor/tutor-page';

// The program editor (and its rich-text editor) is only for instructors: loaded when first opened.
const editor = () => import('./features/teach/editor/program-editor-page');
const NewProgramPage = lazy(() => editor().then((m) => ({ default: m.NewProgramPage })));
const ProgramEditorPage = lazy(() => editor().then((m) => ({ default: m.ProgramEditorPage })));
const quizEditor = () => import('./features/quiz-editor');
const QuizListPage = lazy(() => quizEditor().then((m) => ({ default: m.QuizListPage })));
const NewQuizPage = lazy(() => quizEditor().then((m) => ({ default: m.NewQuizPage })));
const EditQuizPage = lazy(() => quizEditor().then((m) => ({ default: m.EditQuizPage })));
const QuestionBankPage = lazy(() => quizEditor().then((m) => ({ default: m.QuestionBankPage })));
const loaded = (page: ReactNode) => <Suspense fallback={<PageLoading />}>{page}</Suspense>;

export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        {/* The catalog is the home page until there is a landing page. */}
        <Route index element={<Navigate to="/programs" replace />} />
        <Route path="programs" element={<CatalogPage />} />
        <Route path="programs/:slug" element={<ProgramPage />} />
        <Route path="programs/:slug/learn/:lessonId?" element={<LessonReaderPage />} />
        {/* Events (registering needs a session; the page says so) and the site's content, all public. */}
        <Route path="events" element={<EventsPage />} />
        <Route
          path="events/mine"
          element={<RequireSession loading={<PageLoading />}>{() => <MyEventsPage />}</RequireSession>}
        />
        <Route path="events/:slug" element={<EventPage />} />
        <Route path="blog" element={<BlogPage />} />
        <Route path="blog/:slug" element={<BlogPostPage />} />
        <Route path="testimonials" element={<TestimonialsPage />} />
        <Route path="faq" element={<FaqPage />} />
        {/* Practice exams: quizzes are for signed-in users only. */}
        <Route
          path="programs/:slug/exams"
          element={<RequireSession loading={<PageLoading />}>{() => <ProgramExamsPage />}</RequireSession>}
        />
        <Route
          path="exams/:quizId"
          element={<RequireSession loading={<PageLoading />}>{() => <ExamPage />}</RequireSession>}
        />
        <Route
          path="exams/:quizId/attempts/:attemptId"
          element={<RequireSession loading={<PageLoading />}>{() => <AttemptPage />}</RequireSession>}
        />
        <Route
          path="certificates"
          element={<RequireSession loading={<PageLoading />}>{() => <MyCertificatesPage />}</RequireSession>}
        />

        {/* Plans for everyone; billing and orders (where Stripe Checkout returns) for their owner. */}
        <Route path="pricing" element={<PricingPage />} />
        <Route
          path="billing"
          element={<RequireSession loading={<PageLoading />}>{() => <BillingPage />}</RequireSession>}
        />
        <Route
          path="orders/:id"
          element={<RequireSession loading={<PageLoading />}>{() => <OrderPage />}</RequireSession>}
        />

        {/* Public: anyone checks a certificate by its code (the share links of users.certificates). */}
        <Route path="verify/:code" element={<VerifyCertificatePage />} />

        <Route path="sign-in" element={<SignInPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="check-email" element={<CheckEmailPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="account-deleted" element={<AccountDeletedPage />} />
        {/* Paths the server's emails link to ("account exists" → /login, welcome → /dashboard). */}
        <Route path="login" element={<Navigate to="/sign-in" replace />} />
        <Route path="dashboard" element={<Navigate to="/profile" replace />} />

        <Route
          path="profile"
          element={<RequireSession loading={<PageLoading />}>{() => <ProfilePage />}</RequireSession>}
        />
        <Route
          path="learning"
          element={<RequireSession loading={<PageLoading />}>{() => <MyLearningPage />}</RequireSession>}
        />
        {/* The AI tutor: ?program= and ?lesson= put them in focus, ?session= opens a saved chat. */}
        <Route
          path="tutor"
          element={<RequireSession loading={<PageLoading />}>{() => <TutorPage />}</RequireSession>}
        />
        <Route
          path="teach/apply"
          element={<RequireSession loading={<PageLoading />}>{(user) => <ApplyPage user={user} />}</RequireSession>}
        />
        {/* Instructors and admins; anyone else sees how to sign in or apply. */}
        <Route path="teach" element={<TeachLayout />}>
          <Route index element={<DashboardPage />} />
          <Route path="programs" element={<MyProgramsPage />} />
          <Route path="programs/new" element={loaded(<NewProgramPage />)} />
          <Route path="programs/:id" element={loaded(<ProgramEditorPage />)} />
          <Route path="programs/:id/quizzes" element={loaded(<QuizListPage />)} />
          <Route path="programs/:id/quizzes/new" element={loaded(<NewQuizPage />)} />
          <Route path="programs/:id/quizzes/:quizId" element={loaded(<EditQuizPage />)} />
          <Route path="programs/:id/question-bank" element={loaded(<QuestionBankPage />)} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
