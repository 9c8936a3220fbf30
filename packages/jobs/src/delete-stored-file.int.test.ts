// The file deletion path: enqueueFileDeletion in a transaction -> graphile-worker ->
// delete_stored_file -> the real storage adapters (the local disk in a temporary directory; the
// real `uploadthing` SDK against a local fake of UploadThing).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueFileDeletion } from '@learningpt/core';
import { useTestDatabase } from '@learningpt/db/testing';
import { DevMailbox } from '@learningpt/mail';
import { LocalDiskStorage, UploadThingStorage, type FileStorage } from '@learningpt/storage';
import { makeUploadThingToken, startFakeUploadThing, type FakeUploadThing } from '@learningpt/storage/testing';
import { runJobsOnce, silentJobLog } from './index';

const t = useTestDatabase({ max: 4 });
let dir: string;
let local: LocalDiskStorage;
let mailbox: DevMailbox;
let fake: FakeUploadThing;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lgpt-delete-'));
  local = new LocalDiskStorage({ dir: path.join(dir, 'uploads'), publicUrl: 'http://api.test' });
  mailbox = new DevMailbox({ dir: path.join(dir, 'mail'), log: () => {} });
  fake = await startFakeUploadThing();
});
afterAll(async () => {
  await fake?.close();
  await fs.rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
});

/** `null`: a worker with no storage configured. */
const run = (storage: FileStorage | null = local) =>
  runJobsOnce({ connectionString: t.url, mailer: mailbox, storage: storage ?? undefined, log: silentJobLog });

interface JobRow {
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  key: string | null;
}
const jobs = () =>
  t.db.$queryRaw<
    JobRow[]
  >`SELECT attempts, max_attempts, last_error, key FROM graphile_worker._private_jobs ORDER BY id`;
const makeRetriesDue = () => t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;

async function storeLocally(name: string): Promise<string> {
  const { key } = await local.put({ key: name, bytes: Buffer.from('png?'), contentType: 'image/png', name });
  return key;
}
const exists = async (key: string) => (await local.read(key)) !== undefined;

describe('delete_stored_file', () => {
  it('deletes the file from the local disk once the transaction commits, and is queued once per key', async () => {
    const key = await storeLocally('thumbnail_one.png');
    await t.db.$transaction(async (tx) => {
      await enqueueFileDeletion(tx, { key, storage: 'local' });
      await enqueueFileDeletion(tx, { key, storage: 'local' });
    });
    expect(await jobs()).toMatchObject([{ key: `delete_file:${key}`, max_attempts: 10 }]);
    expect(await exists(key)).toBe(true); // nothing happens before the worker runs

    await run();
    expect(await exists(key)).toBe(false);
    expect(await jobs()).toEqual([]);
  });

  it('deletes nothing when the enqueuing transaction rolls back', async () => {
    const key = await storeLocally('avatar_kept.png');
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueFileDeletion(tx, { key, storage: 'local' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobs()).toEqual([]);
    await run();
    expect(await exists(key)).toBe(true);
  });

  it('finishes when the file is already gone', async () => {
    await enqueueFileDeletion(t.db, { key: 'avatar_never_stored.png', storage: 'local' });
    await run();
    expect(await jobs()).toEqual([]);
  });

  it('deletes an UploadThing file through the real SDK', async () => {
    const ut = new UploadThingStorage({ token: fake.token, apiUrl: fake.url, ingestUrl: fake.url });
    const { key } = await ut.put({
      key: 'avatar_ut',
      bytes: Buffer.from('gif?'),
      contentType: 'image/gif',
      name: 'a.gif',
    });
    await enqueueFileDeletion(t.db, { key, storage: 'uploadthing' });
    await run(ut);
    expect(fake.deleted).toContain(key);
    expect(fake.uploads.find((u) => u.key === key)).toBeUndefined();
    expect(await jobs()).toEqual([]);
  });

  it('retries when the storage fails, and deletes the file on a later attempt', async () => {
    const good = new UploadThingStorage({ token: fake.token, apiUrl: fake.url, ingestUrl: fake.url });
    const { key } = await good.put({
      key: 'thumb_ut',
      bytes: Buffer.from('gif?'),
      contentType: 'image/gif',
      name: 't.gif',
    });
    // The service refuses this API key (401): a storage error.
    const refused = new UploadThingStorage({
      token: makeUploadThingToken('sk_test_wrong_key', fake.appId),
      apiUrl: fake.url,
      ingestUrl: fake.url,
      logLevel: 'None',
    });
    await enqueueFileDeletion(t.db, { key, storage: 'uploadthing' });
    await run(refused);
    const [failed] = await jobs();
    expect(failed).toMatchObject({ attempts: 1, max_attempts: 10 });
    expect(failed!.last_error).toBeTruthy();
    expect(fake.uploads.some((u) => u.key === key)).toBe(true);

    await makeRetriesDue();
    await run(good);
    expect(fake.uploads.some((u) => u.key === key)).toBe(false);
    expect(await jobs()).toEqual([]);
  });

  it('keeps a file stored by another provider: the job fails at once, without retries, and deletes nothing', async () => {
    const key = await storeLocally('avatar_elsewhere.png');
    // Recorded as an UploadThing file while this worker stores on the local disk.
    await enqueueFileDeletion(t.db, { key, storage: 'uploadthing' });
    await run();
    await makeRetriesDue();
    await run();
    expect(await exists(key)).toBe(true);
    const [job] = await jobs();
    expect(job).toMatchObject({ attempts: 1, max_attempts: 1 });
    expect(job!.last_error).toMatch(/stored at "uploadthing" but this worker's storage is "local"/);
  });

  it('keeps the file when the worker has no storage: the job fails without retries', async () => {
    const key = await storeLocally('avatar_nostorage.png');
    await enqueueFileDeletion(t.db, { key, storage: 'local' });
    await run(null);
    await makeRetriesDue();
    await run(null);
    expect(await exists(key)).toBe(true);
    const [job] = await jobs();
    expect(job).toMatchObject({ attempts: 1, max_attempts: 1 });
    expect(job!.last_error).toMatch(/this worker's storage is not configured/);
  });

  it('drops a job without a key, without retrying', async () => {
    await t.db
      .$executeRaw`SELECT graphile_worker.add_job('delete_stored_file', payload => '{"storage": "local"}'::json)`;
    await t.db
      .$executeRaw`SELECT graphile_worker.add_job('delete_stored_file', payload => '{"key": "x.png", "storage": "s3"}'::json)`;
    await run();
    await makeRetriesDue();
    await run();
    const rows = await jobs();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ attempts: 1, max_attempts: 1 });
      expect(row.last_error).toMatch(/payload must be \{ key, storage/);
    }
  });
});
