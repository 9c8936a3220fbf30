// The real `resend` SDK against a local fake of Resend's API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MailSendError } from './mailer';
import { ResendMailer } from './resend-mailer';
import { startFakeResend, type FakeResend } from './testing/fake-resend';

let fake: FakeResend;
let mailer: ResendMailer;
const email = { to: 'ada@example.com', subject: 'Hello', html: '<p>Hi</p>', text: 'Hi', idempotencyKey: 'k-1' };

beforeAll(async () => {
  fake = await startFakeResend();
  mailer = new ResendMailer({ apiKey: 're_test_123', from: 'LearninGPT <no-reply@learningpt.dev>', baseUrl: fake.url });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.sent.length = 0;
});

describe('ResendMailer', () => {
  it('posts the email with the key as bearer and the idempotency key as a header', async () => {
    const { id } = await mailer.send(email);
    expect(id).toBe('re_fake_1');
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/emails' });
    expect(req!.headers.authorization).toBe('Bearer re_test_123');
    expect(req!.headers['idempotency-key']).toBe('k-1');
    expect(req!.body).toMatchObject({
      from: 'LearninGPT <no-reply@learningpt.dev>',
      to: 'ada@example.com',
      subject: 'Hello',
      html: '<p>Hi</p>',
      text: 'Hi',
    });
  });

  it('turns a 4xx into a permanent error', async () => {
    fake.failNext(422);
    const err = await mailer.send(email).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailSendError);
    expect(err).toMatchObject({ retryable: false, statusCode: 422, code: 'validation_error' });
    expect((err as Error).message).toMatch(/422 validation_error/);
  });

  it.each([429, 500, 503])('turns a %i into a retryable error', async (status) => {
    fake.failNext(status);
    await expect(mailer.send(email)).rejects.toMatchObject({ retryable: true, statusCode: status });
  });

  it('turns a network failure into a retryable error', async () => {
    const offline = new ResendMailer({ apiKey: 're_x', from: 'a@b.c', baseUrl: 'http://127.0.0.1:1' });
    await expect(offline.send(email)).rejects.toMatchObject({ retryable: true, statusCode: undefined });
  });
});
