import { ZDeleteAccountInput } from '@learningpt/schema';
import {
  clearSession,
  Dialog,
  errorMessage,
  FormAlert,
  serverFieldErrors,
  TextField,
  useTRPC,
  validate,
} from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';

export function DeleteAccountCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const remove = useMutation(
    trpc.users.deleteAccount.mutationOptions({
      onSuccess: (data) => {
        clearSession(queryClient);
        void navigate('/account-deleted', {
          replace: true,
          state: { message: data.message, eraseAfter: data.eraseAfter },
        });
      },
      onError: (err) => setError(serverFieldErrors(err).password),
    }),
  );

  function close() {
    setOpen(false);
    setPassword('');
    setError(undefined);
    remove.reset();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const result = validate(ZDeleteAccountInput, { password });
    if (!result.ok) return setError(result.errors.password);
    setError(undefined);
    remove.mutate(result.data);
  }

  return (
    <>
      <button
        type="button"
        className="btn-secondary !border-red-200 !text-red-700 hover:!bg-red-50"
        onClick={() => setOpen(true)}
      >
        Delete my account
      </button>
      <Dialog open={open} title="Delete your account?" busy={remove.isPending} onClose={close}>
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormAlert tone="error">
            You will be signed out everywhere and lose access to your programs, certificates and subscription. Your
            personal data is erased after a grace period; until then, contact support to change your mind.
          </FormAlert>
          <TextField
            label="Your password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error}
            disabled={remove.isPending}
            autoFocus
          />
          {remove.isError && !error && <FormAlert tone="error">{errorMessage(remove.error)}</FormAlert>}
          <div className="flex justify-end gap-3 pt-2">
            <button type="button" className="btn-secondary" onClick={close} disabled={remove.isPending}>
              Cancel
            </button>
            <button type="submit" className="btn-primary !bg-red-600 hover:!bg-red-500" disabled={remove.isPending}>
              {remove.isPending ? 'Deleting…' : 'Delete my account'}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
