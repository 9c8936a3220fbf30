// The `erase_personal_data` task: after a deleted account's grace period, erase what identifies the
// person (core's erasePersonalData, one transaction). A job for an account that was restored in the
// meantime is a no-op; a malformed payload is never retried.
import { erasePersonalData, systemClock, type Clock } from '@learningpt/core';
import type { Db } from '@learningpt/db';
import type { Task } from 'graphile-worker';
import type { JobLog } from './log';
import { failPermanently } from './permanent-failure';

export function createErasePersonalDataTask({
  db,
  log,
  clock = systemClock,
}: {
  /** Called on first use, so a worker that never erases opens no extra pool. */
  db: () => Db;
  log: JobLog;
  clock?: Clock;
}): Task {
  return async (raw, helpers) => {
    const userId = (raw as { userId?: unknown } | null)?.userId;
    if (typeof userId !== 'string' || !/^[0-9a-f-]{36}$/i.test(userId)) {
      log.error({ jobId: helpers.job.id }, 'erase job has no valid userId: dropping it');
      await failPermanently(helpers);
      throw new Error('erase_personal_data: payload needs a userId');
    }
    const { erased } = await erasePersonalData({ db: db(), clock, userId });
    log.info(
      { jobId: helpers.job.id, userId, erased },
      erased ? 'personal data erased' : 'account not deleted: nothing erased',
    );
  };
}
