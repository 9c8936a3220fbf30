import { ErrorState, Skeleton, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDay } from '../../lib/format';

/** /certificates: the signed-in user's certificates, to download and to share. */
export function MyCertificatesPage() {
  const trpc = useTRPC();
  const certificates = useQuery(trpc.users.certificates.queryOptions());

  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <title>My certificates · LearninGPT</title>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">My certificates</h1>
      <p className="mt-1 text-sm text-slate-600">
        Earned by passing a program&apos;s exam. Anyone with the share link can check that a certificate is genuine.
      </p>
      <div className="mt-8">
        {certificates.isPending ? (
          <ul aria-busy="true" aria-label="Loading your certificates" className="space-y-4">
            {Array.from({ length: 2 }, (_, i) => (
              <li key={i}>
                <Skeleton className="h-28 rounded-2xl" />
              </li>
            ))}
          </ul>
        ) : certificates.isError ? (
          <ErrorState
            title="We couldn't load your certificates"
            error={certificates.error}
            onRetry={() => void certificates.refetch()}
          />
        ) : certificates.data.certificates.length === 0 ? (
          <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <h2 className="text-lg font-semibold text-slate-900">No certificates yet</h2>
            <p className="mt-1 text-slate-600">Pass a program&apos;s practice exam to earn its certificate.</p>
            <Link to="/learning" className="btn-primary mt-6">
              Go to my learning
            </Link>
          </div>
        ) : (
          <ul className="space-y-4">
            {certificates.data.certificates.map((c) => (
              <li key={c.id}>
                <article
                  aria-labelledby={`certificate-${c.id}`}
                  className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:flex-row sm:items-center"
                >
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <h2 id={`certificate-${c.id}`} className="font-semibold text-slate-900">
                        <Link to={`/programs/${c.programId}`} className="hover:text-indigo-700">
                          {c.programTitle}
                        </Link>
                      </h2>
                      {c.status === 'valid' ? (
                        <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-inset ring-emerald-600/20">
                          Valid
                        </span>
                      ) : (
                        <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700 ring-1 ring-inset ring-red-600/20">
                          Revoked
                        </span>
                      )}
                    </div>
                    <p className="mt-1 text-sm text-slate-500">
                      Issued {formatDay(c.issuedAt)} · score {c.score}% · code{' '}
                      <span className="font-mono">{c.verificationCode}</span>
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-wrap gap-2">
                    {c.certificateUrl ? (
                      <a href={c.certificateUrl} className="btn-secondary" download>
                        Download PDF
                      </a>
                    ) : (
                      <span className="text-sm text-slate-500">PDF being prepared</span>
                    )}
                    <CopyLink url={c.shareableLink} label={c.programTitle} />
                  </div>
                </article>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** The share link, copied to the clipboard (and openable, for browsers that refuse to copy). */
function CopyLink({ url, label }: { url: string; label: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className="btn-secondary"
        aria-label={`Copy the share link of ${label}`}
        onClick={() =>
          navigator.clipboard.writeText(url).then(
            () => setCopied('copied'),
            () => setCopied('failed'),
          )
        }
      >
        {copied === 'copied' ? 'Link copied' : 'Copy share link'}
      </button>
      <a href={url} target="_blank" rel="noreferrer" className="btn-secondary">
        Open share link
      </a>
      {copied === 'failed' && (
        <p role="alert" className="w-full text-xs text-red-600">
          Could not copy; open the link and copy it from the address bar.
        </p>
      )}
    </>
  );
}
