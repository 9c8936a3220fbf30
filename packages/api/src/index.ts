export { appRouter, createCaller, type AppRouter } from './root';
export type { AppContext, ApiMeta, Logger, SessionInfo } from './trpc';
export { errorIssues, zodIssues } from './trpc';
export type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
