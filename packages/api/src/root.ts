import { createCallerFactory, createTRPCRouter } from './trpc';
import { categoriesRouter } from './routers/categories';
import { programsRouter } from './routers/programs';
import { authRouter } from './routers/auth';
import { usersRouter } from './routers/users';
import { adminRouter } from './routers/admin';
import { notificationsRouter } from './routers/notifications';
import { instructorsRouter } from './routers/instructors';
import { searchRouter } from './routers/search';

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
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
