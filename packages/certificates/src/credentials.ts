// Each certificate as an Open Badges 3.0 OpenBadgeCredential (W3C VC data model 2.0), secured as
// a VC-JWT (VC-JOSE-COSE: the credential is the JWT payload, `typ: vc+jwt`) signed with Ed25519
// (EdDSA). The public key is published as a JWKS, so anyone can check a credential offline.
// Only node:crypto: no key ever leaves this module except as its public JWK.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** What a credential states, read from the certificate. */
export interface CertificateCredentialFacts {
  certificateId: string;
  verificationCode: string;
  issuedAt: Date;
  score: number;
  learner: { id: string; name: string };
  program: { id: string; slug: string; title: string; description: string };
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: string[];
  issuer: { id: string; type: string[]; name: string; url: string };
  validFrom: string;
  name: string;
  credentialSubject: {
    id: string;
    type: string[];
    identifier: { type: 'IdentityObject'; identityType: 'name'; hashed: false; identityHash: string }[];
    achievement: {
      id: string;
      type: string[];
      achievementType: 'Certificate';
      name: string;
      description: string;
      criteria: { narrative: string };
    };
    result: { type: string[]; value: string }[];
  };
}

/** The public half of the signing key, as published at /.well-known/jwks.json. */
export interface PublicSigningJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface OpenBadgeIssuerOptions {
  /** PKCS#8 PEM of an Ed25519 private key. */
  privateKeyPem: string;
  /** The issuer profile's URL: the credentials' `issuer.id`, where the profile is served. */
  profileUrl: string;
  /** Where the public keys are published (JWKS). */
  jwksUrl: string;
  /** The issuer's home page (the web app). */
  url: string;
  /** The achievement of a program is its page here: `${webUrl}/programs/<slug>`. */
  webUrl: string;
  /** Default "LearninGPT". */
  name?: string;
}

/** A new Ed25519 private key, PKCS#8 PEM (what CREDENTIAL_SIGNING_KEY holds). */
export function generateSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** The key in a PEM, checked to be an Ed25519 private key; throws a readable error otherwise. */
export function parseSigningKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error('The credential signing key is not a PKCS#8 PEM private key');
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`The credential signing key must be an Ed25519 key (got ${key.asymmetricKeyType ?? 'unknown'})`);
  }
  return key;
}

/** `<repo>/.data/credential-signing-key.pem`: this file and the server's bundle both sit three levels below the repo. */
export function defaultSigningKeyFile(): string {
  return fileURLToPath(new URL('../../../.data/credential-signing-key.pem', import.meta.url));
}

/**
 * Development: the key kept in a git-ignored file, made on first start and reused after, so
 * credentials issued yesterday still verify today. Concurrent first starts agree on one key
 * (the file is created exclusively; the loser reads the winner's).
 */
export function loadOrCreateSigningKeyFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const pem = generateSigningKeyPem();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, pem, { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
    return pem;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

const b64url = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');

/** RFC 7638 thumbprint of an OKP key: the key id, stable for as long as the key is. */
function thumbprint(x: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
    .digest('base64url');
}

export class OpenBadgeIssuer {
  readonly publicJwk: PublicSigningJwk;
  readonly profileUrl: string;
  readonly jwksUrl: string;
  private readonly key: KeyObject;
  private readonly name: string;
  private readonly url: string;
  private readonly webUrl: string;

  constructor(opts: OpenBadgeIssuerOptions) {
    this.key = parseSigningKey(opts.privateKeyPem);
    const { x } = createPublicKey(this.key).export({ format: 'jwk' }) as JsonWebKey & { x: string };
    this.publicJwk = { kty: 'OKP', crv: 'Ed25519', x, kid: thumbprint(x), alg: 'EdDSA', use: 'sig' };
    this.profileUrl = opts.profileUrl;
    this.jwksUrl = opts.jwksUrl;
    this.name = opts.name ?? 'LearninGPT';
    this.url = opts.url;
    this.webUrl = opts.webUrl.replace(/\/+$/, '');
  }

  jwks(): { keys: PublicSigningJwk[] } {
    return { keys: [this.publicJwk] };
  }

  /** The issuer's Open Badges Profile, with the key its credentials are signed with. */
  profile() {
    return {
      '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3],
      id: this.profileUrl,
      type: ['Profile'],
      name: this.name,
      url: this.url,
      verificationMethod: [
        {
          id: `${this.profileUrl}#${this.publicJwk.kid}`,
          type: 'JsonWebKey',
          controller: this.profileUrl,
          publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: this.publicJwk.x },
        },
      ],
    };
  }

  credential(facts: CertificateCredentialFacts): OpenBadgeCredential {
    return {
      '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3],
      id: `urn:uuid:${facts.certificateId}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: this.profileUrl, type: ['Profile'], name: this.name, url: this.url },
      validFrom: facts.issuedAt.toISOString(),
      name: `${facts.program.title}: Certificate of Completion`,
      credentialSubject: {
        id: `urn:uuid:${facts.learner.id}`,
        type: ['AchievementSubject'],
        // The name the certificate shows, as it shows it (no email: the credential is public).
        identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.learner.name }],
        achievement: {
          id: `${this.webUrl}/programs/${encodeURIComponent(facts.program.slug)}`,
          type: ['Achievement'],
          achievementType: 'Certificate',
          name: facts.program.title,
          description: facts.program.description.slice(0, 1000),
          criteria: { narrative: "Pass the program's exam with at least its passing score." },
        },
        result: [{ type: ['Result'], value: `${facts.score}%` }],
      },
    };
  }

  /** The credential and its VC-JWT. The same facts sign to the same token (Ed25519 is deterministic). */
  issue(facts: CertificateCredentialFacts): { credential: OpenBadgeCredential; jwt: string } {
    const credential = this.credential(facts);
    const header = { alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: this.publicJwk.kid };
    const seconds = Math.floor(facts.issuedAt.getTime() / 1000);
    // The registered claims repeat what the credential says, for JWT libraries that read them.
    const payload = {
      ...credential,
      iss: credential.issuer.id,
      jti: credential.id,
      sub: credential.credentialSubject.id,
      iat: seconds,
      nbf: seconds,
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = sign(null, Buffer.from(input), this.key);
    return { credential, jwt: `${input}.${b64url(signature)}` };
  }
}

/**
 * Checks a VC-JWT against a published key set, as any verifier would: EdDSA over
 * `header.payload`, with the key named by `kid`. Answers the payload, or throws.
 */
export function verifyCredentialJwt(
  jwt: string,
  jwks: { keys: { kid?: string; kty: string; crv?: string; x?: string }[] },
) {
  const parts = jwt.split('.');
  if (parts.length !== 3) throw new Error('Not a JWT');
  const [h, p, s] = parts as [string, string, string];
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string; kid?: string };
  if (header.alg !== 'EdDSA') throw new Error(`Unexpected alg ${header.alg}`);
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new Error(`No published key ${header.kid}`);
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  if (!verify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) throw new Error('Bad signature');
  return JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
}
