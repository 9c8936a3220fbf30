// The render_certificate job run by the worker's real task (runJobsOnce): the PDF is rendered in a
// worker thread, stored on the local disk through @learningpt/storage, recorded on the
// certificate and served by GET /api/certificates/:id/pdf, and emailed as an attachment through
// the real `resend` SDK to a local fake of Resend.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPdfText } from '@learningpt/certificates/testing';
import { RENDER_CERTIFICATE_TASK } from '@learningpt/core';
import { runJobsOnce, silentJobLog } from '@learningpt/jobs';
import { ResendMailer } from '@learningpt/mail';
import { startFakeResend, type FakeResend } from '@learningpt/mail/testing';
import { LocalDiskStorage } from '@learningpt/storage';
import { startTestServer, type TestServer } from '../../testing/harness';
import { makeUser } from '../../testing/learning-fixtures';
import { issuedCertificate, jobsOf } from './certificate-fixtures';

const NAME = 'Zoë Łukasiewicz-Ångström 李雷';

let s: TestServer;
let dir: string;
let storage: LocalDiskStorage;
let resend: FakeResend;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lgpt-certs-'));
  s = await startTestServer({ env: { UPLOADS_DIR: dir } });
  storage = new LocalDiskStorage({ dir, publicUrl: s.config.PUBLIC_API_URL });
  resend = await startFakeResend();
});
afterAll(async () => {
  await s?.close();
  await resend?.close();
  await fs.rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  resend.sent.length = 0;
});

const mailer = () =>
  new ResendMailer({ apiKey: 're_test_certs', from: 'LearninGPT <no-reply@learningpt.dev>', baseUrl: resend.url });
const runRenders = () =>
  runJobsOnce({
    connectionString: s.url,
    mailer: mailer(),
    storage,
    publicWebUrl: s.config.PUBLIC_WEB_URL,
    log: silentJobLog,
    only: [RENDER_CERTIFICATE_TASK],
  });
const makeRetriesDue = () => s.db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
const jobFor = async (id: string) =>
  (await jobsOf(s, RENDER_CERTIFICATE_TASK)).filter((j) => j.key === `certificate:${id}`);
const sentTo = (email: string) => resend.sent.filter((m) => m.body.to === email);

describe('render_certificate', () => {
  it('stores the PDF, records it on the certificate, serves it, and emails it as an attachment', async () => {
    const cert = await issuedCertificate(s, { name: NAME, scorePercent: 92 });
    await runRenders();

    const row = await s.db.certificate.findUniqueOrThrow({
      where: { id: cert.certificateId },
      include: { file: true },
    });
    expect(row.file).toMatchObject({
      ownerId: cert.learner.id,
      purpose: 'certificate',
      storage: 'local',
      mimeType: 'application/pdf',
    });
    expect(row.pdfUrl).toBe(row.file!.url);
    expect(row.file!.url).toBe(`${s.config.PUBLIC_API_URL}/uploads/${row.file!.key}`);
    const stored = (await storage.read(row.file!.key))!.bytes;
    expect(row.file!.sizeBytes).toBe(stored.byteLength);
    expect(await jobFor(cert.certificateId)).toEqual([]); // done

    // The learner's name in its scripts, and the facts, as text in the PDF.
    const [page] = await readPdfText(stored);
    expect(page!.text).toContain(NAME);
    expect(page!.text).toContain(cert.program.title);
    expect(page!.text).toContain(cert.verificationCode);
    expect(page!.text).toContain(`${s.config.PUBLIC_WEB_URL}/verify/${cert.verificationCode}`);

    // Served by the API with the PDF's type.
    const res = await s.app.inject({ method: 'GET', url: `/api/certificates/${cert.certificateId}/pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${cert.verificationCode}.pdf"`);
    expect(res.rawPayload.equals(stored)).toBe(true);
    const meta = await s.rest<Record<string, unknown>>(`/api/certificates/${cert.certificateId}/download`);
    expect(meta.body).toMatchObject({ ready: true, certificateUrl: row.pdfUrl });

    // Emailed once, with the same PDF attached and the verify link.
    const mails = sentTo(cert.learner.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.idempotencyKey).toBe(`certificate-issued:${cert.certificateId}`);
    expect(mail!.body.subject).toBe(`Your LearninGPT certificate: ${cert.program.title}`);
    expect(mail!.body.text).toContain(`${s.config.PUBLIC_WEB_URL}/verify/${cert.verificationCode}`);
    const [attachment] = mail!.body.attachments as { filename: string; content: string; content_type: string }[];
    expect(attachment).toMatchObject({ filename: `${cert.verificationCode}.pdf`, content_type: 'application/pdf' });
    expect(Buffer.from(attachment!.content, 'base64').equals(stored)).toBe(true);
  });

  it('retries a failed email without storing the PDF twice, and sends it once', async () => {
    const cert = await issuedCertificate(s, { name: 'Ada Lovelace' });
    resend.failNext(503);
    await runRenders();
    const [failed] = await jobFor(cert.certificateId);
    expect(failed).toMatchObject({ attempts: 1 });
    expect(failed!.last_error).toMatch(/503/);
    expect(sentTo(cert.learner.email)).toEqual([]);
    const files = () => s.db.uploadedFile.findMany({ where: { ownerId: cert.learner.id, purpose: 'certificate' } });
    expect(await files()).toHaveLength(1); // stored before the email was tried

    await makeRetriesDue();
    await runRenders();
    expect(await jobFor(cert.certificateId)).toEqual([]);
    expect(await files()).toHaveLength(1);
    const [mail] = sentTo(cert.learner.email);
    const [attachment] = mail!.body.attachments as { content: string }[];
    // The retry rendered the PDF again: the same certificate gives the same bytes as the stored one.
    const [file] = await files();
    expect(Buffer.from(attachment!.content, 'base64').equals((await storage.read(file!.key))!.bytes)).toBe(true);
  });

  it('renders and sends nothing for a certificate revoked before its turn', async () => {
    const cert = await issuedCertificate(s);
    const admin = await makeUser(s, 'admin');
    await admin.caller.certificates.revoke({ id: cert.certificateId, reason: 'Issued by mistake' });
    await runRenders();
    const row = await s.db.certificate.findUniqueOrThrow({ where: { id: cert.certificateId } });
    expect(row.fileId).toBeNull();
    expect(sentTo(cert.learner.email)).toEqual([]);
    expect(await jobFor(cert.certificateId)).toEqual([]);
  });

  it('drops a job with a bad payload without retrying', async () => {
    await s.db
      .$executeRaw`SELECT graphile_worker.add_job('render_certificate', payload => '{"certificateId": "x"}'::json)`;
    await runRenders();
    const [job] = (await jobsOf(s, RENDER_CERTIFICATE_TASK)).filter(
      (j) => (j.payload as { certificateId?: string }).certificateId === 'x',
    );
    expect(job).toMatchObject({ attempts: 1, max_attempts: 1 });
    expect(job!.last_error).toMatch(/payload must be/);
  });
});
