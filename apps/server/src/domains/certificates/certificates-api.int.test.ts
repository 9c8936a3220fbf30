// The certificate procedures on both faces: what anyone may see (never an email), verification
// by code, revocation by an admin only, and the signed Open Badges credential checked with the
// key the server publishes, using nothing but node:crypto, as an outside verifier would.
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { makeUser, outcome } from '../../testing/learning-fixtures';
import { issuedCertificate, type IssuedCertificate } from './certificate-fixtures';

let s: TestServer;
let cert: IssuedCertificate;
beforeAll(async () => {
  s = await startTestServer();
  cert = await issuedCertificate(s, { name: 'Zoë Łukasiewicz-Ångström 李雷', scorePercent: 92 });
});
afterAll(() => s?.close());

/** Fails when the learner's address (or any address-looking key) is anywhere in a body. */
function expectNoEmail(body: unknown, email: string) {
  const text = JSON.stringify(body);
  expect(text).not.toContain(email);
  expect(text.toLowerCase()).not.toContain(email.split('@')[0]!.toLowerCase());
  expect(text).not.toMatch(/"email"/i);
}

interface Jwk {
  kty: string;
  crv: string;
  x: string;
  kid: string;
}

/** EdDSA over `header.payload` with the published key named by `kid`. */
function verifiesWith(jwt: string, keys: Jwk[]): boolean {
  const [h, p, sig] = jwt.split('.') as [string, string, string];
  const { kid, alg } = JSON.parse(Buffer.from(h, 'base64url').toString()) as { kid: string; alg: string };
  const jwk = keys.find((k) => k.kid === kid);
  if (alg !== 'EdDSA' || !jwk) return false;
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  return verify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(sig, 'base64url'));
}

