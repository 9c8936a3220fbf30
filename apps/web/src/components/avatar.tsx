import { useState } from 'react';
import { safeHttpUrl } from '../lib/safe-url';

/** The user's picture, or their initials on a coloured disc when there is none (or it fails). */
export function Avatar({
  name,
  src,
  className = 'size-8 text-xs',
}: {
  name: string;
  src: string | null;
  className?: string;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const url = src ? safeHttpUrl(src) : undefined;
  if (url && failed !== url) {
    return (
      <img
        src={url}
        alt=""
        onError={() => setFailed(url)}
        className={`shrink-0 rounded-full object-cover ${className}`}
      />
    );
  }
  const initials =
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join('') || '?';
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-full bg-indigo-100 font-semibold text-indigo-700 ${className}`}
    >
      {initials}
    </span>
  );
}
