/** A small spinning ring; the label is for screen readers. */
export function Spinner({ label = 'Loading…', className = 'size-6' }: { label?: string; className?: string }) {
  return (
    <span role="status" className="inline-flex items-center justify-center">
      <span
        aria-hidden="true"
        className={`animate-spin rounded-full border-2 border-indigo-200 border-t-indigo-600 ${className}`}
      />
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** A whole page waiting for the session check. */
export function PageLoading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="flex min-h-[50vh] items-center justify-center">
      <Spinner label={label} className="size-8" />
    </div>
  );
}
