import type { ReactNode } from 'react';
import { AlertIcon, CheckIcon } from './icons';

const TONES = {
  error: { box: 'bg-red-50 text-red-800 ring-red-600/20', icon: 'text-red-500', role: 'alert' },
  success: { box: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20', icon: 'text-emerald-500', role: 'status' },
  info: { box: 'bg-indigo-50 text-indigo-800 ring-indigo-600/20', icon: 'text-indigo-500', role: 'status' },
} as const;

/** A message about a whole form: what the server said, or that a change was saved. */
export function FormAlert({
  tone,
  children,
  className = '',
}: {
  tone: keyof typeof TONES;
  children: ReactNode;
  className?: string;
}) {
  const t = TONES[tone];
  const Icon = tone === 'error' ? AlertIcon : CheckIcon;
  return (
    <div role={t.role} className={`flex gap-3 rounded-lg px-4 py-3 text-sm ring-1 ring-inset ${t.box} ${className}`}>
      <Icon className={`mt-0.5 size-4 shrink-0 ${t.icon}`} />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
