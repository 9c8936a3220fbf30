// The browser side both apps share. Browser-safe only: from the server packages nothing but
// types (`import type { AppRouter }`); the ESLint browser config enforces it.
export { AppProviders, mountApp } from './app-providers';
export { Dialog } from './dialog';
export { ErrorState } from './error-state';
export { FormAlert } from './form-alert';
export { type FieldErrors, issuesToFieldErrors, retryAfterSeconds, serverFieldErrors, validate } from './forms';
export * from './icons';
export { Pagination, pageSlots } from './pagination';
export { createQueryClient } from './query-client';
export { RequireSession, safeNextPath, signInPath } from './require-session';
export {
  clearSession,
  refreshSession,
  SESSION_QUERY_KEY,
  type SessionState,
  setSessionUser,
  useSession,
  useSignOut,
} from './session';
export { SignInForm } from './sign-in-form';
export { Skeleton } from './skeleton';
export { PageLoading, Spinner } from './spinner';
export { TextAreaField, TextField } from './text-field';
export {
  type ApiClient,
  type AppClientError,
  createApiClient,
  errorMessage,
  httpStatus,
  trpcErrorCode,
  TRPCProvider,
  useTRPC,
  useTRPCClient,
} from './trpc';
export { ACCEPTED_IMAGE_INPUT, UploadError, uploadImage } from './upload-image';
export { useCountdown } from './use-countdown';
export { useSchemaForm } from './use-schema-form';
export { useDebouncedValue } from './use-debounced-value';
export { useUrlDraft } from './use-url-draft';
