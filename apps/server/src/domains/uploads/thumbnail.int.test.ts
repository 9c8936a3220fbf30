// Program thumbnails end to end: POST /api/programs/{id}/thumbnail on the real server, a real
// database and the local disk storage in a temporary directory. Who may upload, what is refused
// before anything is stored, and what is left behind when a thumbnail is replaced or cleared (the
// record at once; the file when the job worker runs, unless something else still shows it).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobsOnce, silentJobLog } from '@learningpt/jobs';
import { DevMailbox } from '@learningpt/mail';
import { createStorage } from '@learningpt/storage';
import { startTestServer, type TestServer } from '../../testing/harness';
import { multipart, png } from '../../testing/images';
import { makeProgram, makeUser, type TestProgram, type TestUser } from '../../testing/learning-fixtures';

type Answer = {
  success: boolean;
  program?: { id: string; thumbnail: string };
  error?: { code: string; message: string };
};

let s: TestServer;
let dir: string;
let mailDir: string;
let owner: TestUser;
let other: TestUser;
let student: TestUser;
let admin: TestUser;
let program: TestProgram;

const upload = (programId: string, file: Buffer, token: string | null, field = 'thumbnail') => {
  const body = multipart(file, { field, filename: 'cover.png', type: 'image/png' });
  return s.rest<Answer>({
    method: 'POST',
    url: `/api/programs/${programId}/thumbnail`,
    payload: body.payload,
    headers: { ...body.headers, ...(token ? s.bearer(token) : {}) },
  });
};
const keyOf = (url: string) => url.split('/uploads/')[1]!;
const storedKeys = async () => (await fs.readdir(dir)).sort();
/** Runs the queued jobs once, as the server's worker would: with the server's own storage. */
const runJobs = () =>
  runJobsOnce({
    connectionString: s.url,
    mailer: new DevMailbox({ dir: mailDir, log: () => {} }),
    storage: createStorage(s.config),
    log: silentJobLog,
  });
/** The storage keys with a delete_stored_file job queued. */
const queuedDeletions = async () =>
  (
    await s.db.$queryRaw<{ key: string }[]>`
      SELECT key FROM graphile_worker._private_jobs WHERE key LIKE 'delete_file:%' ORDER BY id`
  ).map((j) => j.key.slice('delete_file:'.length));

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thumbnails-'));
  mailDir = await fs.mkdtemp(path.join(os.tmpdir(), 'thumbnails-mail-'));
  s = await startTestServer({
    env: { UPLOADS_DIR: dir, PUBLIC_API_URL: 'http://api.test', THUMBNAIL_MAX_BYTES: '8192' },
  });
  [owner, other, student, admin] = await Promise.all([
    makeUser(s, 'instructor', 'Thumb Owner'),
    makeUser(s, 'instructor', 'Thumb Other'),
    makeUser(s, 'student', 'Thumb Student'),
    makeUser(s, 'admin', 'Thumb Admin'),
  ]);
  program = await makeProgram(s, { ownerId: owner.id, status: 'draft' });
});
afterAll(async () => {
  await s?.close();
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(mailDir, { recursive: true, force: true });
});

