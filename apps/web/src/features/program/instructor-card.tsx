import type { ProgramDetail } from '@learningpt/schema';
import { StarIcon, UsersIcon } from '@learningpt/ui';
import { formatCount, formatRating } from '../../lib/format';
import { safeHttpUrl } from '../../lib/safe-url';

type Instructor = ProgramDetail['instructor'];

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function InstructorCard({ instructor }: { instructor: Instructor }) {
  const avatar = instructor.avatar ? safeHttpUrl(instructor.avatar) : undefined;
  const links = Object.entries(instructor.socialLinks).flatMap(([label, url]) => {
    const href = safeHttpUrl(url);
    return href ? [{ label, href }] : [];
  });

  return (
    <section
      aria-labelledby="instructor-heading"
      className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="instructor-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        Your instructor
      </h2>
      <div className="mt-4 flex items-center gap-4">
        {avatar ? (
          <img src={avatar} alt="" className="size-14 rounded-full object-cover" />
        ) : (
          <span
            aria-hidden="true"
            className="flex size-14 items-center justify-center rounded-full bg-indigo-100 text-lg font-semibold text-indigo-700"
          >
            {initials(instructor.name)}
          </span>
        )}
        <div>
          <p className="text-lg font-semibold text-slate-900">{instructor.name}</p>
          <p className="mt-0.5 flex flex-wrap gap-x-4 text-sm text-slate-500">
            <span className="inline-flex items-center gap-1">
              <StarIcon className="size-4 text-amber-400" />
              {formatRating(instructor.rating)} instructor rating
            </span>
            <span className="inline-flex items-center gap-1">
              <UsersIcon className="size-4" />
              {formatCount(instructor.studentsCount)} students
            </span>
          </p>
        </div>
      </div>
      {instructor.expertise.length > 0 && (
        <ul aria-label="Expertise" className="mt-4 flex flex-wrap gap-2">
          {instructor.expertise.map((e) => (
            <li key={e} className="rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700">
              {e}
            </li>
          ))}
        </ul>
      )}
      {instructor.bio && <p className="mt-4 text-sm leading-relaxed text-slate-600">{instructor.bio}</p>}
      {links.length > 0 && (
        <ul className="mt-4 flex flex-wrap gap-3 text-sm">
          {links.map((l) => (
            <li key={l.label}>
              <a
                href={l.href}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium capitalize text-indigo-600 hover:underline"
              >
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
