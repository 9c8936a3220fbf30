// Where the credential signing key comes from: CREDENTIAL_SIGNING_KEY (checked at start), a key
// kept in a file in development, a fresh one per server in tests; production insists on it.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPem } from '@learningpt/certificates/credentials';
import { loadConfig } from '../../config';
import { createCredentialIssuer } from '../../plugins/certificates';

const DB = 'postgresql://postgres:secret@localhost:5432/learningpt';
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lgpt-signing-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('the credential signing key', () => {
  it('is read from CREDENTIAL_SIGNING_KEY, with newlines written as \\n as .env files need', () => {
    const pem = generateSigningKeyPem();
    const oneLine = pem.trim().replace(/\n/g, '\\n');
    const a = createCredentialIssuer(loadConfig({ DATABASE_URL: DB, NODE_ENV: 'test', CREDENTIAL_SIGNING_KEY: pem }));
    const b = createCredentialIssuer(
      loadConfig({ DATABASE_URL: DB, NODE_ENV: 'test', CREDENTIAL_SIGNING_KEY: oneLine }),
    );
    expect(b.publicJwk).toEqual(a.publicJwk);
  });

  it('refuses a key that is not an Ed25519 PKCS#8 PEM, without printing it', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' });
    for (const bad of [rsa.toString(), 'not a key']) {
      let message = '';
      try {
        loadConfig({ DATABASE_URL: DB, NODE_ENV: 'development', CREDENTIAL_SIGNING_KEY: bad });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/CREDENTIAL_SIGNING_KEY must be an Ed25519 private key/);
      expect(message).toContain('value hidden');
      expect(message).not.toContain(bad.slice(0, 40));
    }
  });

  it('is kept in a file in development, the same across restarts', async () => {
    const devKeyFile = path.join(dir, '.data', 'credential-signing-key.pem');
    const config = loadConfig({ DATABASE_URL: DB, NODE_ENV: 'development' });
    const first = createCredentialIssuer(config, { devKeyFile });
    const again = createCredentialIssuer(config, { devKeyFile });
    expect(again.publicJwk.kid).toBe(first.publicJwk.kid);
    expect(await fs.readFile(devKeyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('is made per server in tests, and required in production', () => {
    const config = loadConfig({ DATABASE_URL: DB, NODE_ENV: 'test' });
    expect(createCredentialIssuer(config).publicJwk.kid).not.toBe(createCredentialIssuer(config).publicJwk.kid);
    expect(() =>
      loadConfig({
        DATABASE_URL: DB,
        NODE_ENV: 'production',
        APP_ORIGINS: 'https://app.example.com',
        PUBLIC_WEB_URL: 'https://app.example.com',
        PUBLIC_API_URL: 'https://api.example.com',
        RESEND_API_KEY: 're_live_key',
        MAIL_FROM: 'LearninGPT <no-reply@example.com>',
      }),
    ).toThrow(/CREDENTIAL_SIGNING_KEY: required when NODE_ENV=production/);
  });
});
