import process from 'node:process';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API runs on its own port; proxying keeps the browser on one origin so the session cookie
// and `/trpc` need no CORS. The e2e harness overrides the target with the API it started.
const apiUrl = process.env.API_URL ?? 'http://localhost:3000';
const apiProxy = { target: apiUrl, changeOrigin: true };

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: false,
    proxy: { '/trpc': apiProxy, '/api': apiProxy, '/docs': apiProxy, '/health': apiProxy },
  },
  // Pre-bundle every dependency up front: discovering one on first navigation makes Vite reload
  // the page, which is slow for people and flaky for the browser tests.
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-router',
      '@tanstack/react-query',
      '@trpc/client',
      '@trpc/tanstack-react-query',
      'superjson',
    ],
  },
});
