/** A labelled 0–100 bar (role="progressbar" so the value is announced). */
export function ProgressBar({ value, label, className = '' }: { value: number; label: string; className?: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuenow={pct}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuetext={`${pct}% complete`}
      className={`h-2 overflow-hidden rounded-full bg-indigo-100 ${className}`}
    >
      <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${pct}%` }} />
    </div>
  );
}
