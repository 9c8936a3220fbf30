import { ZRegisterInput } from '@learningpt/schema';
import {
  errorMessage,
  FormAlert,
  PageLoading,
  retryAfterSeconds,
  serverFieldErrors,
  TextField,
  useCountdown,
  useSession,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { AuthCard, linkClass } from './auth-card';
import { PasswordRules } from './password-rules';

type Values = { name: string; email: string; password: string };

export function RegisterPage() {
  const trpc = useTRPC();
  const session = useSession();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const wait = useCountdown();
  const register = useMutation(
    trpc.auth.register.mutationOptions({
      onSuccess: (_data, input) =>
        void navigate(`/check-email?email=${encodeURIComponent(input.email)}`, { state: { registered: true } }),
      onError: (err) => {
        setErrors(serverFieldErrors(err, ['password']));
        const seconds = retryAfterSeconds(err);
        if (seconds) wait.start(seconds);
      },
    }),
  );

  if (session.status === 'loading') return <PageLoading />;
  if (session.status === 'signed-in') return <Navigate to="/profile" replace />;

  function change(field: keyof Values, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (submitted) {
      const result = validate(ZRegisterInput, next);
      setErrors(result.ok ? {} : result.errors);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    const result = validate(ZRegisterInput, values);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    register.mutate(result.data);
  }

  const busy = register.isPending;
  // A password problem the server found (too common) goes under the field; anything else on top.
  const formError = register.isError && Object.keys(serverFieldErrors(register.error, ['password'])).length === 0;
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
