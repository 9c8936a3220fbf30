// Certificate routes outside the router:
//   GET /api/certificates/:id/pdf   the PDF's bytes (both router faces answer JSON, so the bytes are
//                                   a plain route; certificates.download says where and whether ready)
//   GET /.well-known/jwks.json      the public key Open Badges credentials are signed with
//   GET /api/certificates/issuer    the issuer's Open Badges profile (the credentials' issuer.id)
// and the credential issuer itself, whose key comes from CREDENTIAL_SIGNING_KEY (in development a
// key kept in .data/, in tests one made per server).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  defaultSigningKeyFile,
  generateSigningKeyPem,
  loadOrCreateSigningKeyFile,
  OpenBadgeIssuer,
} from '@learningpt/certificates/credentials';
import { findCertificatePdf } from '@learningpt/core';
import type { Db } from '@learningpt/db';
import { LocalDiskStorage, type FileStorage } from '@learningpt/storage';
import type { Config } from '../config';
import { sendError } from '../errors';

export const JWKS_PATH = '/.well-known/jwks.json';
export const ISSUER_PROFILE_PATH = '/api/certificates/issuer';

type IssuerConfig = Pick<Config, 'NODE_ENV' | 'CREDENTIAL_SIGNING_KEY' | 'PUBLIC_API_URL' | 'PUBLIC_WEB_URL'>;

/**
 * The signing key: CREDENTIAL_SIGNING_KEY when set (production requires it); otherwise, in
 * development, the one kept in .data/credential-signing-key.pem (made on first start), and in
 * tests a fresh one per server.
 */
export function signingKeyPem(config: IssuerConfig, opts: { devKeyFile?: string } = {}): string {
  if (config.CREDENTIAL_SIGNING_KEY) return config.CREDENTIAL_SIGNING_KEY;
  if (config.NODE_ENV === 'development') return loadOrCreateSigningKeyFile(opts.devKeyFile ?? defaultSigningKeyFile());
  if (config.NODE_ENV === 'test') return generateSigningKeyPem();
  // loadConfig refuses production without it; this is for a Config built some other way.
  throw new Error('CREDENTIAL_SIGNING_KEY is required in production');
}

export function createCredentialIssuer(config: IssuerConfig, opts: { devKeyFile?: string } = {}): OpenBadgeIssuer {
  return new OpenBadgeIssuer({
    privateKeyPem: signingKeyPem(config, opts),
    profileUrl: config.PUBLIC_API_URL + ISSUER_PROFILE_PATH,
    jwksUrl: config.PUBLIC_API_URL + JWKS_PATH,
    url: config.PUBLIC_WEB_URL,
    webUrl: config.PUBLIC_WEB_URL,
  });
}

const ZParams = z.object({ id: z.uuid() });

export async function registerCertificates(
  app: FastifyInstance,
  { db, storage, issuer }: { db: Db; storage: FileStorage; issuer: OpenBadgeIssuer },
) {
  // Public keys change only with the key: caches may keep them for a while.
  app.get(JWKS_PATH, { schema: { hide: true } }, async (_req, reply) =>
    reply.type('application/jwk-set+json').header('cache-control', 'public, max-age=3600').send(issuer.jwks()),
  );
  app.get(ISSUER_PROFILE_PATH, { schema: { hide: true } }, async (_req, reply) =>
    reply.type('application/json').header('cache-control', 'public, max-age=3600').send(issuer.profile()),
  );

  app.get('/api/certificates/:id/pdf', { schema: { hide: true } }, async (req, reply) => {
    const params = ZParams.safeParse(req.params);
    if (!params.success) return sendError(reply, 400, 'BAD_REQUEST', 'Must be a valid certificate id (UUID)');
    // Not found / not rendered yet (409 with Retry-After) go through the app's error handler.
    const file = await findCertificatePdf({ db, certificateId: params.data.id });
    if (file.storage === 'local' && storage instanceof LocalDiskStorage) {
      const stored = await storage.read(file.key);
      if (!stored) {
        req.log.error({ key: file.key }, 'certificate PDF recorded but missing from the disk');
        return sendError(reply, 404, 'NOT_FOUND', 'The certificate PDF is missing');
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'public, max-age=300')
        .send(stored.bytes);
    }
    // Stored at UploadThing: its CDN serves the bytes.
    return reply.redirect(file.url, 302);
  });
}
