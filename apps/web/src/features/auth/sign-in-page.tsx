import { PageLoading, safeNextPath, setSessionUser, SignInForm, trpcErrorCode, useSession } from '@learningpt/ui';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthCard, linkClass } from './auth-card';

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'), '/programs');
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  if (session.status === 'loading') return <PageLoading />;
  if (session.status === 'signed-in') return <Navigate to={next} replace />;

  return (
    <AuthCard
      title="Sign in"
      lead="Welcome back. Sign in to continue learning."
      footer={
        <>
          New to LearninGPT?{' '}
          <Link to="/register" className={linkClass}>
            Create an account
          </Link>
        </>
      }
    >
      {params.get('next') && (
        <p className="mb-5 rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600">Please sign in to continue.</p>
      )}
      <SignInForm
        initialEmail={params.get('email') ?? ''}
        onSignedIn={(user) => {
          setSessionUser(queryClient, user);
          void navigate(next, { replace: true });
        }}
        passwordHint={
          <p className="-mt-2 text-right text-sm">
            <Link to="/forgot-password" className={linkClass}>
              Forgot your password?
            </Link>
          </p>
        }
        renderErrorAction={(error, email) =>
          // An unverified address: the server says so only after a correct password.
          trpcErrorCode(error) === 'FORBIDDEN' && /verify/i.test((error as Error).message) ? (
            <Link
              to={`/check-email?email=${encodeURIComponent(email.trim())}`}
              className="mt-1 inline-block font-medium underline"
            >
              Send me a new verification link
            </Link>
          ) : null
        }
      />
    </AuthCard>
  );
}
