import {
  getCertificate,
  getCertificateCredential,
  getCertificateDownload,
  revokeCertificate,
  verifyCertificate,
} from '@learningpt/core';
import {
  ZCertificateCredentialOutput,
  ZCertificateDownloadOutput,
  ZCertificateIdInput,
  ZCertificateOutput,
  ZRevokeCertificateInput,
  ZVerifyCertificateInput,
  ZVerifyCertificateOutput,
} from '@learningpt/schema';
import { adminProcedure, createTRPCRouter, publicProcedure, signedIn } from '../trpc';

const tags = ['certificates'];

// Certificates are issued by the server when an attempt passes (quizzes.submit), never on a
// client's request, so there is no create procedure.
export const certificatesRouter = createTRPCRouter({
  // Declared before byId: a literal segment must win over /certificates/{id}.
  verify: publicProcedure
    .meta({
      route: { method: 'GET', path: '/certificates/verify/{code}', tags, summary: 'Verify a certificate by its code' },
    })
    .input(ZVerifyCertificateInput)
    .output(ZVerifyCertificateOutput)
    .query(({ ctx, input }) => verifyCertificate({ db: ctx.db, code: input.code })),

  byId: publicProcedure
    .meta({ route: { method: 'GET', path: '/certificates/{id}', tags, summary: 'A certificate' } })
    .input(ZCertificateIdInput)
    .output(ZCertificateOutput)
    .query(({ ctx, input }) => getCertificate({ db: ctx.db, settings: ctx.auth, certificateId: input.id })),

  // The PDF's bytes are a plain route, GET /api/certificates/{id}/pdf (apps/server
  // plugins/certificates.ts): both faces answer JSON. This says where it is and whether it is ready.
  download: publicProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/certificates/{id}/download',
        tags,
        summary: "Where a certificate's PDF is served",
      },
    })
    .input(ZCertificateIdInput)
    .output(ZCertificateDownloadOutput)
    .query(({ ctx, input }) => getCertificateDownload({ db: ctx.db, certificateId: input.id })),

  credential: publicProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/certificates/{id}/credential',
        tags,
        summary: 'The certificate as a signed Open Badges 3.0 credential (VC-JWT)',
      },
    })
    .input(ZCertificateIdInput)
    .output(ZCertificateCredentialOutput)
    .query(({ ctx, input }) => {
      if (!ctx.credentials) throw new Error('No credential issuer configured (AppContext.credentials)');
      return getCertificateCredential({ db: ctx.db, issuer: ctx.credentials, certificateId: input.id });
    }),

  revoke: adminProcedure
    .meta({
      route: { method: 'POST', path: '/certificates/{id}/revoke', tags, summary: 'Revoke a certificate (admin)' },
    })
    .input(ZRevokeCertificateInput)
    .output(ZCertificateOutput)
    .mutation(({ ctx, input }) =>
      revokeCertificate({
        db: ctx.db,
        clock: ctx.clock,
        settings: ctx.auth,
        viewer: signedIn(ctx),
        certificateId: input.id,
        reason: input.reason,
        ip: ctx.ip,
      }),
    ),
});
