import {
  clearSession,
  PageLoading,
  safeNextPath,
  setSessionUser,
  SignInForm,
  trpcErrorCode,
  useSession,
  useTRPCClient,
} from '@learningpt/ui';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';

export const NOT_ADMIN_MESSAGE =
  'This panel is for administrators. You have been signed out; use the LearninGPT app with this account.';

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const session = useSession();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  if (session.status === 'loading') return <PageLoading />;
  if (session.status === 'signed-in' && session.user.role === 'admin') return <Navigate to={next} replace />;

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
          <div className="mt-6">
            <SignInForm
              onSignedIn={async (user) => {
                if (user.role !== 'admin') {
                  // Signed in with the right password but the wrong kind of account: end that
                  // session at once rather than leave a student signed in through this panel.
                  await client.auth.logout.mutate().catch((err: unknown) => {
                    if (trpcErrorCode(err) !== 'UNAUTHORIZED') throw err;
                  });
                  clearSession(queryClient);
                  return NOT_ADMIN_MESSAGE;
                }
                setSessionUser(queryClient, user);
                void navigate(next, { replace: true });
              }}
            />
          </div>
        </div>
        <p className="mt-6 text-center text-sm text-slate-400">Only LearninGPT administrators can sign in here.</p>
      </div>
    </div>
  );
}
