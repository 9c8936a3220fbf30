// The `delete_stored_file` task: remove a file that nothing points at any more (its UploadedFile
// row was deleted in the transaction that queued this job) through the storage adapter. A storage
// error is retried with backoff; deleting a key that is already gone is not an error (FileStorage
// contract), so a retry after a half-done attempt is harmless.
import type { DeleteStoredFilePayload } from '@learningpt/core';
import type { FileStorage } from '@learningpt/storage';
import type { Task } from 'graphile-worker';
import type { JobLog } from './log';
import { failPermanently, PermanentJobError } from './permanent-failure';

const PROVIDERS: readonly string[] = ['local', 'uploadthing'] satisfies DeleteStoredFilePayload['storage'][];

export function createDeleteStoredFileTask({ storage, log }: { storage: FileStorage | undefined; log: JobLog }): Task {
  return async (raw, helpers) => {
    const job = { jobId: helpers.job.id, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts };
    const p = raw as Partial<DeleteStoredFilePayload> | null;
    if (
      typeof p !== 'object' ||
      p === null ||
      typeof p.key !== 'string' ||
      p.key.length === 0 ||
      typeof p.storage !== 'string' ||
      !PROVIDERS.includes(p.storage)
    ) {
      log.error(job, 'file deletion job is invalid: dropping it');
      await failPermanently(helpers);
      throw new PermanentJobError("delete_stored_file payload must be { key, storage: 'local' | 'uploadthing' }");
    }
    const { key, storage: provider } = p as DeleteStoredFilePayload;
    const about = { ...job, key, storage: provider };

    if (!storage || storage.provider !== provider) {
      // The file was stored by a provider this worker cannot reach (the storage configuration
      // changed, or this worker has none). Retrying cannot help until the configuration does, so
      // no retries; but the job fails rather than finishing quietly: the file is still there, and
      // now that its UploadedFile row is gone this failed job (its payload names the key and the
      // provider) is the only record of it, for an operator to re-run or clean up by hand.
      log.warn(
        { ...about, configured: storage?.provider ?? null },
        'file kept: stored by a provider this worker does not use',
      );
      await failPermanently(helpers);
      throw new PermanentJobError(
        `delete_stored_file: the file is stored at "${provider}" but this worker's storage is ${
          storage ? `"${storage.provider}"` : 'not configured'
        }`,
      );
    }

    try {
      await storage.delete(key);
    } catch (err) {
      log.warn(
        { ...about, err },
        helpers.job.attempts >= helpers.job.max_attempts
          ? 'file deletion failed: giving up'
          : 'file deletion failed: will retry',
      );
      throw err;
    }
    log.info(about, 'stored file deleted');
  };
}
