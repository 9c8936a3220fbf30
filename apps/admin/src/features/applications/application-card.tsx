import type { ApplicationStatus, InstructorApplication } from '@learningpt/schema';
import { useId, useState, type ReactNode } from 'react';
import { formatDate } from '../../lib/format';
import { safeHttpUrl } from '../../lib/links';
import type { ApplicationDecision } from './application-decision-dialog';

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
};
const STATUS_STYLES: Record<ApplicationStatus, string> = {
  pending: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  approved: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  rejected: 'bg-red-50 text-red-700 ring-red-600/20',
};
const badge = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

const SOCIAL_LABELS: Record<string, string> = {
  website: 'Website',
  linkedin: 'LinkedIn',
  twitter: 'X / Twitter',
  github: 'GitHub',
  youtube: 'YouTube',
  facebook: 'Facebook',
  instagram: 'Instagram',
};

/** A link someone sent us: opened in a new tab without handing it our window; non-http(s) shown as text. */
function OutsideLink({ href, children }: { href: string; children?: ReactNode }) {
  const safe = safeHttpUrl(href);
  if (!safe) return <span className="break-all text-slate-500">{href} (not a web link, not opened)</span>;
  return (
    <a
      href={safe}
      target="_blank"
      rel="noopener noreferrer"
      className="break-all font-medium text-indigo-700 underline-offset-2 hover:underline"
    >
      {children ?? safe}
    </a>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</dt>
      <dd className="mt-1 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

function Paragraphs({ text }: { text: string | null }) {
  if (!text) return <span className="text-slate-400">Not given</span>;
  return <p className="whitespace-pre-line break-words">{text}</p>;
}

/** One application: who and when at a glance; everything they sent behind "Show details". */
export function ApplicationCard({
  application: a,
  onDecide,
}: {
  application: InstructorApplication;
  onDecide: (decision: ApplicationDecision) => void;
}) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const links = Object.entries(a.socialLinks);
  return (
    <article
      aria-label={`Application of ${a.user.name}`}
      className="rounded-2xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex flex-wrap items-start gap-4 p-4 sm:p-5">
        {a.user.avatar && safeHttpUrl(a.user.avatar) ? (
          <img src={safeHttpUrl(a.user.avatar)!} alt="" className="size-10 shrink-0 rounded-full object-cover" />
        ) : (
          <span
            aria-hidden="true"
            className="flex size-10 shrink-0 items-center justify-center rounded-full bg-indigo-50 text-sm font-semibold text-indigo-700"
          >
            {a.user.name.slice(0, 1).toUpperCase()}
          </span>
        )}
        <div className="min-w-0 flex-1">
          <h2 className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            {a.user.name}
            <span className={`${badge} ${STATUS_STYLES[a.status]}`}>{APPLICATION_STATUS_LABELS[a.status]}</span>
          </h2>
          <p className="text-sm text-slate-500">{a.user.email}</p>
          <p className="mt-1 text-xs text-slate-500">
            Applied {formatDate(a.appliedAt)}
            {a.reviewedAt && ` · ${APPLICATION_STATUS_LABELS[a.status].toLowerCase()} ${formatDate(a.reviewedAt)}`}
          </p>
          <ul aria-label="Expertise" className="mt-2 flex flex-wrap gap-1.5">
            {a.expertise.map((topic) => (
              <li key={topic} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                {topic}
              </li>
            ))}
          </ul>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className="btn-secondary"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? 'Hide details' : 'Show details'}
          </button>
          {a.status === 'pending' && (
            <>
              <button
                type="button"
                className="btn-secondary !text-red-700"
                aria-label={`Reject ${a.user.name}`}
                onClick={() => onDecide({ kind: 'reject', application: a })}
              >
                Reject
              </button>
              <button
                type="button"
                className="btn-primary"
                aria-label={`Approve ${a.user.name}`}
                onClick={() => onDecide({ kind: 'approve', application: a })}
              >
                Approve
              </button>
            </>
          )}
        </div>
      </div>
      {open && (
        <dl id={detailsId} className="grid gap-5 border-t border-slate-100 px-4 py-5 sm:px-5 lg:grid-cols-2">
          <div className="lg:col-span-2">
            <Section title="Bio">
              <Paragraphs text={a.bio} />
            </Section>
          </div>
          <Section title="Experience">
            <Paragraphs text={a.experience} />
          </Section>
          <Section title="Education">
            <Paragraphs text={a.education} />
          </Section>
          <Section title="Sample work">
            {a.sampleWork ? <OutsideLink href={a.sampleWork} /> : <span className="text-slate-400">Not given</span>}
          </Section>
          <Section title="Profiles">
            {links.length === 0 ? (
              <span className="text-slate-400">None given</span>
            ) : (
              <ul className="space-y-1">
                {links.map(([key, url]) => (
                  <li key={key}>
                    <span className="text-slate-500">{SOCIAL_LABELS[key] ?? key}: </span>
                    <OutsideLink href={url} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
          {a.status === 'rejected' && (
            <div className="lg:col-span-2">
              <Section title="Reason given">
                <Paragraphs text={a.rejectionReason} />
              </Section>
            </div>
          )}
        </dl>
      )}
    </article>
  );
}
