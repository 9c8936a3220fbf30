// The dev mailbox on a real directory (it is shared by the server and a worker process).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevMailbox, extractLinks } from './dev-mailbox';

let dir: string;
let lines: string[];
let now: Date;
const mailbox = () => new DevMailbox({ dir, log: (l) => lines.push(l), now: () => now });
const email = (key: string, text = 'Hi') => ({
  to: 'ada@example.com',
  subject: `S ${key}`,
  html: `<p>${key}</p>`,
  text,
  idempotencyKey: key,
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'learningpt-mail-'));
  lines = [];
  now = new Date('2026-11-23T12:00:00Z');
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

describe('DevMailbox', () => {
  it('keeps each message as a file and lists them newest first, without the HTML', async () => {
    const m = mailbox();
    const a = await m.send(email('a', 'Open https://x.test/a.'));
    now = new Date('2026-11-23T12:00:01Z');
    const b = await m.send(email('b'));
    expect(await fs.readdir(dir)).toHaveLength(2);

    const list = await m.list();
    expect(list.map((x) => x.id)).toEqual([b.id, a.id]);
    expect(list[1]).toMatchObject({ subject: 'S a', links: ['https://x.test/a'], sentAt: '2026-11-23T12:00:00.000Z' });
    expect(list[1]).not.toHaveProperty('html');
    expect(await m.get(a.id)).toMatchObject({ html: '<p>a</p>', text: 'Open https://x.test/a.' });
    expect(lines).toEqual(['✉ to ada@example.com: S a — https://x.test/a', '✉ to ada@example.com: S b']);
  });

  it('keeps one copy per idempotency key, also across instances sending at once', async () => {
    const ids = await Promise.all([mailbox().send(email('k')), mailbox().send(email('k')), mailbox().send(email('k'))]);
    expect(new Set(ids.map((r) => r.id)).size).toBe(1);
    expect(await mailbox().list()).toHaveLength(1);
    expect(lines).toHaveLength(1);
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('answers nothing for unknown or malformed ids, and an empty list when there is no directory', async () => {
    expect(await mailbox().get('0'.repeat(32))).toBeUndefined();
    expect(await mailbox().get('../../etc/passwd')).toBeUndefined();
    await fs.rm(dir, { recursive: true });
    expect(await mailbox().list()).toEqual([]);
  });
});

describe('extractLinks', () => {
  it('finds http(s) links without trailing punctuation, each once', () => {
    expect(extractLinks('Go to https://a.test/x?y=1&z=2. Or (http://b.test/) or https://a.test/x?y=1&z=2!')).toEqual([
      'https://a.test/x?y=1&z=2',
      'http://b.test/',
    ]);
  });
});