describe('program thumbnail upload', () => {
  it('the owner uploads a PNG: stored, recorded, set on the program, served, shown by programs.byId', async () => {
    const image = png(4, 3);
    const res = await upload(program.id, image, owner.token);
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    const url = res.body.program!.thumbnail;
    expect(res.body.program!.id).toBe(program.id);
    expect(url).toMatch(/^http:\/\/api\.test\/uploads\/thumbnail_[0-9a-f-]{36}\.png$/);

    const row = await s.db.uploadedFile.findUniqueOrThrow({ where: { key: keyOf(url) } });
    expect(row).toMatchObject({ ownerId: owner.id, purpose: 'thumbnail', storage: 'local', mimeType: 'image/png' });
    expect(row.sizeBytes).toBe(image.length);
    const served = await s.app.inject({ url: `/uploads/${keyOf(url)}` });
    expect(served.rawPayload.equals(image)).toBe(true);

    const { program: detail } = await owner.caller.programs.byId({ id: program.id });
    expect(detail.thumbnail).toBe(url);
    const audit = await s.db.auditLog.findFirst({ where: { entityId: program.id, action: 'program.thumbnail' } });
    expect(audit?.actorId).toBe(owner.id);
  });

  it('replacing it drops the previous record at once and its file when the jobs run; an admin may replace it too', async () => {
    const first = (await upload(program.id, png(1, 1), owner.token)).body.program!.thumbnail;
    const res = await upload(program.id, png(2, 1), admin.token);
    expect(res.status).toBe(200);
    const second = res.body.program!.thumbnail;
    expect(second).not.toBe(first);
    const rows = await s.db.uploadedFile.findMany({ where: { purpose: 'thumbnail', url: { in: [first, second] } } });
    expect(rows.map((r) => r.url)).toEqual([second]);
    expect(await queuedDeletions()).toContain(keyOf(first));
    expect(await storedKeys()).toContain(keyOf(first)); // until the worker runs

    await runJobs();
    expect(await storedKeys()).toEqual([keyOf(second)]);
    expect(await queuedDeletions()).toEqual([]);
  });

  it('refuses everyone else before storing anything: anonymous 401, student and other instructor 404/403', async () => {
    const published = await makeProgram(s, { ownerId: owner.id, status: 'published' });
    const before = await storedKeys();
    expect((await upload(published.id, png(), null)).status).toBe(401);
    // A student or another instructor can see a published program but not change it.
    const byStudent = await upload(published.id, png(), student.token);
    expect(byStudent.status).toBe(403);
    expect(byStudent.body.error?.message).toMatch(/instructor or an admin/);
    expect((await upload(published.id, png(), other.token)).status).toBe(403);
    // A draft's existence is not revealed to them.
    expect((await upload(program.id, png(), other.token)).status).toBe(404);
    expect((await upload('00000000-0000-7000-8000-000000000000', png(), owner.token)).status).toBe(404);
    expect((await upload('not-a-uuid', png(), owner.token)).status).toBe(400);
    expect(await storedKeys()).toEqual(before);
    const { thumbnailUrl } = await s.db.program.findUniqueOrThrow({ where: { id: published.id } });
    expect(thumbnailUrl).toBeNull();
  });

  it('refuses a non-image (415), a file over THUMBNAIL_MAX_BYTES (413) and a wrong field (400), storing nothing', async () => {
    const before = await storedKeys();
    const text = await upload(program.id, Buffer.from('<svg onload="alert(1)"></svg>'), owner.token);
    expect(text.status).toBe(415);
    expect(text.body.error?.message).toContain('image/png');
    const big = await upload(program.id, Buffer.concat([png(), Buffer.alloc(9000)]), owner.token);
    expect(big.status).toBe(413);
    expect(big.body.error?.message).toMatch(/thumbnail is too large: at most .*8192 bytes/);
    const wrongField = await upload(program.id, png(), owner.token, 'avatar');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error?.message).toContain('"thumbnail"');
    expect(await storedKeys()).toEqual(before);
  });

  it('programs.update accepts the uploaded (http) address back unchanged, refuses a new http one, and clears it', async () => {
    const url = (await upload(program.id, png(5, 5), owner.token)).body.program!.thumbnail;
    expect(url.startsWith('http://')).toBe(true);
    const same = await owner.caller.programs.update({ id: program.id, thumbnailUrl: url, title: 'Kept thumbnail' });
    expect(same.program).toMatchObject({ thumbnail: url, title: 'Kept thumbnail' });
    const other = await s.rest<Answer>({
      method: 'PUT',
      url: `/api/programs/${program.id}`,
      headers: s.bearer(owner.token),
      payload: { thumbnailUrl: 'http://elsewhere.example/cover.png' },
    });
    expect(other.status).toBe(400);
    expect(other.body.error?.message).toMatch(/https/);
    expect(await queuedDeletions()).not.toContain(keyOf(url)); // re-sent unchanged: kept
    const cleared = await owner.caller.programs.update({ id: program.id, thumbnailUrl: null });
    expect(cleared.program.thumbnail).toBeNull();
    expect(await s.db.uploadedFile.findUnique({ where: { key: keyOf(url) } })).toBeNull();
    expect(await queuedDeletions()).toContain(keyOf(url));

    await runJobs();
    expect(await storedKeys()).not.toContain(keyOf(url));
    expect((await s.app.inject({ url: `/uploads/${keyOf(url)}` })).statusCode).toBe(404);
  });

  it('a thumbnail another program also shows is kept until neither shows it', async () => {
    const a = await makeProgram(s, { ownerId: owner.id, status: 'draft' });
    const b = await makeProgram(s, { ownerId: other.id, status: 'draft' });
    const shared = (await upload(a.id, png(6, 6), owner.token)).body.program!.thumbnail;
    // An admin points program B at the same image (set in the database: programs.update takes
    // only https addresses and this test server serves uploads over http).
    await s.db.program.update({ where: { id: b.id }, data: { thumbnailUrl: shared } });

    // A's owner replaces it with an upload, then clears that one: B still shows the first file.
    const replacement = (await upload(a.id, png(7, 7), owner.token)).body.program!.thumbnail;
    await owner.caller.programs.update({ id: a.id, thumbnailUrl: null });
    expect(await queuedDeletions()).toEqual([keyOf(replacement)]);
    await runJobs();
    expect(await s.db.uploadedFile.findUnique({ where: { key: keyOf(shared) } })).not.toBeNull();
    expect(await storedKeys()).toContain(keyOf(shared));
    expect(await storedKeys()).not.toContain(keyOf(replacement));

    // Once B stops showing it too, it goes.
    await admin.caller.programs.update({ id: b.id, thumbnailUrl: 'https://cdn.example.com/b.png' });
    expect(await s.db.uploadedFile.findUnique({ where: { key: keyOf(shared) } })).toBeNull();
    expect(await queuedDeletions()).toEqual([keyOf(shared)]);
    await runJobs();
    expect(await storedKeys()).not.toContain(keyOf(shared));
  });

  it('a deleted program takes no thumbnail', async () => {
    const gone = await makeProgram(s, { ownerId: owner.id, deleted: true });
    expect((await upload(gone.id, png(), owner.token)).status).toBe(404);
  });

  it('two uploads at once leave one thumbnail, one record and one file', async () => {
    const fresh = await makeProgram(s, { ownerId: owner.id, status: 'draft' });
    const results = await Promise.all([1, 2, 3].map((n) => upload(fresh.id, png(n, 2), owner.token)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const { thumbnailUrl } = await s.db.program.findUniqueOrThrow({ where: { id: fresh.id } });
    const urls = results.map((r) => r.body.program!.thumbnail);
    expect(urls).toContain(thumbnailUrl);
    const rows = await s.db.uploadedFile.findMany({ where: { purpose: 'thumbnail', url: { in: urls } } });
    expect(rows.map((r) => r.url)).toEqual([thumbnailUrl]);
    await runJobs();
    const files = await storedKeys();
    for (const url of urls) expect(files.includes(keyOf(url))).toBe(url === thumbnailUrl);
  });
});
