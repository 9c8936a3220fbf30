// Reading, verifying, downloading and revoking certificates. Everything here is public except
// revocation: what it answers is what the certificate itself shows (the learner's display name,
// the program, the date, the score), never an email or account details.
import type { Db } from '@learningpt/db';
import type { OpenBadgeCredential } from '@learningpt/schema';
import { webLink, type AuthSettings } from '../auth/settings';
import { writeAudit } from '../audit/write-audit';
import { notify } from '../notifications/notify';
import type { Clock } from '../shared/clock';
import { AppError, notFound } from '../shared/errors';
import type { Viewer } from '../shared/viewer';

export const CERTIFICATE_NOT_FOUND = 'Certificate not found';

/** What an Open Badges credential states, read from a certificate (see the credential issuer). */
export interface CertificateCredentialFacts {
  certificateId: string;
  verificationCode: string;
  issuedAt: Date;
  score: number;
  learner: { id: string; name: string };
  program: { id: string; slug: string; title: string; description: string };
}

/** Signs credentials (implemented by @learningpt/certificates' OpenBadgeIssuer). */
export interface CertificateCredentialIssuer {
  issue(facts: CertificateCredentialFacts): { credential: OpenBadgeCredential; jwt: string };
  /** Where the public keys are published. */
  readonly jwksUrl: string;
}

const certificateSelect = {
  id: true,
  verificationCode: true,
  issuedAt: true,
  score: true,
  status: true,
  revokedAt: true,
  revokedReason: true,
  pdfUrl: true,
  fileId: true,
  user: { select: { id: true, name: true } },
  program: { select: { id: true, slug: true, title: true, description: true } },
} as const;

type Settings = Pick<AuthSettings, 'publicWebUrl'>;

/** The public verify page of a code, in the web app. */
export function verifyPageUrl(settings: Settings, code: string): string {
  return webLink(settings, `/verify/${encodeURIComponent(code)}`);
}

/** certificates.byId: one certificate as anyone may see it. */
export async function getCertificate({
  db,
  settings,
  certificateId,
}: {
  db: Db;
  settings: Settings;
  certificateId: string;
}) {
  const c = await db.certificate.findUnique({ where: { id: certificateId }, select: certificateSelect });
  if (!c) throw notFound('Certificate');
  return {
    certificate: {
      id: c.id,
      verificationCode: c.verificationCode,
      user: { id: c.user.id, name: c.user.name },
      program: { id: c.program.id, slug: c.program.slug, title: c.program.title },
      issuedAt: c.issuedAt,
      score: c.score,
      status: c.status,
      isValid: c.status === 'valid',
      revokedAt: c.revokedAt,
      revokedReason: c.revokedReason,
      certificateUrl: c.pdfUrl,
      shareableLink: verifyPageUrl(settings, c.verificationCode),
    },
  };
}

/** certificates.verify: is there a certificate with this code, and does it still hold? */
export async function verifyCertificate({ db, code }: { db: Db; code: string }) {
  const c = await db.certificate.findUnique({ where: { verificationCode: code }, select: certificateSelect });
  if (!c) throw notFound('Certificate');
  const isValid = c.status === 'valid';
  return {
    isValid,
    status: c.status,
    reason: isValid ? null : `This certificate was revoked: ${c.revokedReason ?? 'no reason given'}`,
    certificate: {
      id: c.id,
      recipientName: c.user.name,
      programTitle: c.program.title,
      programId: c.program.id,
      issuedDate: c.issuedAt.toISOString().slice(0, 10),
      issuedAt: c.issuedAt,
      score: c.score,
      verificationCode: c.verificationCode,
      revokedAt: c.revokedAt,
    },
  };
}

/** The PDF's file name, from the code (what a browser saves it as). */
export const certificateFileName = (code: string) => `${code}.pdf`;

