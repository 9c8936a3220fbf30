// Certificates: what anyone may see of one (no email, no account details), the verification
// answer, the admin's revocation and the Open Badges 3.0 credential.
import { z } from 'zod';
import { ZId } from './common';

export const ZCertificateIdInput = z.object({ id: ZId });

/**
 * A verification code as printed ("CERT-2026-…"); case and surrounding spaces do not matter.
 * Shape-checked only loosely (older codes are shorter); an unknown code is a 404.
 */
export const ZVerificationCode = z
  .string({ message: 'code is required' })
  .trim()
  .toUpperCase()
  .regex(/^CERT-\d{4}-[A-Z0-9]{4,40}$/, 'A verification code looks like CERT-2026-ABCD2345EFGH6789');

export const ZVerifyCertificateInput = z.object({ code: ZVerificationCode });

export const ZRevokeCertificateInput = z.object({
  id: ZId,
  reason: z
    .string({ message: 'reason is required' })
    .trim()
    .min(3, 'Give a reason of at least 3 characters')
    .max(500, 'The reason can be at most 500 characters'),
});

export const ZCertificateStatus = z.enum(['valid', 'revoked']);

/** One certificate as anyone may see it. */
export const ZPublicCertificate = z.object({
  id: z.string(),
  verificationCode: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
  program: z.object({ id: z.string(), slug: z.string(), title: z.string() }),
  issuedAt: z.date(),
  score: z.number().int(),
  status: ZCertificateStatus,
  isValid: z.boolean(),
  revokedAt: z.date().nullable(),
  revokedReason: z.string().nullable(),
  /** The PDF, once rendered (null while it is being prepared). */
  certificateUrl: z.string().nullable(),
  /** The public page that verifies it. */
  shareableLink: z.string(),
});
export type PublicCertificate = z.infer<typeof ZPublicCertificate>;

export const ZCertificateOutput = z.object({ certificate: ZPublicCertificate });

export const ZVerifyCertificateOutput = z.object({
  isValid: z.boolean(),
  status: ZCertificateStatus,
  /** Why it is not valid (revoked); null when valid. */
  reason: z.string().nullable(),
  certificate: z.object({
    id: z.string(),
    recipientName: z.string(),
    programTitle: z.string(),
    programId: z.string(),
    /** YYYY-MM-DD (UTC), as the spec shows it. */
    issuedDate: z.string(),
    issuedAt: z.date(),
    score: z.number().int(),
    verificationCode: z.string(),
    revokedAt: z.date().nullable(),
  }),
});

export const ZCertificateDownloadOutput = z.object({
  /** False while the PDF is being prepared: try again shortly. */
  ready: z.boolean(),
  /** Where the PDF bytes are served (GET, application/pdf): a path of this API. */
  downloadPath: z.string(),
  fileName: z.string(),
  certificateUrl: z.string().nullable(),
});

export const ZOpenBadgeCredential = z.object({
  '@context': z.array(z.string()),
  id: z.string(),
  type: z.array(z.string()),
  issuer: z.object({ id: z.string(), type: z.array(z.string()), name: z.string(), url: z.string() }),
  validFrom: z.string(),
  name: z.string(),
  credentialSubject: z.object({
    id: z.string(),
    type: z.array(z.string()),
    identifier: z.array(
      z.object({
        type: z.literal('IdentityObject'),
        identityType: z.literal('name'),
        hashed: z.literal(false),
        identityHash: z.string(),
      }),
    ),
    achievement: z.object({
      id: z.string(),
      type: z.array(z.string()),
      achievementType: z.literal('Certificate'),
      name: z.string(),
      description: z.string(),
      criteria: z.object({ narrative: z.string() }),
    }),
    result: z.array(z.object({ type: z.array(z.string()), value: z.string() })),
  }),
});

export type OpenBadgeCredential = z.infer<typeof ZOpenBadgeCredential>;

export const ZCertificateCredentialOutput = z.object({
  /** The Open Badges 3.0 OpenBadgeCredential (W3C VC data model 2.0). */
  credential: ZOpenBadgeCredential,
  /** The same credential secured as a VC-JWT (EdDSA), checkable with the issuer's published key. */
  jwt: z.string(),
  format: z.literal('vc+jwt'),
  /** Where the issuer's public keys are published (JWKS). */
  jwksUrl: z.string(),
});
