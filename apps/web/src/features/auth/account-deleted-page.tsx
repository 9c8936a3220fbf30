import { Link, useLocation } from 'react-router';
import { formatDay } from '../../lib/format';
import { AuthCard } from './auth-card';

export function AccountDeletedPage() {
  const state = useLocation().state as { message?: string; eraseAfter?: Date } | null;
  return (
    <AuthCard title="Your account has been deleted">
      <p role="status" className="text-sm text-slate-700">
        {state?.message ?? 'You have been signed out.'}
      </p>
      {state?.eraseAfter && (
        <p className="mt-2 text-sm text-slate-600">
          Your personal data will be erased after {formatDay(new Date(state.eraseAfter))}.
        </p>
      )}
      <Link to="/programs" className="btn-primary mt-6 w-full">
        Browse programs
      </Link>
    </AuthCard>
  );
}
