// The Vite config both browser apps use; each app's vite.config.ts only names its port.
// Plain JavaScript, like ../eslint: Vite loads a config's imports with Node, which does not run
// TypeScript. types.d.ts types it for the apps; `pnpm typecheck` checks this file against it.
import process from 'node:process';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';

/**
 * @param {import('./types.js').AppConfigOptions} options
 * @returns {ReturnType<typeof import('./types.js').defineAppConfig>}
 */
export function defineAppConfig({ portEnv, defaultPort }) {
  // The API runs on its own port; proxying keeps the browser on one origin so the session cookie
  // and `/trpc` need no CORS. The e2e harness overrides the target with the API it started.
  const apiUrl = process.env.API_URL ?? 'http://localhost:3000';
  const apiProxy = { target: apiUrl, changeOrigin: true };

  return {
    plugins: [react(), tailwindcss()],
    server: {
      port: Number(process.env[portEnv] ?? defaultPort),
      strictPort: false,
      proxy: { '/trpc': apiProxy, '/api': apiProxy, '/docs': apiProxy, '/health': apiProxy },
    },
    // Pre-bundle every dependency up front: discovering one on first navigation makes Vite reload
    // the page, which is slow for people and flaky for the browser tests. The dependencies of
    // workspace packages (tRPC and superjson via @learningpt/ui, zod via @learningpt/schema) are
    // found by Vite's start-up scan, which reads linked packages' sources; naming them here too
    // would pre-bundle them twice.
    optimizeDeps: {
      include: [
        'react',
        'react-dom',
        'react-dom/client',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        'react-router',
        '@tanstack/react-query',
      ],
    },
  };
}
