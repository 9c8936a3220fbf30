// What the render job needs from the database: the facts a certificate's PDF shows, and
// recording the stored PDF once (the job may be retried after a half-done run).
import type { Db } from '@learningpt/db';
import type { StorageProviderName } from '../uploads/file-deletion';
import { enqueueFileDeletion } from '../uploads/file-deletion';

/** The certificate as its PDF and email need it, or null when there is no such certificate. */
export async function findCertificateForRender({ db, certificateId }: { db: Db; certificateId: string }) {
  const c = await db.certificate.findUnique({
    where: { id: certificateId },
    select: {
      id: true,
      userId: true,
      verificationCode: true,
      issuedAt: true,
      score: true,
      status: true,
      fileId: true,
      user: { select: { name: true, email: true, status: true } },
      program: { select: { title: true } },
    },
  });
  if (!c) return null;
  return {
    id: c.id,
    userId: c.userId,
    verificationCode: c.verificationCode,
    issuedAt: c.issuedAt,
    score: c.score,
    status: c.status,
    rendered: c.fileId !== null,
    learner: c.user,
    programTitle: c.program.title,
  };
}

/**
 * Records the stored PDF as the certificate's file (an UploadedFile row, Certificate.fileId and
 * pdfUrl) in one transaction, unless the certificate already has one: then the new copy is let
 * go (its stored bytes queued for deletion) and the first one stands. Answers whether it was recorded.
 */
export async function recordCertificatePdf({
  db,
  certificateId,
  ownerId,
  file,
}: {
  db: Db;
  certificateId: string;
  ownerId: string;
  file: { key: string; url: string; storage: StorageProviderName; sizeBytes: number };
}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.uploadedFile.create({
      data: {
        ownerId,
        purpose: 'certificate',
        storage: file.storage,
        key: file.key,
        url: file.url,
        mimeType: 'application/pdf',
        sizeBytes: file.sizeBytes,
      },
      select: { id: true },
    });
    // Conditional: only a certificate without a file takes this one.
    const { count } = await tx.certificate.updateMany({
      where: { id: certificateId, fileId: null },
      data: { fileId: row.id, pdfUrl: file.url },
    });
    if (count === 1) return true;
    await tx.uploadedFile.delete({ where: { id: row.id } });
    await enqueueFileDeletion(tx, { key: file.key, storage: file.storage });
    return false;
  });
}
