import { ZEmailOnlyInput } from '@learningpt/schema';
import { errorMessage, FormAlert, TextField, useSchemaForm, useTRPC } from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';

/**
 * "Send a new verification link". With a known address it is one button; otherwise it asks for
 * the address. A 429 shows the server's message and keeps the button off for the wait.
 */
export function ResendVerification({ email: knownEmail }: { email?: string | undefined }) {
  const trpc = useTRPC();
  const form = useSchemaForm({ schema: ZEmailOnlyInput, initial: { email: knownEmail ?? '' } });
  const { values, errors, change, wait } = form;
  const resend = useMutation(
    trpc.auth.resendVerification.mutationOptions({
      onError: form.onServerError,
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const data = form.validateAll();
    if (data) resend.mutate(data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {!knownEmail && (
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={(e) => change('email', e.target.value)}
          error={errors.email}
          disabled={resend.isPending}
        />
      )}
      <div aria-live="polite">
        {resend.isSuccess && <FormAlert tone="success">{resend.data.message}</FormAlert>}
        {resend.isError && <FormAlert tone="error">{errorMessage(resend.error)}</FormAlert>}
      </div>
      <button type="submit" className="btn-secondary w-full" disabled={resend.isPending || wait.secondsLeft > 0}>
        {resend.isPending
          ? 'Sending…'
          : wait.secondsLeft > 0
            ? `Try again in ${wait.secondsLeft} s`
            : 'Resend verification email'}
      </button>
    </form>
  );
}
