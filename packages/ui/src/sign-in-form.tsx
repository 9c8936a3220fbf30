import { ZLoginInput, type AuthUser } from '@learningpt/schema';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormAlert } from './form-alert';
import { retryAfterSeconds, serverFieldErrors, validate, type FieldErrors } from './forms';
import { TextField } from './text-field';
import { errorMessage, useTRPCClient } from './trpc';
import { useCountdown } from './use-countdown';

interface SignInFormProps {
  /**
   * Called with the signed-in user. Return a message to refuse (the form shows it and stays),
   * e.g. the admin panel turning away a student after signing them out again.
   */
  onSignedIn: (user: AuthUser) => Promise<string | void> | string | void;
  /** Shown under a server error (e.g. a "send a new verification link" link for an unverified address). */
  renderErrorAction?: (error: unknown, email: string) => ReactNode;
  /** Shown between the password field and the button (e.g. "Forgot your password?"). */
  passwordHint?: ReactNode;
  initialEmail?: string;
}

/** Email and password sign-in, shared by both apps; the server's message is shown as it is. */
export function SignInForm({ onSignedIn, renderErrorAction, passwordHint, initialEmail = '' }: SignInFormProps) {
  const client = useTRPCClient();
  const [values, setValues] = useState({ email: initialEmail, password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const wait = useCountdown();

  const login = useMutation({
    mutationFn: async (input: { email: string; password: string }) => {
      const { user } = await client.auth.login.mutate(input);
      return (await onSignedIn(user)) ?? null;
    },
    onMutate: () => setRefusal(null),
    onSuccess: (message) => {
      if (message) {
        setRefusal(message);
        setValues((v) => ({ ...v, password: '' }));
      }
    },
    onError: (err) => {
      setErrors(serverFieldErrors(err));
      const seconds = retryAfterSeconds(err);
      if (seconds) wait.start(seconds);
    },
  });

  function change(field: 'email' | 'password', value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    // After a first attempt, messages follow the fixes as they are typed.
    if (submitted) {
      const result = validate(ZLoginInput, next);
      setErrors(result.ok ? {} : result.errors);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    const result = validate(ZLoginInput, values);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    login.mutate(result.data);
  }

  const busy = login.isPending;
  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-busy={busy}>
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        value={values.email}
        onChange={(e) => change('email', e.target.value)}
        error={errors.email}
        disabled={busy}
        required
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        value={values.password}
        onChange={(e) => change('password', e.target.value)}
        error={errors.password}
        disabled={busy}
        required
      />
      {passwordHint}
      <div aria-live="polite">
        {login.isError && (
          <FormAlert tone="error">
            <p>{errorMessage(login.error)}</p>
            {renderErrorAction?.(login.error, values.email)}
          </FormAlert>
        )}
        {refusal && <FormAlert tone="error">{refusal}</FormAlert>}
      </div>
      <button type="submit" className="btn-primary w-full" disabled={busy || wait.secondsLeft > 0}>
        {busy ? 'Signing in…' : wait.secondsLeft > 0 ? `Try again in ${wait.secondsLeft} s` : 'Sign in'}
      </button>
    </form>
  );
}
