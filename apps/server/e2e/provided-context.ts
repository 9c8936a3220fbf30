// Values the e2e globalSetup hands to test files through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    /** The student/instructor app (Vite dev server, proxying /trpc and /api to the API). */
    webUrl: string;
    /** The admin app (Vite dev server, same proxy). */
    adminUrl: string;
    /** The API server itself, for tests that check what the server holds. */
    apiUrl: string;
  }
}

export {};
