// Values the integration globalSetup hands to test files through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server's maintenance database (creates and drops databases). */
    pgAdminUrl: string;
    /** The migrated template database that every test database is cloned from. */
    pgTemplate: string;
  }
}

export {};
