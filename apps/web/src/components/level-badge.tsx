import type { ProgramLevel } from '@learningpt/schema';
import { LEVEL_LABELS } from '../lib/format';

const LEVEL_STYLES: Record<ProgramLevel, string> = {
  beginner: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  intermediate: 'bg-sky-50 text-sky-700 ring-sky-600/20',
  advanced: 'bg-violet-50 text-violet-700 ring-violet-600/20',
};

export function LevelBadge({ level }: { level: ProgramLevel }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${LEVEL_STYLES[level]}`}
    >
      {LEVEL_LABELS[level]}
    </span>
  );
}
