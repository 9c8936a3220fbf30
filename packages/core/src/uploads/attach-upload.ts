import type { Db } from '@learningpt/db';
import { writeAudit } from '../audit/write-audit';
import { findManageableProgram } from '../catalog/program-access-check';
import type { Clock } from '../shared/clock';
import type { Viewer } from '../shared/viewer';

/** A file the storage adapter has just stored (not yet recorded anywhere). */
export interface StoredUpload {
  provider: 'local' | 'uploadthing';
  key: string;
  url: string;
  mimeType: string;
  sizeBytes: number;
}

/** A file that nothing points at any more; the caller removes it from storage after the commit. */
export interface ReplacedFile {
  key: string;
  storage: 'local' | 'uploadthing';
}

/**
 * Records a new avatar and makes it the user's picture, in one transaction; answers the files it
 * replaced so the caller can delete them once the change is committed.
 */
export async function attachAvatar({
  db,
  userId,
  upload,
}: {
  db: Db;
  userId: string;
  upload: StoredUpload;
}): Promise<{ replaced: ReplacedFile[] }> {
  return db.$transaction(async (tx) => {
    const old = await tx.uploadedFile.findMany({
      where: { ownerId: userId, purpose: 'avatar' },
      select: { id: true, key: true, storage: true },
    });
    await tx.uploadedFile.create({ data: { ownerId: userId, purpose: 'avatar', ...recordOf(upload) } });
    await tx.user.update({ where: { id: userId }, data: { avatarUrl: upload.url } });
    if (old.length) await tx.uploadedFile.deleteMany({ where: { id: { in: old.map((f) => f.id) } } });
    return { replaced: old.map(({ key, storage }) => ({ key, storage })) };
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
 * that was the thumbnail before (if it was an upload) is answered for deletion after the commit.
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
}): Promise<{ program: { id: string; thumbnail: string }; replaced: ReplacedFile[] }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Program" WHERE id = ${programId}::uuid FOR UPDATE`;
    const program = await findManageableProgram({ db: tx, programId, viewer });
    const current = await tx.program.findUniqueOrThrow({ where: { id: program.id }, select: { thumbnailUrl: true } });
    const old = current.thumbnailUrl
      ? await tx.uploadedFile.findMany({
          where: { url: current.thumbnailUrl, purpose: 'thumbnail' },
          select: { id: true, key: true, storage: true },
        })
      : [];
    await tx.uploadedFile.create({ data: { ownerId: viewer.userId, purpose: 'thumbnail', ...recordOf(upload) } });
    await tx.program.update({
      where: { id: program.id },
      data: { thumbnailUrl: upload.url, updatedAt: clock.now() },
    });
    if (old.length) await tx.uploadedFile.deleteMany({ where: { id: { in: old.map((f) => f.id) } } });
    await writeAudit(tx, {
      clock,
      actorId: viewer.userId,
      action: 'program.thumbnail',
      entityType: 'Program',
      entityId: program.id,
      data: { key: upload.key, mimeType: upload.mimeType, sizeBytes: upload.sizeBytes },
    });
    return {
      program: { id: program.id, thumbnail: upload.url },
      replaced: old.map(({ key, storage }) => ({ key, storage })),
    };
  });
}

function recordOf(u: StoredUpload) {
  return { storage: u.provider, key: u.key, url: u.url, mimeType: u.mimeType, sizeBytes: u.sizeBytes };
}