describe('certificates.byId and verify', () => {
  it('shows the certificate to anyone, without the email', async () => {
    const res = await s.rest<{ success: boolean; certificate: Record<string, unknown> }>(
      `/api/certificates/${cert.certificateId}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.certificate).toMatchObject({
      id: cert.certificateId,
      verificationCode: cert.verificationCode,
      user: { id: cert.learner.id, name: 'Zoë Łukasiewicz-Ångström 李雷' },
      program: { id: cert.program.id, title: cert.program.title },
      score: 92,
      isValid: true,
      status: 'valid',
      certificateUrl: null,
      shareableLink: `${s.config.PUBLIC_WEB_URL}/verify/${cert.verificationCode}`,
    });
    expectNoEmail(res.body, cert.learner.email);
    expectNoEmail(await s.anonymous.certificates.byId({ id: cert.certificateId }), cert.learner.email);
  });

  it('verifies a code (any case), answers 404 for an unknown one and 400 for junk', async () => {
    const res = await s.rest<Record<string, unknown>>(
      `/api/certificates/verify/${cert.verificationCode.toLowerCase()}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      isValid: true,
      status: 'valid',
      reason: null,
      certificate: {
        recipientName: 'Zoë Łukasiewicz-Ångström 李雷',
        programTitle: cert.program.title,
        issuedDate: s.clock.now().toISOString().slice(0, 10),
        score: 92,
        verificationCode: cert.verificationCode,
      },
    });
    expectNoEmail(res.body, cert.learner.email);
    expect((await s.rest('/api/certificates/verify/CERT-2026-AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await s.rest('/api/certificates/verify/not-a-code')).status).toBe(400);
    expect((await s.rest('/api/certificates/not-a-uuid')).status).toBe(400);
    expect((await s.rest('/api/certificates/01890000-0000-7000-8000-000000000000')).status).toBe(404);
  });
});

describe('certificates.download and the PDF route before rendering', () => {
  it('says the PDF is being prepared: ready false, and 409 with Retry-After for the bytes', async () => {
    const meta = await s.rest<Record<string, unknown>>(`/api/certificates/${cert.certificateId}/download`);
    expect(meta.body).toMatchObject({
      success: true,
      ready: false,
      downloadPath: `/api/certificates/${cert.certificateId}/pdf`,
      fileName: `${cert.verificationCode}.pdf`,
    });
    const pdf = await s.rest<{ error: { code: string; message: string } }>(
      `/api/certificates/${cert.certificateId}/pdf`,
    );
    expect(pdf.status).toBe(409);
    expect(pdf.body.error.code).toBe('CONFLICT');
    expect(pdf.body.error.message).toMatch(/being prepared.*try again shortly/i);
    expect(pdf.headers['retry-after']).toBe('5');
    expect((await s.rest('/api/certificates/01890000-0000-7000-8000-000000000000/pdf')).status).toBe(404);
    expect((await s.rest('/api/certificates/nope/pdf')).status).toBe(400);
  });
});

describe('certificates.credential', () => {
  it('is an Open Badges 3.0 credential whose VC-JWT verifies with the published key, and not when a byte changes', async () => {
    const res = await s.rest<{ credential: Record<string, unknown>; jwt: string; jwksUrl: string }>(
      `/api/certificates/${cert.certificateId}/credential`,
    );
    expect(res.status).toBe(200);
    expect(res.body.credential).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      credentialSubject: { achievement: { name: cert.program.title } },
    });
    expectNoEmail(res.body, cert.learner.email);
    expect(res.body.jwksUrl).toBe(`${s.config.PUBLIC_API_URL}/.well-known/jwks.json`);

    const jwks = await s.rest<{ keys: Jwk[] }>('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys[0]).not.toHaveProperty('d'); // the public half only
    const { jwt } = res.body;
    expect(verifiesWith(jwt, jwks.body.keys)).toBe(true);

    // The payload says what the credential says.
    const [h, p, sig] = jwt.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toMatchObject(res.body.credential);

    // One byte of the payload changed.
    const bytes = Buffer.from(p, 'base64url');
    const at = bytes.indexOf('92%');
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = '9'.charCodeAt(0); // "99%"
    expect(verifiesWith(`${h}.${bytes.toString('base64url')}.${sig}`, jwks.body.keys)).toBe(false);

    // The issuer profile names the same key.
    const profile = await s.rest<{ id: string; verificationMethod: { publicKeyJwk: { x: string } }[] }>(
      '/api/certificates/issuer',
    );
    expect(profile.body.id).toBe((res.body.credential.issuer as { id: string }).id);
    expect(profile.body.verificationMethod[0]!.publicKeyJwk.x).toBe(jwks.body.keys[0]!.x);
  });
});

describe('certificates.revoke', () => {
  it('is for admins only: anonymous 401, student and instructor 403, on both faces', async () => {
    const target = await issuedCertificate(s);
    const url = `/api/certificates/${target.certificateId}/revoke`;
    const payload = { reason: 'Exam answers were shared' };
    expect((await s.rest({ method: 'POST', url, payload })).status).toBe(401);
    for (const role of ['student', 'instructor'] as const) {
      const { token } = await s.sessionFor(role, (await makeUser(s, role)).id);
      expect((await s.rest({ method: 'POST', url, payload, headers: s.bearer(token) })).status).toBe(403);
    }
    // The learner themself cannot revoke (or un-revoke) either.
    expect(await outcome(target.learner.caller.certificates.revoke({ id: target.certificateId, ...payload }))).toBe(
      'FORBIDDEN',
    );
    expect(await outcome(s.anonymous.certificates.revoke({ id: target.certificateId, ...payload }))).toBe(
      'UNAUTHORIZED',
    );
    const row = await s.db.certificate.findUniqueOrThrow({ where: { id: target.certificateId } });
    expect(row.status).toBe('valid');
  });

  it('revokes once with the reason: verify then answers invalid with it, and the credential is refused', async () => {
    const target = await issuedCertificate(s);
    const admin = await makeUser(s, 'admin');
    const url = `/api/certificates/${target.certificateId}/revoke`;
    const res = await s.rest<{ certificate: Record<string, unknown> }>({
      method: 'POST',
      url,
      payload: { reason: '  Exam answers were shared  ' },
      headers: s.bearer(admin.token),
    });
    expect(res.status).toBe(200);
    expect(res.body.certificate).toMatchObject({
      status: 'revoked',
      isValid: false,
      revokedReason: 'Exam answers were shared',
    });

    const verified = await s.rest<Record<string, unknown>>(`/api/certificates/verify/${target.verificationCode}`);
    expect(verified.body).toMatchObject({
      isValid: false,
      status: 'revoked',
      reason: 'This certificate was revoked: Exam answers were shared',
      certificate: { revokedAt: s.clock.now().toISOString() },
    });
    const credential = await s.rest<{ error: { message: string } }>(
      `/api/certificates/${target.certificateId}/credential`,
    );
    expect(credential.status).toBe(422);
    expect(credential.body.error.message).toContain('Exam answers were shared');

    // Once: a second revocation is a 409 and the first reason stands.
    const again = await s.rest({
      method: 'POST',
      url,
      payload: { reason: 'Another reason' },
      headers: s.bearer(admin.token),
    });
    expect(again.status).toBe(409);
    const row = await s.db.certificate.findUniqueOrThrow({ where: { id: target.certificateId } });
    expect(row.revokedReason).toBe('Exam answers were shared');
    expect(
      await s.db.auditLog.count({
        where: { action: 'certificate.revoke', entityId: target.certificateId, actorId: admin.id },
      }),
    ).toBe(1);
    expect(
      await s.db.notification.count({ where: { userId: target.learner.id, title: 'Your certificate was revoked' } }),
    ).toBe(1);
  });

  it('answers 400 without a reason and 404 for an unknown certificate', async () => {
    const admin = await makeUser(s, 'admin');
    const target = await issuedCertificate(s);
    const bad = await s.rest<{ error: { issues: { path: string[] }[] } }>({
      method: 'POST',
      url: `/api/certificates/${target.certificateId}/revoke`,
      payload: { reason: ' ' },
      headers: s.bearer(admin.token),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]!.path).toEqual(['reason']);
    const missing = await s.rest({
      method: 'POST',
      url: '/api/certificates/01890000-0000-7000-8000-000000000000/revoke',
      payload: { reason: 'No such thing' },
      headers: s.bearer(admin.token),
    });
    expect(missing.status).toBe(404);
  });
});
