import { AlertIcon } from './icons';
import { errorMessage } from './trpc';

interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** A failed request: say what failed, show the server's message, offer another try. */
export function ErrorState({ title, error, onRetry }: ErrorStateProps) {
  return (
    <div
      role="alert"
      className="mx-auto flex max-w-md flex-col items-center rounded-2xl border border-red-100 bg-white px-6 py-12 text-center shadow-sm"
    >
      <span className="flex size-12 items-center justify-center rounded-full bg-red-50 text-red-600">
        <AlertIcon className="size-6" />
      </span>
      <h2 className="mt-4 text-lg font-semibold text-slate-900">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} className="btn-primary mt-6">
          Try again
        </button>
      )}
    </div>
  );
}
