import { InboxIcon } from '@learningpt/ui';
import { Link, useLocation, useSearchParams } from 'react-router';
import { AuthCard, linkClass } from './auth-card';
import { ResendVerification } from './resend-verification';

/** After signing up (or when a link expired): where the link went, and a way to get another. */
export function CheckEmailPage() {
  const [params] = useSearchParams();
  const email = params.get('email')?.trim() || undefined;
  const registered = (useLocation().state as { registered?: boolean } | null)?.registered === true;
  return (
    <AuthCard
      title="Check your email"
      footer={
        <>
          Verified already?{' '}
          <Link to={email ? `/sign-in?email=${encodeURIComponent(email)}` : '/sign-in'} className={linkClass}>
            Sign in
          </Link>
        </>
      }
    >
      <div className="flex gap-4">
        <span className="flex size-11 shrink-0 items-center justify-center rounded-full bg-indigo-50 text-indigo-600">
          <InboxIcon className="size-6" />
        </span>
        <div className="text-sm text-slate-600">
          {registered && <p className="mb-2 font-medium text-slate-900">Your account has been created.</p>}
          <p>
            We sent a verification link to{' '}
            {email ? <strong className="text-slate-900">{email}</strong> : 'your email address'}. Open it to activate
            your account; it is valid for 24 hours.
          </p>
          <p className="mt-2">No email after a few minutes? Check your spam folder, or ask for a new link.</p>
        </div>
      </div>
      <div className="mt-6">
        <ResendVerification email={email} />
      </div>
    </AuthCard>
  );
}
