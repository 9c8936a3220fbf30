import { ZEmailOnlyInput } from '@learningpt/schema';
import { errorMessage, FormAlert, TextField, useSchemaForm, useTRPC } from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { AuthCard, linkClass } from './auth-card';

export function ForgotPasswordPage() {
  const trpc = useTRPC();
  const form = useSchemaForm({ schema: ZEmailOnlyInput, initial: { email: '' } });
  const { values, errors, change, wait } = form;
  const forgot = useMutation(
    trpc.auth.forgotPassword.mutationOptions({
      onError: form.onServerError,
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const data = form.validateAll();
    if (data) forgot.mutate(data);
  }

  const footer = (
    <Link to="/sign-in" className={linkClass}>
      Back to sign in
    </Link>
  );
  if (forgot.isSuccess) {
    // The same answer whether or not the address has an account.
    return (
      <AuthCard title="Check your email" footer={footer}>
        <FormAlert tone="success">{forgot.data.message}</FormAlert>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Forgot your password?"
      lead="Enter the email address of your account and we will send you a link to choose a new password."
      footer={footer}
    >
      <form onSubmit={submit} noValidate className="space-y-5" aria-busy={forgot.isPending}>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          value={values.email}
          onChange={(e) => change('email', e.target.value)}
          error={errors.email}
          disabled={forgot.isPending}
          required
        />
        <div aria-live="polite">
          {forgot.isError && !errors.email && <FormAlert tone="error">{errorMessage(forgot.error)}</FormAlert>}
        </div>
        <button type="submit" className="btn-primary w-full" disabled={forgot.isPending || wait.secondsLeft > 0}>
          {forgot.isPending
            ? 'Sending…'
            : wait.secondsLeft > 0
              ? `Try again in ${wait.secondsLeft} s`
              : 'Send reset link'}
        </button>
      </form>
    </AuthCard>
  );
}
