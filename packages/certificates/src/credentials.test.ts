import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateSigningKeyPem,
  OB_CONTEXT_V3,
  OpenBadgeIssuer,
  VC_CONTEXT_V2,
  verifyCredentialJwt,
  type CertificateCredentialFacts,
} from './credentials';

const facts: CertificateCredentialFacts = {
  certificateId: '01890000-0000-7000-8000-000000000001',
  verificationCode: 'CERT-2026-ABCDEFGHJKMNPQRS',
  issuedAt: new Date('2026-11-23T12:00:00Z'),
  score: 92,
  learner: { id: '01890000-0000-7000-8000-0000000000aa', name: 'Zoë Łukasiewicz-Ångström 李雷' },
  program: {
    id: '01890000-0000-7000-8000-0000000000bb',
    slug: 'react-mastery',
    title: 'React Mastery',
    description: 'Hooks.',
  },
};

const issuerFor = (pem = generateSigningKeyPem()) =>
  new OpenBadgeIssuer({
    privateKeyPem: pem,
    profileUrl: 'https://api.example.com/api/certificates/issuer',
    jwksUrl: 'https://api.example.com/.well-known/jwks.json',
    url: 'https://app.example.com',
    webUrl: 'https://app.example.com',
  });

/** Checks a JWS with nothing but node:crypto and the published JWK set, as an outside verifier would. */
function verifiesWith(jwt: string, jwks: { keys: { kid: string; kty: string; crv: string; x: string }[] }): boolean {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const { kid } = JSON.parse(Buffer.from(h, 'base64url').toString()) as { kid: string };
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk) return false;
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  return verify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'));
}

describe('OpenBadgeCredential as a VC-JWT', () => {
  it('is an Open Badges 3.0 credential on the VC 2.0 data model, naming the learner and the program', () => {
    const { credential, jwt } = issuerFor().issue(facts);
    expect(credential['@context']).toEqual([VC_CONTEXT_V2, OB_CONTEXT_V3]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.validFrom).toBe('2026-11-23T12:00:00.000Z');
    expect(credential.credentialSubject.identifier[0]!.identityHash).toBe(facts.learner.name);
    expect(credential.credentialSubject.achievement).toMatchObject({
      id: 'https://app.example.com/programs/react-mastery',
      name: 'React Mastery',
    });
    const [h, p] = jwt.split('.') as [string, string];
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toMatchObject({
      ...credential,
      iss: credential.issuer.id,
      jti: `urn:uuid:${facts.certificateId}`,
    });
  });

  it('verifies with the published key, and not when one byte changes or with another key', () => {
    const issuer = issuerFor();
    const { jwt } = issuer.issue(facts);
    const jwks = issuer.jwks();
    expect(verifiesWith(jwt, jwks)).toBe(true);
    expect(verifyCredentialJwt(jwt, jwks)).toMatchObject({ id: `urn:uuid:${facts.certificateId}` });

    // One byte of the payload changed: the score, as someone might wish it.
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = Buffer.from(p, 'base64url').toString().replace('"92%"', '"99%"');
    const forged = `${h}.${Buffer.from(payload).toString('base64url')}.${s}`;
    expect(forged).not.toBe(jwt);
    expect(verifiesWith(forged, jwks)).toBe(false);
    expect(() => verifyCredentialJwt(forged, jwks)).toThrow('Bad signature');

    // One byte of the signature flipped.
    const sig = Buffer.from(s, 'base64url');
    sig[10] = sig[10]! ^ 0x01;
    expect(verifiesWith(`${h}.${p}.${sig.toString('base64url')}`, jwks)).toBe(false);

    // Another issuer's key set does not vouch for it.
    expect(verifiesWith(jwt, issuerFor().jwks())).toBe(false);
  });

  it('keeps the key id across restarts with the same key, and publishes only the public half', () => {
    const pem = generateSigningKeyPem();
    const a = issuerFor(pem);
    const b = issuerFor(pem);
    expect(a.publicJwk.kid).toBe(b.publicJwk.kid);
    expect(Object.keys(a.publicJwk).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    expect(JSON.stringify(a.profile())).not.toContain('"d"');
  });

  it('refuses a key that is not an Ed25519 private key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    expect(() => issuerFor(rsa.toString())).toThrow(/must be an Ed25519 key/);
    expect(() => issuerFor('not a pem')).toThrow(/not a PKCS#8 PEM/);
  });
});
