import type { JobHelpers } from 'graphile-worker';

/** A job that can never succeed as queued (bad payload, unreachable target): not retried. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/**
 * Keeps the job as failed (with its last_error) and stops graphile-worker from retrying it, by
 * setting its attempts budget to what it has used. Call before throwing a PermanentJobError.
 */
export async function failPermanently(helpers: JobHelpers): Promise<void> {
  await helpers.query(
    'UPDATE graphile_worker._private_jobs SET max_attempts = greatest(attempts, 1) WHERE id = $1::bigint',
    [helpers.job.id],
  );
}
