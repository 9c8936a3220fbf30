// Avatar upload end to end: the real server, a real database, the real storage adapters (the local
// disk in a temporary directory; the real `uploadthing` SDK against a local fake of UploadThing).
// A replaced or cleared avatar loses its record at once and its file when the job worker runs.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobsOnce, silentJobLog } from '@learningpt/jobs';
import { DevMailbox } from '@learningpt/mail';
import { createStorage } from '@learningpt/storage';
import { startFakeUploadThing, type FakeUploadThing } from '@learningpt/storage/testing';
import { startTestServer, type TestServer } from '../../testing/harness';
import { multipart, png } from '../../testing/images';

type AvatarAnswer = { success: boolean; user?: { avatarUrl: string }; error?: { code: string; message: string } };

/** Runs the queued jobs once, as the server's worker would: with the server's own storage. */
async function runJobs(s: TestServer): Promise<void> {
  const mailDir = await fs.mkdtemp(path.join(os.tmpdir(), 'avatars-mail-'));
  try {
    const mailer = new DevMailbox({ dir: mailDir, log: () => {} });
    await runJobsOnce({ connectionString: s.url, mailer, storage: createStorage(s.config), log: silentJobLog });
  } finally {
    await fs.rm(mailDir, { recursive: true, force: true });
  }
}
/** The storage keys with a delete_stored_file job queued. */
const queuedDeletions = async (s: TestServer) =>
  (
    await s.db.$queryRaw<{ key: string }[]>`
      SELECT key FROM graphile_worker._private_jobs WHERE key LIKE 'delete_file:%' ORDER BY id`
  ).map((j) => j.key.slice('delete_file:'.length));

