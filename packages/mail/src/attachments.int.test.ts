// Attachments through both mailers: the real `resend` SDK against the local fake of Resend's API
// (base64 content, as Resend's API takes it) and the dev mailbox on a real directory.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevMailbox } from './dev-mailbox';
import { ResendMailer } from './resend-mailer';
import { startFakeResend, type FakeResend } from './testing/fake-resend';

// Bytes that are not text, so an encoding slip would show.
const pdf = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80, 0x0a]);
const email = {
  to: 'ada@example.com',
  subject: 'Your certificate',
  html: '<p>Attached</p>',
  text: 'Attached',
  idempotencyKey: 'certificate-issued:1',
  attachments: [{ filename: 'certificate.pdf', content: pdf, contentType: 'application/pdf' }],
};

let fake: FakeResend;
let dir: string;
beforeAll(async () => {
  fake = await startFakeResend();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'learningpt-attach-'));
});
afterAll(async () => {
  await fake.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('attachments', () => {
  it('Resend receives each file with its name, type and base64 content', async () => {
    const mailer = new ResendMailer({ apiKey: 're_test_1', from: 'a@learningpt.dev', baseUrl: fake.url });
    await mailer.send(email);
    expect(fake.sent).toHaveLength(1);
    const [file] = fake.sent[0]!.body.attachments as Record<string, unknown>[];
    expect(file).toMatchObject({ filename: 'certificate.pdf', content_type: 'application/pdf' });
    expect(Buffer.from(file!.content as string, 'base64').equals(Buffer.from(pdf))).toBe(true);

    // An email without attachments sends none.
    await mailer.send({ ...email, idempotencyKey: 'plain', attachments: undefined });
    expect(fake.sent[1]!.body.attachments).toBeUndefined();
  });

  it('the dev mailbox keeps the files (listed without their content)', async () => {
    const box = new DevMailbox({ dir, log: () => {} });
    const { id } = await box.send(email);
    const kept = await box.get(id);
    expect(kept!.attachments).toEqual([
      {
        filename: 'certificate.pdf',
        contentType: 'application/pdf',
        sizeBytes: pdf.byteLength,
        content: Buffer.from(pdf).toString('base64'),
      },
    ]);
    const [listed] = await box.list();
    expect(listed!.attachments).toEqual([
      { filename: 'certificate.pdf', contentType: 'application/pdf', sizeBytes: 9 },
    ]);
  });
});
