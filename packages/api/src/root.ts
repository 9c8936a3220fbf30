import { createCallerFactory, createTRPCRouter } from './trpc';
import { categoriesRouter } from './routers/categories';
import { programsRouter } from './routers/programs';

/** One router per domain; the tRPC face serves it at /trpc and the REST face at /api. */
export const appRouter = createTRPCRouter({
  categories: categoriesRouter,
  programs: programsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
