import { ZLoginInput, type AuthUser } from '@learningpt/schema';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormAlert } from './form-alert';
import { TextField } from './text-field';
import { errorMessage, useTRPCClient } from './trpc';
import { useSchemaForm } from './use-schema-form';

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
  // After a first attempt, messages follow the fixes as they are typed.
  const form = useSchemaForm({ schema: ZLoginInput, initial: { email: initialEmail, password: '' }, recheck: true });
  const { values, errors, change, wait } = form;
  const [refusal, setRefusal] = useState<string | null>(null);

  const login = useMutation({
    mutationFn: async (input: { email: string; password: string }) => {
      const { user } = await client.auth.login.mutate(input);
      return (await onSignedIn(user)) ?? null;
    },
    onMutate: () => setRefusal(null),
    onSuccess: (message) => {
      if (message) {
        setRefusal(message);
        form.setValues((v) => ({ ...v, password: '' }));
      }
    },
    onError: form.onServerError,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const data = form.validateAll();
    if (data) login.mutate(data);
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
