import { ROLES, type AdminUserSummary, type Role } from '@learningpt/schema';
import { Dialog, errorMessage, FormAlert, serverFieldErrors, TextAreaField, useTRPC } from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ROLE_LABELS } from './user-badges';

export type UserAction = { kind: 'ban' | 'unban' | 'role'; user: AdminUserSummary };

const TITLES = { ban: 'Ban user', unban: 'Lift ban', role: 'Change role' } as const;

/**
 * Confirms one change to one user and applies it. Not optimistic: the list is refetched after
 * the server answers, so what it shows is always what the server holds.
 */
export function UserActionDialog({
  action,
  onClose,
  onDone,
}: {
  action: UserAction | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return (
    <Dialog open={action !== null} title={action ? TITLES[action.kind] : ''} onClose={onClose}>
      {/* Keyed by user and action: each opening starts with a fresh form. */}
      {action && (
        <ActionForm key={`${action.kind}:${action.user.id}`} action={action} onClose={onClose} onDone={onDone} />
      )}
    </Dialog>
  );
}

function ActionForm({
  action,
  onClose,
  onDone,
}: {
  action: UserAction;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user, kind } = action;
  const [reason, setReason] = useState('');
  const [role, setRole] = useState<Role>(user.role);
  const done = (message: string) => ({
    onSuccess: () => onDone(message),
    onSettled: () => queryClient.invalidateQueries(trpc.admin.users.pathFilter()),
  });
  const ban = useMutation(trpc.admin.users.ban.mutationOptions(done(`${user.name} has been banned and signed out.`)));
  const unban = useMutation(trpc.admin.users.unban.mutationOptions(done(`${user.name} can sign in again.`)));
  const setUserRole = useMutation(
    trpc.admin.users.setRole.mutationOptions(done(`${user.name} is now ${ROLE_LABELS[role].toLowerCase()}.`)),
  );
  const mutation = kind === 'ban' ? ban : kind === 'unban' ? unban : setUserRole;
  const busy = mutation.isPending;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind === 'ban') ban.mutate({ id: user.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    else if (kind === 'unban') unban.mutate({ id: user.id });
    else setUserRole.mutate({ id: user.id, role });
  }

  const who = (
    <strong className="font-medium text-slate-900">
      {user.name} ({user.email})
    </strong>
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {kind === 'ban' && (
        <>
          <p className="text-sm text-slate-600">
            {who} will be signed out everywhere at once and will not be able to sign in until the ban is lifted.
          </p>
          <TextAreaField
            label="Reason (kept in the audit log)"
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={serverFieldErrors(ban.error).reason}
            disabled={busy}
          />
        </>
      )}
      {kind === 'unban' && <p className="text-sm text-slate-600">{who} will be able to sign in again.</p>}
      {kind === 'role' && (
        <>
          <p className="text-sm text-slate-600">Choose the new role of {who}.</p>
          <div>
            <label htmlFor="new-role" className="field-label">
              Role
            </label>
            <select
              id="new-role"
              className="field-input"
              value={role}
              disabled={busy}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {mutation.isError && <FormAlert tone="error">{errorMessage(mutation.error)}</FormAlert>}
      <div className="flex justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="submit"
          className={`btn-primary ${kind === 'ban' ? '!bg-red-600 hover:!bg-red-500' : ''}`}
          disabled={busy || (kind === 'role' && role === user.role)}
        >
          {busy ? 'Saving…' : kind === 'ban' ? 'Ban user' : kind === 'unban' ? 'Lift ban' : 'Change role'}
        </button>
      </div>
    </form>
  );
}
