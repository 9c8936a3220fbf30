import { ZChangePasswordInput } from '@learningpt/schema';
import {
  errorMessage,
  FormAlert,
  retryAfterSeconds,
  serverFieldErrors,
  TextField,
  useCountdown,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { PasswordRules } from '../auth/password-rules';

const ZChangePasswordForm = ZChangePasswordInput.extend({ confirm: z.string() }).refine(
  (v) => v.newPassword === v.confirm,
  { path: ['confirm'], message: 'The passwords do not match' },
);

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const wait = useCountdown();
  const change = useMutation(
    trpc.users.changePassword.mutationOptions({
      onSuccess: () => {
        setValues(EMPTY);
        // The other sessions were signed out.
        void queryClient.invalidateQueries(trpc.auth.sessions.queryFilter());
      },
      onError: (err) => {
        setErrors(serverFieldErrors(err, ['newPassword']));
        const seconds = retryAfterSeconds(err);
        if (seconds) wait.start(seconds);
      },
    }),
  );

  function set(key: keyof typeof EMPTY, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    if (change.isSuccess) change.reset();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const result = validate(ZChangePasswordForm, values);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  }

  const busy = change.isPending;
  const formError = change.isError && Object.keys(serverFieldErrors(change.error, ['newPassword'])).length === 0;
  return (
    <form onSubmit={submit} noValidate aria-busy={busy} className="space-y-5">
      <fieldset disabled={busy} className="space-y-5">
        <legend className="sr-only">Change password</legend>
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(e) => set('currentPassword', e.target.value)}
          error={errors.currentPassword}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={(e) => set('newPassword', e.target.value)}
          error={errors.newPassword}
          hint={<PasswordRules password={values.newPassword} />}
        />
        <TextField
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={values.confirm}
          onChange={(e) => set('confirm', e.target.value)}
          error={errors.confirm}
        />
      </fieldset>
      <div aria-live="polite">
        {change.isSuccess && <FormAlert tone="success">{change.data.message}</FormAlert>}
        {formError && <FormAlert tone="error">{errorMessage(change.error)}</FormAlert>}
      </div>
      <button type="submit" className="btn-primary" disabled={busy || wait.secondsLeft > 0}>
        {busy ? 'Changing…' : wait.secondsLeft > 0 ? `Try again in ${wait.secondsLeft} s` : 'Change password'}
      </button>
    </form>
  );
}
