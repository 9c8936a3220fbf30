import { ZNewPassword } from '@learningpt/schema';
import {
  clearSession,
  errorMessage,
  FormAlert,
  TextField,
  trpcErrorCode,
  useSchemaForm,
  useTRPC,
} from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { AuthCard, linkClass } from './auth-card';
import { PasswordRules } from './password-rules';

const ZResetForm = z
  .object({ password: ZNewPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' });

/** `/reset-password?token=…`, the link in the password reset email. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const trpc = useTRPC();
  const form = useSchemaForm({ schema: ZResetForm, initial: { password: '', confirm: '' }, namedFields: ['password'] });
  const { values, errors, change } = form;
  const queryClient = useQueryClient();
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      // Every session of the account ends, this browser's too.
      onSuccess: () => clearSession(queryClient),
      onError: form.onServerError,
    }),
  );

  const askAgain = (
    <Link to="/forgot-password" className={linkClass}>
      Ask for a new reset link
    </Link>
  );
  if (!token) {
    return (
      <AuthCard title="Choose a new password" footer={askAgain}>
        <FormAlert tone="error">
          This link is missing its code. Open the link from the email again, or ask for a new one.
        </FormAlert>
      </AuthCard>
    );
  }
  if (reset.isSuccess) {
    return (
      <AuthCard title="Password changed">
        <FormAlert tone="success">{reset.data.message}</FormAlert>
        <Link to="/sign-in" className="btn-primary mt-6 w-full">
          Sign in
        </Link>
      </AuthCard>
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const data = form.validateAll();
    if (data) reset.mutate({ token, password: data.password });
  }

  const busy = reset.isPending;
  // A bad or expired token is not about a field: say so and offer a new link.
  const formError = reset.isError && !errors.password;
  return (
    <AuthCard
      title="Choose a new password"
      lead="Every device signed in to your account will be signed out."
      footer={askAgain}
    >
      <form onSubmit={submit} noValidate className="space-y-5" aria-busy={busy}>
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => change('password', e.target.value)}
          error={errors.password}
          hint={<PasswordRules password={values.password} />}
          disabled={busy}
          required
        />
        <TextField
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={values.confirm}
          onChange={(e) => change('confirm', e.target.value)}
          error={errors.confirm}
          disabled={busy}
          required
        />
        <div aria-live="polite">
          {formError && (
            <FormAlert tone="error">
              {errorMessage(reset.error)}
              {trpcErrorCode(reset.error) === 'BAD_REQUEST' && <span> You can ask for a new link below.</span>}
            </FormAlert>
          )}
        </div>
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </AuthCard>
  );
}
