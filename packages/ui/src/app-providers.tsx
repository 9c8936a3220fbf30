import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './query-client';
import { createApiClient, TRPCProvider } from './trpc';

/** The query cache and the tRPC client every page uses, shared through context. */
export function AppProviders({ children }: { children: ReactNode }) {
  // Created once per page load, not per render.
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createApiClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** An app's entry point: renders `app` into index.html's #root with the providers and the router. */
export function mountApp(app: ReactNode) {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html is missing <div id="root">');
  createRoot(container).render(
    <StrictMode>
      <AppProviders>
        <BrowserRouter>{app}</BrowserRouter>
      </AppProviders>
    </StrictMode>,
  );
}
