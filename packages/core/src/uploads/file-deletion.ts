// Removing an uploaded file once nothing points at it: the UploadedFile row goes in the caller's
// transaction, and the stored bytes are deleted by a `delete_stored_file` job added in that same
// transaction, so the file is removed exactly when the change commits and is retried if the
// storage fails. The worker (@learningpt/jobs) deletes it through the storage adapter.
import type { Db, Prisma } from '@learningpt/db';

type Tx = Db | Prisma.TransactionClient;

/** Where a file is stored (UploadedFile.storage / FileStorage.provider). */
export type StorageProviderName = 'local' | 'uploadthing';

/** The job's payload, as the worker reads it. */
export interface DeleteStoredFilePayload {
  key: string;
  storage: StorageProviderName;
}

export const DELETE_STORED_FILE_TASK = 'delete_stored_file';
/** With graphile-worker's exponential backoff (exp(n) s), 10 attempts span about 3 hours. */
export const DELETE_STORED_FILE_MAX_ATTEMPTS = 10;

/**
 * Queues the deletion of a stored file inside the caller's transaction (or on its own when given
 * a `Db`). Keys are never reused, so `delete_file:<key>` with `unsafe_dedupe` queues it once.
 */
export async function enqueueFileDeletion(db: Tx, file: DeleteStoredFilePayload): Promise<void> {
  const payload: DeleteStoredFilePayload = { key: file.key, storage: file.storage };
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${DELETE_STORED_FILE_TASK}::text,
    payload => ${JSON.stringify(payload)}::json,
    max_attempts => ${DELETE_STORED_FILE_MAX_ATTEMPTS}::int,
    job_key => ${'delete_file:' + file.key}::text,
    job_key_mode => 'unsafe_dedupe'
  )`;
}

/**
 * Is this address still shown somewhere? An admin may set an uploaded file's URL on another
 * record (another program's thumbnail, a category's image …), so a file is only removed once no
 * record that holds an image address names it.
 */
export async function isFileUrlInUse(tx: Tx, url: string): Promise<boolean> {
  // One after another: a transaction is one connection.
  const checks = [
    () => tx.user.findFirst({ where: { avatarUrl: url }, select: { id: true } }),
    () => tx.program.findFirst({ where: { thumbnailUrl: url }, select: { id: true } }),
    () => tx.category.findFirst({ where: { imageUrl: url }, select: { id: true } }),
    () => tx.event.findFirst({ where: { imageUrl: url }, select: { id: true } }),
    () => tx.testimonial.findFirst({ where: { avatarUrl: url }, select: { id: true } }),
  ];
  for (const check of checks) if (await check()) return true;
  return false;
}

/**
 * Lets go of the uploaded files matching `where` that nothing points at any more: each one's row
 * is deleted and its stored file queued for deletion. Files still in use are left as they are.
 * Call after the change that stopped pointing at them, in the same transaction. Answers the files
 * queued for deletion.
 */
export async function releaseUploadedFiles(
  tx: Tx,
  where: Prisma.UploadedFileWhereInput,
): Promise<DeleteStoredFilePayload[]> {
  const files = await tx.uploadedFile.findMany({ where, select: { id: true, key: true, url: true, storage: true } });
  const released: DeleteStoredFilePayload[] = [];
  for (const file of files) {
    if (await isFileUrlInUse(tx, file.url)) continue;
    // A concurrent release may have taken the row already; then it queued the file too.
    const { count } = await tx.uploadedFile.deleteMany({ where: { id: file.id } });
    if (!count) continue;
    await enqueueFileDeletion(tx, { key: file.key, storage: file.storage });
    released.push({ key: file.key, storage: file.storage });
  }
  return released;
}
