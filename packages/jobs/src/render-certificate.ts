// The `render_certificate` task, queued in the transaction that issued the certificate: render
// its PDF (in a worker thread, see @learningpt/certificates), store it through the storage
// adapter and record it on the certificate, then email it to the learner as an attachment.
// A retry after a failed email renders the PDF again instead of reading it back: the same
// certificate renders to the same bytes, and the file is stored and recorded only once. The
// email goes out once too: the mailer's idempotency key is the certificate's.
import { randomBytes } from 'node:crypto';
import type { CertificateRenderer } from '@learningpt/certificates';
import {
  certificateFileName,
  findCertificateForRender,
  recordCertificatePdf,
  verifyPageUrl,
  type RenderCertificatePayload,
} from '@learningpt/core';
import type { Db } from '@learningpt/db';
import { isRetryableMailError, renderEmail, type Mailer } from '@learningpt/mail';
import type { FileStorage } from '@learningpt/storage';
import type { Task } from 'graphile-worker';
import type { JobLog } from './log';
import { failPermanently, PermanentJobError } from './permanent-failure';
import { maskAddress } from './send-email';

export interface RenderCertificateDeps {
  db: () => Db;
  renderer: () => CertificateRenderer;
  mailer: Mailer;
  storage: FileStorage | undefined;
  /** The web app's root: the verify page the PDF's QR code and the email link to. */
  publicWebUrl: string | undefined;
  log: JobLog;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createRenderCertificateTask(deps: RenderCertificateDeps): Task {
  return async (raw, helpers) => {
    const job = { jobId: helpers.job.id, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts };
    const giveUp = async (message: string, about: object = {}) => {
      deps.log.error({ ...job, ...about }, message);
      await failPermanently(helpers);
      throw new PermanentJobError(message);
    };

    const p = raw as Partial<RenderCertificatePayload> | null;
    if (typeof p !== 'object' || p === null || typeof p.certificateId !== 'string' || !UUID.test(p.certificateId)) {
      return giveUp('render_certificate payload must be { certificateId: <uuid> }');
    }
    const about = { ...job, certificateId: p.certificateId };
    // Configuration problems cannot be fixed by retrying; the failed job stays for an operator.
    if (!deps.publicWebUrl) return giveUp('render_certificate: the worker has no PUBLIC_WEB_URL', about);

    const db = deps.db();
    const c = await findCertificateForRender({ db, certificateId: p.certificateId });
    if (!c) return giveUp('render_certificate: no such certificate', about);
    if (c.status !== 'valid') {
      // Revoked before it was rendered: nothing to send.
      deps.log.info(about, 'certificate revoked before rendering: not rendering or sending it');
      return;
    }

    const verifyUrl = verifyPageUrl({ publicWebUrl: deps.publicWebUrl }, c.verificationCode);
    const pdf = await deps.renderer().render({
      learnerName: c.learner.name,
      programTitle: c.programTitle,
      issuedAt: c.issuedAt,
      scorePercent: c.score,
      verificationCode: c.verificationCode,
      verifyUrl,
    });
    const fileName = certificateFileName(c.verificationCode);

    if (!c.rendered) {
      if (!deps.storage) return giveUp("render_certificate: this worker's storage is not configured", about);
      // A fresh random part per upload: a copy that loses the race to be recorded can be deleted
      // without touching the one that won, and the local file's address is not guessable.
      const stored = await deps.storage.put({
        key: `certificate-${c.id}-${randomBytes(6).toString('hex')}.pdf`,
        bytes: pdf,
        contentType: 'application/pdf',
        name: fileName,
      });
      const recorded = await recordCertificatePdf({
        db,
        certificateId: c.id,
        ownerId: c.userId,
        file: { key: stored.key, url: stored.url, storage: deps.storage.provider, sizeBytes: pdf.byteLength },
      });
      deps.log.info({ ...about, key: stored.key, recorded, bytes: pdf.byteLength }, 'certificate PDF stored');
    }

    if (c.learner.status === 'deleted') {
      deps.log.info(about, 'certificate PDF kept; the account is deleted, so no email');
      return;
    }
    const email = renderEmail('certificate-issued', {
      name: c.learner.name,
      link: verifyUrl,
      programTitle: c.programTitle,
    });
    const mailAbout = { ...about, to: maskAddress(c.learner.email) };
    try {
      const { id } = await deps.mailer.send({
        to: c.learner.email,
        ...email,
        idempotencyKey: `certificate-issued:${c.id}`,
        attachments: [{ filename: fileName, content: pdf, contentType: 'application/pdf' }],
      });
      deps.log.info({ ...mailAbout, messageId: id }, 'certificate emailed');
    } catch (err) {
      if (!isRetryableMailError(err)) {
        deps.log.error({ ...mailAbout, err }, 'certificate email refused for good: not retrying');
        await failPermanently(helpers);
      } else {
        deps.log.warn({ ...mailAbout, err }, 'certificate email failed: will retry');
      }
      throw err;
    }
  };
}
