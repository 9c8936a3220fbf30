// A deleted account's personal data is erased by the worker once its grace period is over.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markAccountDeleted, systemClock } from '@learningpt/core';
import { useTestDatabase } from '@learningpt/db/testing';
import { DevMailbox } from '@learningpt/mail';
import { LocalDiskStorage } from '@learningpt/storage';
import { runJobsOnce, silentJobLog } from './index';

const t = useTestDatabase({ max: 4 });
let dir: string;
let mailbox: DevMailbox;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lgpt-erase-'));
  mailbox = new DevMailbox({ dir, log: () => {} });
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));
beforeEach(async () => {
  await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
});

const run = () => runJobsOnce({ connectionString: t.url, mailer: mailbox, log: silentJobLog });

async function deletedUser(email: string, delayMs: number) {
  const user = await t.db.user.create({
    data: {
      email,
      name: 'Ada Lovelace',
      bio: 'Analyst',
      phone: '+44 20 0000 0000',
      city: 'London',
      emailVerified: true,
      socialLinks: { github: 'https://github.com/ada' },
      sessions: {
        create: {
          id: 'a'.repeat(64),
          expiresAt: new Date(Date.now() + 3_600_000),
          absoluteExpiresAt: new Date(Date.now() + 7_200_000),
        },
      },
    },
  });
  await t.db.$transaction((tx) =>
    markAccountDeleted(tx, { clock: systemClock, settings: { accountErasureDelayMs: delayMs }, userId: user.id }),
  );
  return user;
}

describe('erase_personal_data', () => {
  it('waits for the grace period, then erases what identifies the person and tells them', async () => {
    const user = await deletedUser('ada@example.com', 60_000);
    await run();
    // Not due yet: nothing changes.
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe('ada@example.com');

    await t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await run();
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({
      status: 'deleted',
      name: 'Deleted user',
      bio: null,
      phone: null,
      city: null,
      passwordHash: null,
      socialLinks: {},
    });
    // The address is replaced by one made of the user's id (which may itself contain "ada" in hex).
    expect(row.email).toBe(`deleted-${user.id}@deleted.invalid`);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
    const audit = await t.db.auditLog.findMany({ where: { entityId: user.id, action: 'user.erase' } });
    expect(audit).toHaveLength(1);
    // The goodbye email went out (enqueued by the erase, sent in the same worker run) to the old address.
    const mails = await mailbox.list();
    expect(mails.filter((m) => m.to === 'ada@example.com')).toHaveLength(1);
    expect(await t.db.$queryRaw<unknown[]>`SELECT 1 FROM graphile_worker._private_jobs`).toEqual([]);
  });

  it('removes the uploaded avatar too: its record at once, the stored file by the queued job', async () => {
    const storage = new LocalDiskStorage({ dir: path.join(dir, 'uploads'), publicUrl: 'http://api.test/uploads' });
    const user = await deletedUser('grace@example.com', 0);
    const stored = await storage.put({
      key: `avatar_${user.id}.png`,
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      contentType: 'image/png',
      name: 'avatar.png',
    });
    await t.db.uploadedFile.create({
      data: {
        ownerId: user.id,
        purpose: 'avatar',
        storage: 'local',
        key: stored.key,
        url: stored.url,
        mimeType: 'image/png',
        sizeBytes: 4,
      },
    });
    await t.db.user.update({ where: { id: user.id }, data: { avatarUrl: stored.url } });

    // One run erases (and queues the file's deletion); the next picks up what the erase queued.
    await runJobsOnce({ connectionString: t.url, mailer: mailbox, log: silentJobLog, storage });
    expect(await t.db.uploadedFile.count({ where: { ownerId: user.id } })).toBe(0);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).avatarUrl).toBeNull();
    await runJobsOnce({ connectionString: t.url, mailer: mailbox, log: silentJobLog, storage });
    expect(await storage.read(stored.key)).toBeUndefined();
    expect(await t.db.$queryRaw<unknown[]>`SELECT 1 FROM graphile_worker._private_jobs`).toEqual([]);
  });

  it('leaves an account that was restored before the job ran', async () => {
    const user = await deletedUser('grace@example.com', 0);
    await t.db.user.update({ where: { id: user.id }, data: { status: 'active', deletedAt: null } });
    await run();
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ email: 'grace@example.com', name: 'Ada Lovelace', status: 'active' });
  });

  it('drops a job without a valid user id instead of retrying it', async () => {
    await t.db.$executeRaw`SELECT graphile_worker.add_job('erase_personal_data', payload => '{"userId": 42}'::json)`;
    await run();
    const [job] = await t.db.$queryRaw<{ attempts: number; max_attempts: number }[]>`
      SELECT attempts, max_attempts FROM graphile_worker._private_jobs`;
    expect(job).toEqual({ attempts: 1, max_attempts: 1 });
  });
});