/** certificates.download: where the PDF is served, and whether it is rendered yet. */
export async function getCertificateDownload({ db, certificateId }: { db: Db; certificateId: string }) {
  const c = await db.certificate.findUnique({
    where: { id: certificateId },
    select: { id: true, verificationCode: true, fileId: true, pdfUrl: true },
  });
  if (!c) throw notFound('Certificate');
  return {
    ready: c.fileId !== null,
    downloadPath: `/api/certificates/${c.id}/pdf`,
    fileName: certificateFileName(c.verificationCode),
    certificateUrl: c.pdfUrl,
  };
}

export const CERTIFICATE_BEING_PREPARED = 'The certificate PDF is being prepared. Please try again shortly.';

/**
 * The stored PDF of a certificate, for the route that serves its bytes. A certificate whose PDF
 * is not rendered yet is a 409 (the render job is queued with the certificate).
 */
export async function findCertificatePdf({ db, certificateId }: { db: Db; certificateId: string }) {
  const c = await db.certificate.findUnique({
    where: { id: certificateId },
    select: {
      verificationCode: true,
      file: { select: { key: true, storage: true, url: true, mimeType: true } },
    },
  });
  if (!c) throw notFound('Certificate');
  if (!c.file) throw new AppError('CONFLICT', CERTIFICATE_BEING_PREPARED, { retryAfterSeconds: 5 });
  return { ...c.file, fileName: certificateFileName(c.verificationCode) };
}

/**
 * certificates.credential: the certificate as a signed Open Badges 3.0 credential. A revoked
 * certificate is not vouched for any more: 422 with the reason.
 */
export async function getCertificateCredential({
  db,
  issuer,
  certificateId,
}: {
  db: Db;
  issuer: CertificateCredentialIssuer;
  certificateId: string;
}) {
  const c = await db.certificate.findUnique({ where: { id: certificateId }, select: certificateSelect });
  if (!c) throw notFound('Certificate');
  if (c.status !== 'valid') {
    throw new AppError('UNPROCESSABLE', `This certificate was revoked: ${c.revokedReason ?? 'no reason given'}`);
  }
  const { credential, jwt } = issuer.issue({
    certificateId: c.id,
    verificationCode: c.verificationCode,
    issuedAt: c.issuedAt,
    score: c.score,
    learner: { id: c.user.id, name: c.user.name },
    program: c.program,
  });
  return { credential, jwt, format: 'vc+jwt' as const, jwksUrl: issuer.jwksUrl };
}

/**
 * certificates.revoke (admin): marks the certificate revoked with the reason, once. The learner
 * is notified and the action audited in the same transaction; revoking a revoked certificate
 * is a 409 (the first reason stands).
 */
export async function revokeCertificate({
  db,
  clock,
  settings,
  viewer,
  certificateId,
  reason,
  ip,
}: {
  db: Db;
  clock: Clock;
  settings: Settings;
  viewer: Viewer;
  certificateId: string;
  reason: string;
  ip?: string | null;
}) {
  if (viewer.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin can revoke a certificate.');
  await db.$transaction(async (tx) => {
    const now = clock.now();
    // Conditional: of two concurrent revocations exactly one changes the row.
    const { count } = await tx.certificate.updateMany({
      where: { id: certificateId, status: 'valid' },
      data: { status: 'revoked', revokedAt: now, revokedReason: reason },
    });
    if (count === 0) {
      const exists = await tx.certificate.findUnique({ where: { id: certificateId }, select: { id: true } });
      if (!exists) throw notFound('Certificate');
      throw new AppError('CONFLICT', 'This certificate is already revoked.');
    }
    const c = await tx.certificate.findUniqueOrThrow({
      where: { id: certificateId },
      select: { userId: true, program: { select: { title: true } } },
    });
    await notify({
      db: tx,
      clock,
      userId: c.userId,
      type: 'certificate',
      title: 'Your certificate was revoked',
      body: `Your certificate for ${c.program.title} was revoked: ${reason}`,
      data: { certificateId },
    });
    await writeAudit(tx, {
      clock,
      actorId: viewer.userId,
      action: 'certificate.revoke',
      entityType: 'certificate',
      entityId: certificateId,
      data: { reason },
      ip: ip ?? null,
    });
  });
  return getCertificate({ db, settings, certificateId });
}
