import type { ZVerifyCertificateOutput } from '@learningpt/schema';
import { ErrorState, Skeleton, trpcErrorCode, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { formatDay } from '../../lib/format';

/** /verify/:code — anyone (no sign-in) checks a certificate by the code printed on it. */
export function VerifyCertificatePage() {
  const { code = '' } = useParams();
  const trpc = useTRPC();
  const verify = useQuery({ ...trpc.certificates.verify.queryOptions({ code }), retry: false });

  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <title>Verify a certificate · LearninGPT</title>
      <p className="text-sm font-semibold uppercase tracking-widest text-indigo-600">Certificate verification</p>
      {verify.isPending ? (
        <div className="mt-6 space-y-3" aria-busy="true" aria-label="Checking the certificate">
          <Skeleton className="h-8 w-2/3" />
          <Skeleton className="h-40 w-full" />
        </div>
      ) : verify.isError ? (
        ['NOT_FOUND', 'BAD_REQUEST'].includes(trpcErrorCode(verify.error) ?? '') ? (
          <section aria-label="Verification result" className="mt-4">
            <h1 className="text-3xl font-bold tracking-tight text-slate-900">No such certificate</h1>
            <p className="mt-3 text-slate-600">
              No LearninGPT certificate has the code <span className="font-mono font-medium">{code}</span>. Check the
              code printed on the certificate (it looks like CERT-2026-ABCD2345EFGH6789).
            </p>
          </section>
        ) : (
          <div className="mt-6">
            <ErrorState
              title="We couldn't check this certificate"
              error={verify.error}
              onRetry={() => void verify.refetch()}
            />
          </div>
        )
      ) : (
        <Result data={verify.data} />
      )}
      <Link to="/programs" className="mt-10 inline-block text-sm font-medium text-indigo-600 hover:underline">
        Browse LearninGPT programs →
      </Link>
    </div>
  );
}

type VerifyData = z.output<typeof ZVerifyCertificateOutput>;

function Result({ data }: { data: VerifyData }) {
  const c = data.certificate;
  return (
    <section aria-label="Verification result" className="mt-4">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">
        {data.isValid ? 'Valid certificate' : 'Revoked certificate'}
      </h1>
      <div
        data-testid="certificate-status"
        className={`mt-4 rounded-xl px-4 py-3 text-sm font-medium ring-1 ring-inset ${
          data.isValid ? 'bg-emerald-50 text-emerald-800 ring-emerald-600/20' : 'bg-red-50 text-red-800 ring-red-600/20'
        }`}
      >
        {data.isValid
          ? 'This certificate is valid: LearninGPT issued it and has not revoked it.'
          : (data.reason ?? 'This certificate was revoked.')}
      </div>
      <dl className="mt-6 grid gap-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:grid-cols-2">
        <Item label="Awarded to" value={c.recipientName} />
        <Item label="Program" value={c.programTitle} />
        <Item label="Issued on" value={formatDay(c.issuedAt)} />
        <Item label="Score" value={`${c.score}%`} />
        <Item label="Verification code" value={<span className="font-mono">{c.verificationCode}</span>} />
        {c.revokedAt && <Item label="Revoked on" value={formatDay(c.revokedAt)} />}
      </dl>
    </section>
  );
}

function Item({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-slate-900">{value}</dd>
    </div>
  );
}
