import { CheckIcon, errorMessage, FormAlert, Spinner, useTRPC } from '@learningpt/ui';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuthCard, linkClass } from './auth-card';
import { ResendVerification } from './resend-verification';

/** `/verify-email?token=…`, the link in the verification email. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const trpc = useTRPC();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions());
  // Links are single-use: call once, also under StrictMode's double effect.
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate({ token });
  }, [token, verify]);

  if (!token) {
    return (
      <AuthCard title="Verify your email" lead="This link is missing its code. Ask for a new one below.">
        <ResendVerification />
      </AuthCard>
    );
  }
  if (verify.isSuccess) {
    return (
      <AuthCard title="Email verified">
        <div className="flex flex-col items-center text-center">
          <span className="flex size-12 items-center justify-center rounded-full bg-emerald-50 text-emerald-600">
            <CheckIcon className="size-6" />
          </span>
          <p role="status" className="mt-4 text-slate-700">
            {verify.data.message}
          </p>
          <Link to="/sign-in" className="btn-primary mt-6 w-full">
            Sign in
          </Link>
        </div>
      </AuthCard>
    );
  }
  if (verify.isError) {
    return (
      <AuthCard
        title="This link can't be used"
        footer={
          <Link to="/sign-in" className={linkClass}>
            Go to sign in
          </Link>
        }
      >
        <FormAlert tone="error">{errorMessage(verify.error)}</FormAlert>
        <p className="mt-5 text-sm text-slate-600">Enter your email address and we will send you a new link.</p>
        <div className="mt-4">
          <ResendVerification />
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Verifying your email">
      <div className="flex items-center gap-3 text-slate-600">
        <Spinner label="Verifying" /> One moment…
      </div>
    </AuthCard>
  );
}
