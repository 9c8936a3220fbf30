import { ZEmailOnlyInput } from '@learningpt/schema';
import {
  errorMessage,
  FormAlert,
  retryAfterSeconds,
  serverFieldErrors,
  TextField,
  useCountdown,
  useTRPC,
  validate,
} from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

/**
 * "Send a new verification link". With a known address it is one button; otherwise it asks for
 * the address. A 429 shows the server's message and keeps the button off for the wait.
 */
export function ResendVerification({ email: knownEmail }: { email?: string | undefined }) {
  const trpc = useTRPC();
  const [email, setEmail] = useState(knownEmail ?? '');
  const [error, setError] = useState<string | undefined>();
  const wait = useCountdown();
  const resend = useMutation(
    trpc.auth.resendVerification.mutationOptions({
      onError: (err) => {
        setError(serverFieldErrors(err).email);
        const seconds = retryAfterSeconds(err);
        if (seconds) wait.start(seconds);
      },
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const result = validate(ZEmailOnlyInput, { email });
    if (!result.ok) return setError(result.errors.email);
    setError(undefined);
    resend.mutate(result.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {!knownEmail && (
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error}
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
