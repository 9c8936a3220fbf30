import { ZChangePasswordInput } from '@learningpt/schema';
import { errorMessage, FormAlert, TextField, useSchemaForm, useTRPC } from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
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
  const form = useSchemaForm({ schema: ZChangePasswordForm, initial: EMPTY, namedFields: ['newPassword'] });
  const { values, errors, wait } = form;
  const changePassword = useMutation(
    trpc.users.changePassword.mutationOptions({
      onSuccess: () => {
        form.setValues(EMPTY);
        // The other sessions were signed out.
        void queryClient.invalidateQueries(trpc.auth.sessions.queryFilter());
      },
      onError: form.onServerError,
    }),
  );

  function set(key: keyof typeof EMPTY, value: string) {
    form.change(key, value);
    if (changePassword.isSuccess) changePassword.reset();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const data = form.validateAll();
    if (data) changePassword.mutate({ currentPassword: data.currentPassword, newPassword: data.newPassword });
  }

  const busy = changePassword.isPending;
  const formError = changePassword.isError && !form.claims(changePassword.error);
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
        {changePassword.isSuccess && <FormAlert tone="success">{changePassword.data.message}</FormAlert>}
        {formError && <FormAlert tone="error">{errorMessage(changePassword.error)}</FormAlert>}
      </div>
      <button type="submit" className="btn-primary" disabled={busy || wait.secondsLeft > 0}>
        {busy ? 'Changing…' : wait.secondsLeft > 0 ? `Try again in ${wait.secondsLeft} s` : 'Change password'}
      </button>
    </form>
  );
}
