import type { ProgramSummary } from '@learningpt/schema';
import { Dialog, errorMessage, FormAlert, useTRPC } from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';

export type ProgramAction = { kind: 'archive' | 'delete'; program: Pick<ProgramSummary, 'id' | 'title'> };

const TITLES = { archive: 'Archive program', delete: 'Delete program' } as const;

/** Confirms archiving or (soft) deleting a program; the lists are refetched after the server answers. */
export function ProgramActionDialog({
  action,
  onClose,
  onDone,
}: {
  action: ProgramAction | null;
  onClose: () => void;
  onDone: (action: ProgramAction) => void;
}) {
  return (
    <Dialog open={action !== null} title={action ? TITLES[action.kind] : ''} onClose={onClose}>
      {action && (
        <ActionForm key={`${action.kind}:${action.program.id}`} action={action} onClose={onClose} onDone={onDone} />
      )}
    </Dialog>
  );
}

function ActionForm({
  action,
  onClose,
  onDone,
}: {
  action: ProgramAction;
  onClose: () => void;
  onDone: (action: ProgramAction) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = {
    onSuccess: () => onDone(action),
    // The admin list and the public catalog (the dashboard's figures) both change.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.admin.programs.pathFilter()),
        queryClient.invalidateQueries(trpc.programs.pathFilter()),
      ]),
  };
  const setStatus = useMutation(trpc.programs.setStatus.mutationOptions(options));
  const remove = useMutation(trpc.programs.delete.mutationOptions(options));
  const mutation = action.kind === 'archive' ? setStatus : remove;
  const busy = mutation.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (action.kind === 'archive') setStatus.mutate({ id: action.program.id, status: 'archived' });
    else remove.mutate({ id: action.program.id });
  }

  const title = <strong className="font-medium text-slate-900">{action.program.title}</strong>;
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600">
        {action.kind === 'archive' ? (
          <>
            {title} will leave the catalog and stop taking enrollments. Students already enrolled keep their access. You
            can publish it again later from the Archived tab.
          </>
        ) : (
          <>
            {title} will be removed from the catalog and every search. Its enrollments and history are kept, and it
            stays listed under Deleted; the deletion cannot be undone from this page.
          </>
        )}
      </p>
      {mutation.isError && <FormAlert tone="error">{errorMessage(mutation.error)}</FormAlert>}
      <div className="flex justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="submit"
          className={`btn-primary ${action.kind === 'delete' ? '!bg-red-600 hover:!bg-red-500' : ''}`}
          disabled={busy}
        >
          {busy ? 'Saving…' : action.kind === 'archive' ? 'Archive program' : 'Delete program'}
        </button>
      </div>
    </form>
  );
}
