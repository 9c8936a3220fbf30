import type { UserConfig } from 'vite';

export interface AppConfigOptions {
  /** The environment variable that sets the dev server's port, e.g. `WEB_PORT`. */
  portEnv: string;
  /** The port when that variable is unset; the next free one is taken if it is busy. */
  defaultPort: number;
}

/** React, Tailwind, and `/trpc`, `/api`, `/docs`, `/health` proxied to `API_URL` (default http://localhost:3000). */
export function defineAppConfig(options: AppConfigOptions): UserConfig;
