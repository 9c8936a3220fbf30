import type { EventStatus, EventSummary } from '@learningpt/schema';
import { Dialog, errorMessage, FormAlert, useTRPC } from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { EVENT_STATUS_LABELS, nextStatuses } from './event-badges';

export type EventAction = { kind: 'status' | 'delete'; event: EventSummary };

const TITLES = { status: 'Change event status', delete: 'Delete event' } as const;

export function useRefreshEvents() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.events.pathFilter());
}

/** A confirmed change to one event (status, delete); the list is refetched after the server answers. */
export function EventDialog({
  action,
  onClose,
  onDone,
}: {
  action: EventAction | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={action !== null} title={action ? TITLES[action.kind] : ''} onClose={onClose} busy={busy}>
      {action && (
        <ActionForm
          key={`${action.kind}:${action.event.id}`}
          action={action}
          onClose={onClose}
          onDone={onDone}
          onBusy={setBusy}
        />
      )}
    </Dialog>
  );
}

function ActionForm({
  action: { kind, event },
  onClose,
  onDone,
  onBusy,
}: {
  action: EventAction;
  onClose: () => void;
  onDone: (message: string) => void;
  onBusy: (busy: boolean) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshEvents();
  const options = nextStatuses(event);
  const [status, setStatus] = useState<EventStatus | undefined>(options[0]);
  const settled = {
    onMutate: () => onBusy(true),
    onSuccess: (data: { message: string }) => onDone(data.message),
    onSettled: () => {
      onBusy(false);
      return refresh();
    },
  };
  const update = useMutation(trpc.events.update.mutationOptions(settled));
  const remove = useMutation(trpc.events.delete.mutationOptions(settled));
  const mutation = kind === 'status' ? update : remove;
  const busy = mutation.isPending;
  const stillOn = event.status === 'upcoming' || event.status === 'ongoing';
  const cancelling = kind === 'status' && status === 'cancelled';
  const registrants = `${event.registeredCount} registrant${event.registeredCount === 1 ? '' : 's'}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind === 'delete') remove.mutate({ id: event.id });
    else if (status) update.mutate({ id: event.id, status });
  }

  const what = <strong className="font-medium text-slate-900">{event.title}</strong>;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {kind === 'status' &&
        (options.length === 0 ? (
          <p className="text-sm text-slate-600">
            {what} is {event.status}: its status can no longer change.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600">
              {what} is {EVENT_STATUS_LABELS[event.status].toLowerCase()}.
              {event.status === 'upcoming' && options.length === 1 && ' It can be marked ongoing once it has started.'}
            </p>
            <div>
              <label htmlFor="event-new-status" className="field-label">
                New status
              </label>
              <select
                id="event-new-status"
                className="field-input"
                value={status}
                disabled={busy}
                onChange={(e) => setStatus(e.target.value as EventStatus)}
              >
                {options.map((s) => (
                  <option key={s} value={s}>
                    {EVENT_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
          </>
        ))}
      {(cancelling || (kind === 'delete' && stillOn)) && (
        <FormAlert tone="error">
          {kind === 'delete' ? 'Deleting it cancels it first: ' : 'Cancelling is final: '}
          its {registrants} will be told by notification and email, and every paid ticket will be refunded.
        </FormAlert>
      )}
      {kind === 'delete' && (
        <p className="text-sm text-slate-600">{what} will no longer be listed anywhere. This cannot be undone.</p>
      )}
      {mutation.isError && <FormAlert tone="error">{errorMessage(mutation.error)}</FormAlert>}
      <div className="flex justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose} disabled={busy}>
          {kind === 'status' && options.length === 0 ? 'Close' : 'Keep it'}
        </button>
        {(kind === 'delete' || options.length > 0) && (
          <button
            type="submit"
            className={`btn-primary ${cancelling || kind === 'delete' ? '!bg-red-600 hover:!bg-red-500' : ''}`}
            disabled={busy}
          >
            {busy
              ? 'Saving…'
              : kind === 'delete'
                ? 'Delete event'
                : cancelling
                  ? 'Cancel event'
                  : `Mark ${status ? EVENT_STATUS_LABELS[status].toLowerCase() : ''}`}
          </button>
        )}
      </div>
    </form>
  );
}
