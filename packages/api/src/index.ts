export { appRouter, createCaller, type AppRouter } from './root';
export type { AppContext, ApiMeta, Logger, SessionInfo } from './trpc';
export { nulPath, NUL_REFUSED } from './trpc';
export {
  errorAnswer,
  errorBody,
  errorIssues,
  invalidFieldsMessage,
  zodIssues,
  INTERNAL_ERROR_MESSAGE,
  type ErrorAnswer,
} from './error-answer';
export type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
export { REST_ALIASES, type RestAlias } from './rest-aliases';