describe('avatar upload, local disk', () => {
  let s: TestServer;
  let dir: string;
  let token: string;
  let userId: string;

  const upload = (file: Buffer, opts: Parameters<typeof multipart>[1] = {}, auth = true) => {
    const body = multipart(file, opts);
    return s.rest<AvatarAnswer>({
      method: 'POST',
      url: '/api/users/avatar',
      payload: body.payload,
      headers: { ...body.headers, ...(auth ? s.bearer(token) : {}) },
    });
  };
  const keyOf = (url: string) => url.split('/uploads/')[1]!;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'avatars-'));
    s = await startTestServer({
      env: { UPLOADS_DIR: dir, PUBLIC_API_URL: 'http://api.test', AVATAR_MAX_BYTES: '4096' },
    });
    ({ token, userId } = await s.sessionFor('student'));
  });
  afterAll(async () => {
    await s?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('stores a PNG, records it, sets avatarUrl and serves the same bytes', async () => {
    const image = png();
    const res = await upload(image);
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    const url = res.body.user!.avatarUrl;
    expect(url).toMatch(/^http:\/\/api\.test\/uploads\/avatar_[0-9a-f-]{36}\.png$/);

    const user = await s.db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.avatarUrl).toBe(url);
    const row = await s.db.uploadedFile.findUniqueOrThrow({ where: { key: keyOf(url) } });
    expect(row).toMatchObject({ ownerId: userId, purpose: 'avatar', storage: 'local', url, mimeType: 'image/png' });
    expect(row.sizeBytes).toBe(image.length);

    const served = await s.app.inject({ url: `/uploads/${keyOf(url)}` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toContain('max-age');
    expect(served.rawPayload.equals(image)).toBe(true);

    // Saving the profile form re-sends the uploaded (local, http) avatar unchanged: accepted.
    const profile = await s.rest({
      method: 'PUT',
      url: '/api/users/profile',
      headers: s.bearer(token),
      payload: { name: 'With avatar', avatarUrl: url },
    });
    expect(profile.status).toBe(200);
    // A different plain-http address is still refused.
    const other = await s.rest({
      method: 'PUT',
      url: '/api/users/profile',
      headers: s.bearer(token),
      payload: { avatarUrl: 'http://elsewhere.example/a.png' },
    });
    expect(other.status).toBe(400);
  });

  it('decides the type from the bytes, not the name or the declared type', async () => {
    const res = await upload(png(3, 1), { filename: 'holiday.jpg', type: 'image/jpeg' });
    expect(res.status).toBe(200);
    const key = keyOf(res.body.user!.avatarUrl);
    expect(key).toMatch(/\.png$/);
    expect((await s.db.uploadedFile.findUniqueOrThrow({ where: { key } })).mimeType).toBe('image/png');
    expect((await s.app.inject({ url: `/uploads/${key}` })).headers['content-type']).toBe('image/png');
  });

  it('refuses a text file claiming to be a PNG with 415 and the accepted types', async () => {
    const res = await upload(Buffer.from('just some text, honest'), { filename: 'x.png', type: 'image/png' });
    expect(res.status).toBe(415);
    expect(res.body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.body.error?.message).toContain('image/jpeg, image/png, image/webp, image/gif');
  });

  it('refuses a file over AVATAR_MAX_BYTES with 413', async () => {
    const big = Buffer.concat([png(), Buffer.alloc(5000)]);
    const res = await upload(big);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.body.error?.message).toMatch(/at most .*4096 bytes/);
  });

  it('refuses anonymous callers with 401, and bodies that are not multipart with 415', async () => {
    expect((await upload(png(), {}, false)).status).toBe(401);
    const raw = await s.rest<AvatarAnswer>({
      method: 'POST',
      url: '/api/users/avatar',
      payload: png(),
      headers: { 'content-type': 'image/png', ...s.bearer(token) },
    });
    expect(raw.status).toBe(415);
  });

  it('replacing the avatar drops the previous record at once and its file when the jobs run', async () => {
    const first = (await upload(png(1, 1))).body.user!.avatarUrl;
    const second = (await upload(png(1, 2))).body.user!.avatarUrl;
    expect(second).not.toBe(first);
    const rows = await s.db.uploadedFile.findMany({ where: { ownerId: userId, purpose: 'avatar' } });
    expect(rows.map((r) => r.url)).toEqual([second]);
    expect(await queuedDeletions(s)).toContain(keyOf(first));
    expect(await queuedDeletions(s)).not.toContain(keyOf(second));

    await runJobs(s);
    expect((await s.app.inject({ url: `/uploads/${keyOf(first)}` })).statusCode).toBe(404);
    expect((await s.app.inject({ url: `/uploads/${keyOf(second)}` })).statusCode).toBe(200);
    expect(await fs.readdir(dir)).toEqual([keyOf(second)]);
    expect(await queuedDeletions(s)).toEqual([]);
  });

  it('clearing the avatar with users.updateProfile queues the file for deletion; the jobs remove it', async () => {
    const url = (await upload(png(2, 2))).body.user!.avatarUrl;
    await runJobs(s); // the avatar it replaced
    const { user } = await s.withToken(token).users.updateProfile({ avatarUrl: null });
    expect(user.avatar).toBeNull();
    expect(await s.db.uploadedFile.findUnique({ where: { key: keyOf(url) } })).toBeNull();
    expect(await queuedDeletions(s)).toEqual([keyOf(url)]);
    expect(await fs.readdir(dir)).toEqual([keyOf(url)]); // still there until the worker runs

    await runJobs(s);
    expect(await fs.readdir(dir)).toEqual([]);
    expect((await s.app.inject({ url: `/uploads/${keyOf(url)}` })).statusCode).toBe(404);
  });

  it('changing the avatar to another address lets the uploaded one go too; other profile edits keep it', async () => {
    const url = (await upload(png(3, 3))).body.user!.avatarUrl;
    await runJobs(s);
    await s.withToken(token).users.updateProfile({ name: 'Still me', bio: 'Same picture' });
    expect(await queuedDeletions(s)).toEqual([]);
    await s.withToken(token).users.updateProfile({ avatarUrl: 'https://cdn.example.com/me.png' });
    expect(await s.db.uploadedFile.count({ where: { ownerId: userId, purpose: 'avatar' } })).toBe(0);
    expect(await queuedDeletions(s)).toEqual([keyOf(url)]);
    await runJobs(s);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('serves only safe keys', async () => {
    expect((await s.app.inject({ url: '/uploads/..%2F..%2Fetc%2Fpasswd' })).statusCode).toBe(404);
    expect((await s.app.inject({ url: '/uploads/.hidden' })).statusCode).toBe(404);
  });
});

describe('avatar upload, UploadThing', () => {
  let fake: FakeUploadThing;
  let s: TestServer;

  beforeAll(async () => {
    fake = await startFakeUploadThing();
    s = await startTestServer({
      env: { UPLOADTHING_TOKEN: fake.token, UPLOADTHING_API_URL: fake.url, UPLOADTHING_INGEST_URL: fake.url },
    });
  });
  afterAll(async () => {
    await s?.close();
    await fake?.close();
  });

  it('uploads through the SDK, stores the URL it answers, and the worker deletes the replaced file', async () => {
    const { token, userId } = await s.sessionFor('student');
    const send = async (image: Buffer) => {
      const body = multipart(image, { filename: 'me.gif', type: 'image/gif' });
      return s.rest<AvatarAnswer>({
        method: 'POST',
        url: '/api/users/avatar',
        payload: body.payload,
        headers: { ...body.headers, ...s.bearer(token) },
      });
    };
    const image = png();
    const res = await send(image);
    expect(res.status).toBe(200);
    expect(fake.uploads).toHaveLength(1);
    const up = fake.uploads[0]!;
    expect(up.bytes.equals(image)).toBe(true);
    expect(up.type).toBe('image/png');
    // The upload URL was signed with the token's API key (the fake checks it) for the token's app.
    expect(up.query['x-ut-identifier']).toBe(fake.appId);
    expect(res.body.user!.avatarUrl).toBe(`${fake.url}/f/${up.key}`);
    expect((await s.db.user.findUniqueOrThrow({ where: { id: userId } })).avatarUrl).toBe(res.body.user!.avatarUrl);
    expect(await s.db.uploadedFile.findUniqueOrThrow({ where: { key: up.key } })).toMatchObject({
      storage: 'uploadthing',
      url: res.body.user!.avatarUrl,
    });
    // No local file route in this mode.
    expect((await s.app.inject({ url: `/uploads/${up.key}` })).statusCode).toBe(404);

    const again = await send(png(1, 1));
    expect(again.status).toBe(200);
    expect(await s.db.uploadedFile.findUnique({ where: { key: up.key } })).toBeNull();
    expect(await queuedDeletions(s)).toEqual([up.key]);
    expect(fake.deleted).toEqual([]); // not before the worker runs
    await runJobs(s);
    expect(fake.deleted).toEqual([up.key]);
    const del = fake.requests.find((r) => r.path === '/v6/deleteFiles');
    expect(del?.apiKeyHeader).toBe(fake.apiKey);
  });
});
