import type { AuthUser, InstructorApplication } from '@learningpt/schema';
import { ErrorState, FormAlert, refreshSession, Skeleton, useTRPC } from '@learningpt/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDay } from '../../../lib/format';
import { safeHttpUrl } from '../../../lib/safe-url';
import { canTeach } from '../teach-layout';
import { ApplyForm } from './apply-form';
import { isSocialLinkKey, SOCIAL_LINK_LABELS } from '../../../lib/social-links';

/**
 * /teach/apply: a student applies to teach. What the page shows follows their latest
 * application: none or rejected → the form; pending → what they sent; approved → the way in.
 */
export function ApplyPage({ user }: { user: AuthUser }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <title>Become an instructor · LearninGPT</title>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Become an instructor</h1>
      <p className="mt-1 text-sm text-slate-600">
        Teach what you know to learners preparing for their certifications, with an AI tutor at their side.
      </p>
      <div className="mt-8">{canTeach(user) ? <AlreadyTeaching /> : <ApplicationState />}</div>
    </div>
  );
}

function ApplicationState() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.instructors.myApplication.queryOptions());
  const [submittedMessage, setSubmittedMessage] = useState<string | null>(null);

  if (mine.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading your application" className="space-y-4">
        <Skeleton className="h-8 w-1/2" />
        <Skeleton className="h-64 rounded-2xl" />
      </div>
    );
  }
  if (mine.isError) {
    return (
      <ErrorState title="We couldn't load your application" error={mine.error} onRetry={() => void mine.refetch()} />
    );
  }

  const application = mine.data.application;
  if (application?.status === 'pending') {
    return <PendingApplication application={application} justSent={submittedMessage} />;
  }
  if (application?.status === 'approved') return <Approved />;
  return (
    <div className="space-y-6">
      {application?.status === 'rejected' ? (
        <Rejected application={application} />
      ) : (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">What we look for</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-600">
            <li>Real experience in the subjects you want to teach.</li>
            <li>Clear explanations: a talk, a course or a tutorial of yours helps us see how you teach.</li>
            <li>We review every application and email you the answer.</li>
          </ul>
        </Card>
      )}
      <Card>
        <ApplyForm previous={application} onSubmitted={setSubmittedMessage} />
      </Card>
    </div>
  );
}

function Card({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <section className={`rounded-2xl border border-slate-200 bg-white p-6 shadow-sm ${className}`}>{children}</section>
  );
}

function AlreadyTeaching() {
  return (
    <Card className="text-center">
      <h2 className="text-lg font-semibold text-slate-900">You already teach on LearninGPT</h2>
      <p className="mt-1 text-sm text-slate-600">Your programs, students and numbers are in the instructor area.</p>
      <Link to="/teach" className="btn-primary mt-6">
        Go to the instructor dashboard
      </Link>
    </Card>
  );
}

/** Approved while this session still says "student": ask the server again so the role follows. */
function Approved() {
  const queryClient = useQueryClient();
  useEffect(() => {
    void refreshSession(queryClient);
  }, [queryClient]);
  return (
    <Card className="text-center">
      <h2 className="text-lg font-semibold text-slate-900">Your application was approved</h2>
      <p className="mt-1 text-sm text-slate-600">Welcome aboard! You can now create your first program.</p>
      <Link to="/teach" className="btn-primary mt-6">
        Go to the instructor dashboard
      </Link>
    </Card>
  );
}

function Rejected({ application }: { application: InstructorApplication }) {
  return (
    <FormAlert tone="error">
      <p className="font-semibold">
        Your application of {formatDay(application.appliedAt)} was not accepted
        {application.reviewedAt ? ` (reviewed ${formatDay(application.reviewedAt)})` : ''}.
      </p>
      {application.rejectionReason && (
        <p className="mt-1">
          <span className="font-medium">The reviewer’s note:</span> {application.rejectionReason}
        </p>
      )}
      <p className="mt-1">You are welcome to apply again: the form below starts from what you sent last time.</p>
    </FormAlert>
  );
}

function PendingApplication({
  application,
  justSent,
}: {
  application: InstructorApplication;
  justSent: string | null;
}) {
  const links = Object.entries(application.socialLinks).flatMap(([key, url]) => {
    const href = safeHttpUrl(url);
    return href ? [{ key, href, label: isSocialLinkKey(key) ? SOCIAL_LINK_LABELS[key] : key }] : [];
  });
  const sample = application.sampleWork ? safeHttpUrl(application.sampleWork) : undefined;
  return (
    <div className="space-y-6">
      {justSent && <FormAlert tone="success">{justSent}</FormAlert>}
      <Card>
        <h2 className="text-lg font-semibold text-slate-900">Your application is under review</h2>
        <p className="mt-1 text-sm text-slate-600">
          Sent on <time dateTime={application.appliedAt.toISOString()}>{formatDay(application.appliedAt)}</time>. We
          will email you once it has been reviewed.
        </p>
        <dl className="mt-6 space-y-5 text-sm">
          <Field label="Bio">
            <p className="whitespace-pre-line">{application.bio}</p>
          </Field>
          <Field label="Areas of expertise">
            <ul aria-label="Areas of expertise" className="flex flex-wrap gap-2">
              {application.expertise.map((topic) => (
                <li
                  key={topic}
                  className="rounded-full bg-indigo-50 px-3 py-1 text-indigo-800 ring-1 ring-inset ring-indigo-600/20"
                >
                  {topic}
                </li>
              ))}
            </ul>
          </Field>
          {application.experience && (
            <Field label="Experience">
              <p className="whitespace-pre-line">{application.experience}</p>
            </Field>
          )}
          {application.education && (
            <Field label="Education">
              <p className="whitespace-pre-line">{application.education}</p>
            </Field>
          )}
          {sample && (
            <Field label="Sample of your work">
              <a
                href={sample}
                target="_blank"
                rel="noreferrer noopener"
                className="break-all text-indigo-700 underline"
              >
                {sample}
              </a>
            </Field>
          )}
          {links.length > 0 && (
            <Field label="Links">
              <ul className="space-y-1">
                {links.map((link) => (
                  <li key={link.key}>
                    {link.label}:{' '}
                    <a
                      href={link.href}
                      target="_blank"
                      rel="noreferrer noopener"
                      className="break-all text-indigo-700 underline"
                    >
                      {link.href}
                    </a>
                  </li>
                ))}
              </ul>
            </Field>
          )}
        </dl>
      </Card>
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-900">{label}</dt>
      <dd className="mt-1 text-slate-700">{children}</dd>
    </div>
  );
}
