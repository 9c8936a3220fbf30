import { Link } from 'react-router';

/** Placeholder until accounts land: says so plainly instead of showing a form that cannot work. */
export function SignInPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-4 py-24 text-center">
      <title>Sign in · LearninGPT</title>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Sign in</h1>
      <p className="mt-3 text-slate-600">
        Accounts are coming soon. Until then you can browse every program and its curriculum.
      </p>
      <Link to="/programs" className="btn-primary mt-8">
        Browse programs
      </Link>
    </div>
  );
}
