import type { CurrentSubscriptionOutput, Plan } from '@learningpt/schema';
import {
  CheckIcon,
  Dialog,
  errorMessage,
  ErrorState,
  FormAlert,
  signInPath,
  Skeleton,
  useSession,
  useTRPC,
} from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { formatDay, formatMoney } from '../../lib/format';
import { CYCLE_LABELS, limitLines } from './billing-labels';
import { useRedirect } from './use-redirect';

/** /pricing: the plans with their features and limits; subscribing goes through Stripe Checkout. */
export function PricingPage() {
  const trpc = useTRPC();
  const session = useSession();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const plans = useQuery(trpc.subscriptions.plans.queryOptions());
  const current = useQuery({
    ...trpc.subscriptions.current.queryOptions(),
    enabled: session.status === 'signed-in',
  });
  const redirect = useRedirect();
  const [confirm, setConfirm] = useState<Plan | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const subscribe = useMutation(
    trpc.subscriptions.subscribe.mutationOptions({
      onSuccess: (data) => {
        if (data.checkoutUrl) {
          redirect.go(data.checkoutUrl);
          return;
        }
        // A plan change is done at once: the answer is the new subscription.
        setConfirm(null);
        setNotice(data.message);
        return queryClient.invalidateQueries(trpc.subscriptions.pathFilter());
      },
    }),
  );
  const start = (plan: Plan) => {
    setNotice(null);
    subscribe.mutate({ planId: plan.id });
  };
  const busy = subscribe.isPending || redirect.leaving;

  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 lg:px-8">
      <title>Plans and pricing · LearninGPT</title>
      <header className="mx-auto max-w-2xl text-center">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Plans and pricing</h1>
        <p className="mt-3 text-slate-600">
          Start for free. A plan opens whole levels of programs with the AI tutor and the exam simulator; single
          programs can also be bought on their own page.
        </p>
      </header>

      <div aria-live="polite" className="mx-auto mt-8 max-w-2xl space-y-3">
        {params.get('checkout') === 'cancelled' && !notice && (
          <FormAlert tone="info">Checkout cancelled: nothing was charged and your plan has not changed.</FormAlert>
        )}
        {notice && <FormAlert tone="success">{notice}</FormAlert>}
        {subscribe.isError && !confirm && <FormAlert tone="error">{errorMessage(subscribe.error)}</FormAlert>}
      </div>

      <div className="mt-8">
        {plans.isPending ? (
          <ul aria-busy="true" aria-label="Loading the plans" className="grid gap-6 md:grid-cols-3">
            {Array.from({ length: 3 }, (_, i) => (
              <li key={i}>
                <Skeleton className="h-[28rem] rounded-2xl" />
              </li>
            ))}
          </ul>
        ) : plans.isError ? (
          <ErrorState title="We couldn't load the plans" error={plans.error} onRetry={() => void plans.refetch()} />
        ) : plans.data.plans.length === 0 ? (
          <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <h2 className="text-lg font-semibold text-slate-900">No plans are on offer right now</h2>
            <p className="mt-1 text-slate-600">Programs can still be bought one by one from their pages.</p>
            <Link to="/programs" className="btn-primary mt-6">
              Browse programs
            </Link>
          </div>
        ) : (
          <>
            {current.isError && (
              <FormAlert tone="error" className="mx-auto mb-6 max-w-2xl">
                We couldn&apos;t check your current plan: {errorMessage(current.error)}
              </FormAlert>
            )}
            <ul className="grid gap-6 md:grid-cols-3">
              {plans.data.plans.map((plan) => (
                <li key={plan.id} className="flex">
                  <PlanCard
                    plan={plan}
                    current={current.data}
                    busy={busy}
                    pendingPlan={busy ? subscribe.variables?.planId : undefined}
                    onSubscribe={start}
                    onSwitch={(p) => {
                      subscribe.reset();
                      setConfirm(p);
                    }}
                  />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <Dialog
        open={confirm !== null}
        title={confirm ? `Switch to ${confirm.name}?` : ''}
        busy={subscribe.isPending}
        onClose={() => setConfirm(null)}
      >
        {confirm && (
          <div className="space-y-4">
            <p className="text-sm text-slate-600">
              Your plan changes now to {confirm.name} ({formatMoney(confirm.price, confirm.currency)} a{' '}
              {CYCLE_LABELS[confirm.billingCycle]}). Stripe charges or credits the difference for the rest of this
              period on your next invoice.
            </p>
            {subscribe.isError && <FormAlert tone="error">{errorMessage(subscribe.error)}</FormAlert>}
            <div className="flex justify-end gap-3 pt-2">
              <button
                type="button"
                className="btn-secondary"
                onClick={() => setConfirm(null)}
                disabled={subscribe.isPending}
              >
                Keep my plan
              </button>
              <button
                type="button"
                className="btn-primary"
                onClick={() => start(confirm)}
                disabled={subscribe.isPending}
              >
                {subscribe.isPending ? 'Switching…' : `Switch to ${confirm.name}`}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}

interface PlanCardProps {
  plan: Plan;
  /** The signed-in user's plan (undefined: anonymous, or not known yet). */
  current: CurrentSubscriptionOutput | undefined;
  busy: boolean;
  pendingPlan: string | undefined;
  onSubscribe: (plan: Plan) => void;
  onSwitch: (plan: Plan) => void;
}

function PlanCard({ plan, current, busy, pendingPlan, onSubscribe, onSwitch }: PlanCardProps) {
  const isCurrent = current?.tier === plan.id;
  const headingId = `plan-${plan.id}`;
  const free = plan.price === 0;
  return (
    <article
      aria-labelledby={headingId}
      className={`flex w-full flex-col rounded-2xl border bg-white p-6 shadow-sm ${
        isCurrent ? 'border-indigo-300 ring-2 ring-indigo-500' : 'border-slate-200'
      }`}
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {plan.name}
        </h2>
        {isCurrent && (
          <span className="rounded-full bg-indigo-50 px-2.5 py-0.5 text-xs font-semibold text-indigo-700 ring-1 ring-inset ring-indigo-600/20">
            Current plan
          </span>
        )}
      </div>
      {plan.description && <p className="mt-1 text-sm text-slate-600">{plan.description}</p>}
      <p className="mt-5">
        <span className="text-4xl font-bold tracking-tight text-slate-900">
          {formatMoney(plan.price, plan.currency)}
        </span>
        <span className="text-sm text-slate-500"> / {CYCLE_LABELS[plan.billingCycle]}</span>
      </p>
      {isCurrent && current?.subscription?.cancelAtPeriodEnd && (
        <p className="mt-2 text-xs font-medium text-amber-700">
          Cancelled: ends on {formatDay(current.subscription.currentPeriodEnd)}
        </p>
      )}

      <h3 className="mt-6 text-xs font-semibold uppercase tracking-wide text-slate-500">Included</h3>
      <ul className="mt-3 space-y-2 text-sm">
        {plan.features.map((f) => (
          <li key={f} className="flex gap-2 text-slate-700">
            <CheckIcon className="mt-0.5 size-4 shrink-0 text-emerald-500" />
            {f}
          </li>
        ))}
      </ul>
      <h3 className="mt-6 text-xs font-semibold uppercase tracking-wide text-slate-500">Limits</h3>
      <ul className="mt-3 space-y-1.5 text-sm text-slate-600">
        {limitLines(plan.limits).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>

      <div className="mt-auto pt-8">
        <PlanAction
          plan={plan}
          current={current}
          isCurrent={isCurrent}
          free={free}
          busy={busy}
          pending={pendingPlan === plan.id}
          onSubscribe={onSubscribe}
          onSwitch={onSwitch}
        />
      </div>
    </article>
  );
}

function PlanAction({
  plan,
  current,
  isCurrent,
  free,
  busy,
  pending,
  onSubscribe,
  onSwitch,
}: Omit<PlanCardProps, 'pendingPlan'> & { isCurrent: boolean; free: boolean; pending: boolean }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading' || (session.status === 'signed-in' && !current)) {
    return <Skeleton className="h-10 w-full rounded-lg" />;
  }
  if (session.status !== 'signed-in') {
    return free ? (
      <Link to="/register" className="btn-secondary w-full">
        Create a free account
      </Link>
    ) : (
      <Link to={signInPath('/sign-in', location)} className="btn-primary w-full">
        Sign in to subscribe
      </Link>
    );
  }
  if (isCurrent) {
    return free ? (
      <p className="rounded-lg bg-slate-50 px-4 py-2.5 text-center text-sm font-medium text-slate-600">
        Your current plan
      </p>
    ) : (
      <Link to="/billing" className="btn-secondary w-full" aria-label={`Manage your ${plan.name} plan in Billing`}>
        Manage in Billing
      </Link>
    );
  }
  if (free) {
    return (
      <p className="text-center text-sm text-slate-600">
        To go back to Free,{' '}
        <Link to="/billing" className="font-medium text-indigo-600 hover:underline">
          cancel your plan in Billing
        </Link>
        .
      </p>
    );
  }
  // A live paid plan: Stripe swaps the price (prorated), no new checkout.
  if (current?.subscription) {
    return (
      <button type="button" className="btn-secondary w-full" disabled={busy} onClick={() => onSwitch(plan)}>
        Switch to {plan.name}
      </button>
    );
  }
  return (
    <button type="button" className="btn-primary w-full" disabled={busy} onClick={() => onSubscribe(plan)}>
      {pending ? 'Starting checkout…' : `Subscribe to ${plan.name}`}
    </button>
  );
}
