import { ZRegisterInput } from '@learningpt/schema';
import { errorMessage, FormAlert, PageLoading, TextField, useSchemaForm, useSession, useTRPC } from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { AuthCard, linkClass } from './auth-card';
import { PasswordRules } from './password-rules';

export function RegisterPage() {
  const trpc = useTRPC();
  const session = useSession();
  const navigate = useNavigate();
  // A password problem the server found (too common) goes under the field; anything else on top.
  const form = useSchemaForm({
    schema: ZRegisterInput,
    initial: { name: '', email: '', password: '' },
    namedFields: ['password'],
    recheck: true,
  });
  const { values, errors, change, wait } = form;
  const register = useMutation(
    trpc.auth.register.mutationOptions({
      onSuccess: (_data, input) =>
        void navigate(`/check-email?email=${encodeURIComponent(input.email)}`, { state: { registered: true } }),
      onError: form.onServerError,
    }),
  );

  if (session.status === 'loading') return <PageLoading />;
  if (session.status === 'signed-in') return <Navigate to="/profile" replace />;

  function submit(e: FormEvent) {
    e.preventDefault();
    const data = form.validateAll();
    if (data) register.mutate(data);
  }

  const busy = register.isPending;
  const formError = register.isError && !form.claims(register.error);
  return (
    <AuthCard
      title="Create your account"
      lead="Learn with an AI tutor, practise exams and earn certificates."
      footer={
        <>
          Already have an account?{' '}
          <Link to="/sign-in" className={linkClass}>
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={submit} noValidate className="space-y-5" aria-busy={busy}>
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={(e) => change('name', e.target.value)}
          error={errors.name}
          disabled={busy}
          required
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
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
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => change('password', e.target.value)}
          error={errors.password}
          hint={<PasswordRules password={values.password} />}
          disabled={busy}
          required
        />
        <div aria-live="polite">{formError && <FormAlert tone="error">{errorMessage(register.error)}</FormAlert>}</div>
        <button type="submit" className="btn-primary w-full" disabled={busy || wait.secondsLeft > 0}>
          {busy
            ? 'Creating your account…'
            : wait.secondsLeft > 0
              ? `Try again in ${wait.secondsLeft} s`
              : 'Create account'}
        </button>
      </form>
    </AuthCard>
  );
}
