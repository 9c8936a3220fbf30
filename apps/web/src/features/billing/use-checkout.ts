import { useTRPC } from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRedirect } from './use-redirect';

/**
 * payments.createCheckout for a program feature, then off to Stripe's hosted page. A repeated
 * click (or another try after a decline) gets the same open order and checkout back. `busy` stays
 * true while the browser leaves, so the button does not flash back to "Buy".
 */
export function useProgramCheckout() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const redirect = useRedirect();
  const checkout = useMutation(
    trpc.payments.createCheckout.mutationOptions({
      onSuccess: (data) => redirect.go(data.url),
      onError: () =>
        // Already owned (409) or a price that changed (422): show what the server holds now.
        Promise.all([
          queryClient.invalidateQueries(trpc.programs.pathFilter()),
          queryClient.invalidateQueries(trpc.orders.pathFilter()),
        ]),
    }),
  );
  return { checkout, busy: checkout.isPending || redirect.leaving };
}
