// The development signing key on a real directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateSigningKeyFile, OpenBadgeIssuer } from './credentials';

const kidOf = (pem: string) =>
  new OpenBadgeIssuer({
    privateKeyPem: pem,
    profileUrl: 'https://api.example.com/api/certificates/issuer',
    jwksUrl: 'https://api.example.com/.well-known/jwks.json',
    url: 'https://app.example.com',
    webUrl: 'https://app.example.com',
  }).publicJwk.kid;

describe('the development signing key file', () => {
  it('keeps a development key in a file: made once, then reused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgpt-key-'));
    try {
      const file = path.join(dir, 'nested', 'key.pem');
      const first = loadOrCreateSigningKeyFile(file);
      expect(loadOrCreateSigningKeyFile(file)).toBe(first);
      expect(kidOf(first)).toBe(kidOf(fs.readFileSync(file, 'utf8')));
      expect(fs.statSync(file).mode & 0o077).toBe(0); // readable by its owner only
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
