import type { ProgramDetail } from '@learningpt/schema';
import { plural } from '../../lib/format';

export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function CurriculumOutline({ sections }: { sections: ProgramDetail['curriculum'] }) {
  if (sections.length === 0) {
    return <p className="text-sm text-slate-600">The curriculum will be published soon.</p>;
  }
  const lessons = sections.reduce((n, s) => n + s.lessons, 0);
  const minutes = sections.reduce((n, s) => n + s.durationMinutes, 0);
  return (
    <div>
      <p className="text-sm text-slate-600">
        {plural(sections.length, 'section')} · {plural(lessons, 'lesson')}
        {minutes > 0 && ` · ${formatMinutes(minutes)} in total`}
      </p>
      <ol className="mt-4 divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
        {sections.map((section, i) => (
          <li key={section.id} className="flex items-center gap-4 px-4 py-3.5">
            <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-indigo-50 text-sm font-semibold text-indigo-700">
              {i + 1}
            </span>
            <span className="min-w-0 flex-1 font-medium text-slate-800">{section.title}</span>
            <span className="shrink-0 text-right text-sm text-slate-500">
              {plural(section.lessons, 'lesson')}
              <span aria-hidden="true"> · </span>
              <span className="sr-only">, </span>
              {section.duration}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
