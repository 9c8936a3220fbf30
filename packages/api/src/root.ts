import { createCallerFactory, createTRPCRouter } from './trpc';
import { categoriesRouter } from './routers/categories';
import { programsRouter } from './routers/programs';
import { authRouter } from './routers/auth';
import { usersRouter } from './routers/users';
import { adminRouter } from './routers/admin';
import { notificationsRouter } from './routers/notifications';
import { instructorsRouter } from './routers/instructors';
import { searchRouter } from './routers/search';
import { certificatesRouter } from './routers/certificates';
import { subscriptionsRouter } from './routers/subscriptions';
import { paymentsRouter } from './routers/payments';
import { ordersRouter } from './routers/orders';
import { quizzesRouter } from './routers/quizzes';
import { aiRouter } from './routers/ai';
import { eventsRouter } from './routers/events';
import { blogRouter, faqsRouter, testimonialsRouter } from './routers/content';

/** One router per domain; the tRPC face serves it at /trpc and the REST face at /api. */
export const appRouter = createTRPCRouter({
  categories: categoriesRouter,
  programs: programsRouter,
  auth: authRouter,
  users: usersRouter,
  admin: adminRouter,
  notifications: notificationsRouter,
  instructors: instructorsRouter,
  search: searchRouter,
  certificates: certificatesRouter,
  quizzes: quizzesRouter,
  ai: aiRouter,
  subscriptions: subscriptionsRouter,
  payments: paymentsRouter,
  orders: ordersRouter,
  events: eventsRouter,
  blog: blogRouter,
  testimonials: testimonialsRouter,
  faqs: faqsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
