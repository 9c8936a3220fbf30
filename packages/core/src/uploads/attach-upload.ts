import type { Db } from '@learningpt/db';
import { writeAudit } from '../audit/write-audit';
import { findManageableProgram } from '../catalog/program-access-check';
import type { Clock } from '../shared/clock';
import type { Viewer } from '../shared/viewer';
import { releaseUploadedFiles } from './file-deletion';

/** A file the storage adapter has just stored (not yet recorded anywhere). */
export interface StoredUpload {
  provider: 'local' | 'uploadthing';
  key: string;
  url: string;
  mimeType: string;
  sizeBytes: number;
}

/**
 * Records a new avatar and makes it the user's picture, in one transaction; the avatars it
 * replaces lose their rows and are queued for deletion in that transaction (see file-deletion.ts).
 */
export async function attachAvatar({
  db,
  userId,
  upload,
}: {
  db: Db;
  userId: string;
  upload: StoredUpload;
}): Promise<{ avatarUrl: string }> {
  return db.$transaction(async (tx) => {
    const created = await tx.uploadedFile.create({
      data: { ownerId: userId, purpose: 'avatar', ...recordOf(upload) },
      select: { id: true },
    });
    await tx.user.update({ where: { id: userId }, data: { avatarUrl: upload.url } });
    await releaseUploadedFiles(tx, { ownerId: userId, purpose: 'avatar', id: { not: created.id } });
    return { avatarUrl: upload.url };
  });
}

/**
 * May this viewer change the program's thumbnail? Asked before the bytes are stored, so a refused
 * upload never reaches the storage; asked again inside attachThumbnail.
 */
export async function assertMayChangeThumbnail({
  db,
  viewer,
  programId,
}: {
  db: Db;
  viewer: Viewer;
  programId: string;
}): Promise<void> {
  await findManageableProgram({ db, programId, viewer });
}

/**
 * Makes a stored image the program's thumbnail (owner or admin), in one transaction with the
 * program row locked, so two uploads at once leave one thumbnail and one recorded file. The file
 * that was the thumbnail before (if it was an upload that nothing else shows) is queued for
 * deletion in the same transaction.
 */
export async function attachThumbnail({
  db,
  clock,
  viewer,
  programId,
  upload,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  programId: string;
  upload: StoredUpload;
}): Promise<{ program: { id: string; thumbnail: string } }> {
  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ thumbnailUrl: string | null }[]>`
      SELECT "thumbnailUrl" FROM "Program" WHERE id = ${programId}::uuid FOR UPDATE`;
    const program = await findManageableProgram({ db: tx, programId, viewer });
    await tx.uploadedFile.create({ data: { ownerId: viewer.userId, purpose: 'thumbnail', ...recordOf(upload) } });
    await tx.program.update({
      where: { id: program.id },
      data: { thumbnailUrl: upload.url, updatedAt: clock.now() },
    });
    if (current?.thumbnailUrl) await releaseUploadedFiles(tx, { url: current.thumbnailUrl, purpose: 'thumbnail' });
    await writeAudit(tx, {
      clock,
      actorId: viewer.userId,
      action: 'program.thumbnail',
      entityType: 'Program',
      entityId: program.id,
      data: { key: upload.key, mimeType: upload.mimeType, sizeBytes: upload.sizeBytes },
    });
    return { program: { id: program.id, thumbnail: upload.url } };
  });
}

function recordOf(u: StoredUpload) {
  return { storage: u.provider, key: u.key, url: u.url, mimeType: u.mimeType, sizeBytes: u.sizeBytes };
}
