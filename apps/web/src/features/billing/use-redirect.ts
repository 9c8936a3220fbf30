import { useEffect, useState } from 'react';

/**
 * Sends the browser to another site (Stripe's hosted Checkout), remembering that it is on its way
 * so buttons keep saying so until the page is gone. Coming back with the Back button (a page
 * restored from the back-forward cache) makes them usable again.
 */
export function useRedirect() {
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) setLeaving(false);
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, []);
  return {
    leaving,
    go(url: string) {
      setLeaving(true);
      window.location.assign(url);
    },
  };
}
