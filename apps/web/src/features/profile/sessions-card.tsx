import { Dialog, ErrorState, errorMessage, FormAlert, Skeleton, useTRPC } from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { deviceLabel } from './device-label';

export function SessionsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const [confirmAll, setConfirmAll] = useState(false);
  const refetch = () => queryClient.invalidateQueries(trpc.auth.sessions.queryFilter());
  const revoke = useMutation(trpc.auth.revokeSession.mutationOptions({ onSettled: refetch }));
  const revokeOthers = useMutation(
    trpc.auth.revokeOtherSessions.mutationOptions({
      onSuccess: () => setConfirmAll(false),
      onSettled: refetch,
    }),
  );

  if (sessions.isPending) {
    return (
      <div aria-busy="true" className="space-y-3">
        <Skeleton className="h-14 w-full" />
        <Skeleton className="h-14 w-full" />
      </div>
    );
  }
  if (sessions.isError) {
    return (
      <ErrorState
        title="We couldn't load your sessions"
        error={sessions.error}
        onRetry={() => void sessions.refetch()}
      />
    );
  }
  const list = sessions.data.sessions;
  const others = list.filter((s) => !s.current).length;
  return (
    <div className="space-y-4">
      <div aria-live="polite" className="space-y-2">
        {revoke.isError && <FormAlert tone="error">{errorMessage(revoke.error)}</FormAlert>}
        {revokeOthers.isSuccess && <FormAlert tone="success">{revokeOthers.data.message}</FormAlert>}
      </div>
      {list.length === 0 ? (
        <p className="text-sm text-slate-600">No active sessions.</p>
      ) : (
        <ul aria-label="Active sessions" className="divide-y divide-slate-100 rounded-xl border border-slate-200">
          {list.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0 text-sm">
                <p className="font-medium text-slate-900">
                  {deviceLabel(s.userAgent)}
                  {s.current && (
                    <span className="ml-2 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-inset ring-emerald-600/20">
                      This device
                    </span>
                  )}
                </p>
                <p className="text-slate-500">
                  {s.ipAddress ?? 'Unknown address'} · last active {formatDateTime(s.lastActiveAt)} · signed in{' '}
                  {formatDateTime(s.createdAt)}
                </p>
              </div>
              {!s.current && (
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ id: s.id })}
                >
                  {revoke.isPending && revoke.variables.id === s.id ? 'Signing out…' : 'Sign out'}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others > 0 && (
        <button type="button" className="btn-secondary" onClick={() => setConfirmAll(true)}>
          Sign out all other sessions
        </button>
      )}
      <Dialog
        open={confirmAll}
        title="Sign out all other sessions?"
        busy={revokeOthers.isPending}
        onClose={() => setConfirmAll(false)}
      >
        <p className="text-sm text-slate-600">
          Every other browser and device signed in to your account ({others}) will be signed out. This device stays
          signed in.
        </p>
        {revokeOthers.isError && (
          <FormAlert tone="error" className="mt-4">
            {errorMessage(revokeOthers.error)}
          </FormAlert>
        )}
        <div className="mt-6 flex justify-end gap-3">
          <button
            type="button"
            className="btn-secondary"
            onClick={() => setConfirmAll(false)}
            disabled={revokeOthers.isPending}
          >
            Cancel
          </button>
          <button
            type="button"
            className="btn-primary"
            onClick={() => revokeOthers.mutate()}
            disabled={revokeOthers.isPending}
          >
            {revokeOthers.isPending ? 'Signing out…' : 'Sign out others'}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
