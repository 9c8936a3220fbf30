import { BookTitleIcon } from '@learningpt/ui';
import { useState } from 'react';

const GRADIENTS = [
  'from-indigo-500 to-violet-500',
  'from-sky-500 to-indigo-500',
  'from-emerald-500 to-teal-500',
  'from-amber-500 to-orange-500',
  'from-rose-500 to-pink-500',
  'from-cyan-500 to-blue-500',
];

/** Stable per program, so a placeholder does not change colour between renders or pages. */
function gradientFor(key: string): string {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return GRADIENTS[Math.abs(hash) % GRADIENTS.length] ?? 'from-indigo-500 to-violet-500';
}

interface ProgramThumbnailProps {
  src: string | null;
  seed: string;
  label: string;
  className?: string;
}

/** The program's image, or a coloured placeholder when it has none or it fails to load. */
export function ProgramThumbnail({ src, seed, label, className = '' }: ProgramThumbnailProps) {
  const [failed, setFailed] = useState(false);
  if (src && !failed) {
    return (
      <img
        src={src}
        alt=""
        loading="lazy"
        onError={() => setFailed(true)}
        className={`aspect-video w-full object-cover ${className}`}
      />
    );
  }
  return (
    <div
      aria-hidden="true"
      className={`flex aspect-video w-full flex-col items-center justify-center gap-2 bg-gradient-to-br text-white ${gradientFor(seed)} ${className}`}
    >
      <BookTitleIcon className="size-9 opacity-80" />
      <span className="px-4 text-center text-xs font-semibold uppercase tracking-widest opacity-90">{label}</span>
    </div>
  );
}
