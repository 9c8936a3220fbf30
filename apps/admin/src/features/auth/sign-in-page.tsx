import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TextField } from './text-field';
import { validateSignIn, type SignInErrors, type SignInValues } from './validate-sign-in';

export function SignInPage() {
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const [errors, setErrors] = useState<SignInErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  function change(field: keyof SignInValues, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    // After a first attempt, errors update as the person fixes them.
    if (submitted) setErrors(validateSignIn(next));
    setNotice(null);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    const found = validateSignIn(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return setNotice(null);
    // Accounts are not built yet: tell the truth instead of faking a session.
    setNotice('Sign-in is not available yet. Admin accounts arrive in an upcoming release.');
  }

  return (
    <div className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-900 via-slate-800 to-indigo-950 px-4 py-12">
      <title>Sign in · LearninGPT Admin</title>
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center justify-center gap-2 text-xl font-bold text-white">
          <img src="/favicon.svg" alt="" className="size-9" />
          <span>
            LearninGPT <span className="font-medium text-indigo-300">Admin</span>
          </span>
        </div>
        <div className="rounded-2xl bg-white p-8 shadow-xl">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in</h1>
          <p className="mt-1 text-sm text-slate-600">Use your administrator account.</p>
          <form onSubmit={submit} noValidate className="mt-6 space-y-5">
            <TextField
              label="Email"
              type="email"
              name="email"
              autoComplete="username"
              value={values.email}
              onChange={(e) => change('email', e.target.value)}
              error={errors.email}
            />
            <TextField
              label="Password"
              type="password"
              name="password"
              autoComplete="current-password"
              value={values.password}
              onChange={(e) => change('password', e.target.value)}
              error={errors.password}
            />
            <button type="submit" className="btn-primary w-full">
              Sign in
            </button>
          </form>
          <div aria-live="polite">
            {notice && (
              <p
                role="status"
                className="mt-5 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-800 ring-1 ring-inset ring-amber-600/20"
              >
                {notice}
              </p>
            )}
          </div>
        </div>
        <p className="mt-6 text-center text-sm text-slate-400">
          <Link to="/" className="hover:text-white">
            ← Back to the dashboard
          </Link>
        </p>
      </div>
    </div>
  );
}
