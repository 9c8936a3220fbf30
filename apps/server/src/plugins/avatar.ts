// POST /api/users/avatar: the signed-in user's avatar, as multipart/form-data with one file field
// named `avatar`. The type is decided from the bytes (JPEG, PNG, WebP, GIF), never from the file
// name or a Content-Type; the size is capped by AVATAR_MAX_BYTES. The file goes through the
// storage adapter (local disk or UploadThing), is recorded as an UploadedFile, becomes
// User.avatarUrl, and the previous avatar file is removed after the commit (best effort).
//
// GET /uploads/:key: the local disk's files (only when it is the storage in use).
//
// A plain route, not a procedure: it is not in the OpenAPI document (see README "Uploads").
import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Db } from '@learningpt/db';
import { ACCEPTED_IMAGE_TYPES, detectImageType, LocalDiskStorage, type FileStorage } from '@learningpt/storage';
import type { Config } from '../config';
import { sendError } from '../errors';

const mib = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 100) / 100} MiB`;

export async function registerAvatar(
  app: FastifyInstance,
  { db, config, storage }: { db: Db; config: Config; storage: FileStorage },
) {
  const maxBytes = config.AVATAR_MAX_BYTES;
  const tooBig = `The avatar is too large: at most ${mib(maxBytes)} (${maxBytes} bytes).`;

  await app.register(async (scope) => {
    // Only this scope parses multipart bodies.
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });

    scope.post('/api/users/avatar', { schema: { hide: true } }, async (req, reply) => {
      const session = req.authSession;
      if (!session) return sendError(reply, 401, 'UNAUTHORIZED', 'Please sign in to continue.');
      if (!req.isMultipart()) {
        return sendError(
          reply,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the avatar as multipart/form-data with one file field named "avatar".',
        );
      }
      const declared = Number(req.headers['content-length']);
      // The multipart framing adds a few hundred bytes; far beyond the cap is refused unread.
      if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) {
        return sendError(reply, 413, 'PAYLOAD_TOO_LARGE', tooBig);
      }

      let bytes: Buffer;
      try {
        const part = await req.file();
        if (!part || part.fieldname !== 'avatar') {
          return sendError(reply, 400, 'BAD_REQUEST', 'Send the image in a file field named "avatar".');
        }
        bytes = await part.toBuffer();
      } catch (err) {
        const e = err as { code?: string; statusCode?: number };
        if (e.code === 'FST_REQ_FILE_TOO_LARGE') return sendError(reply, 413, 'PAYLOAD_TOO_LARGE', tooBig);
        if (e.statusCode && e.statusCode < 500) {
          return sendError(
            reply,
            400,
            'BAD_REQUEST',
            'Send the avatar as multipart/form-data with one file field named "avatar".',
          );
        }
        throw err;
      }

      const type = detectImageType(bytes);
      if (!type) {
        return sendError(
          reply,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `This file is not an image we accept. Accepted types: ${ACCEPTED_IMAGE_TYPES.join(', ')}.`,
        );
      }

      const userId = session.user.userId;
      const stored = await storage.put({
        key: `avatar_${randomUUID()}.${type.ext}`,
        bytes,
        contentType: type.mime,
        name: `avatar.${type.ext}`,
      });

      let previous: { key: string; storage: string }[];
      try {
        previous = await db.$transaction(async (tx) => {
          const old = await tx.uploadedFile.findMany({
            where: { ownerId: userId, purpose: 'avatar' },
            select: { id: true, key: true, storage: true },
          });
          await tx.uploadedFile.create({
            data: {
              ownerId: userId,
              purpose: 'avatar',
              storage: storage.provider,
              key: stored.key,
              url: stored.url,
              mimeType: type.mime,
              sizeBytes: bytes.length,
            },
          });
          await tx.user.update({ where: { id: userId }, data: { avatarUrl: stored.url } });
          if (old.length) await tx.uploadedFile.deleteMany({ where: { id: { in: old.map((f) => f.id) } } });
          return old;
        });
      } catch (err) {
        // Nothing points at the new file: take it away again.
        await storage.delete(stored.key).catch(() => {});
        throw err;
      }

      // After the commit: a failure here leaves an orphan file, never a broken avatar.
      for (const old of previous) {
        if (old.storage !== storage.provider) {
          req.log.warn({ key: old.key, storage: old.storage }, 'previous avatar kept: stored by another provider');
          continue;
        }
        await storage
          .delete(old.key)
          .catch((err: unknown) => req.log.warn({ err, key: old.key }, 'could not delete the previous avatar'));
      }

      return { success: true, user: { avatarUrl: stored.url } };
    });
  });

  if (storage instanceof LocalDiskStorage) {
    const local = storage;
    app.get<{ Params: { key: string } }>('/uploads/:key', { schema: { hide: true } }, async (req, reply) => {
      const file = await local.read(req.params.key);
      if (!file) return sendError(reply, 404, 'NOT_FOUND', 'No such file.');
      return (
        reply
          .type(file.contentType)
          .header('x-content-type-options', 'nosniff')
          // Keys are never reused: a key always names the same bytes.
          .header('cache-control', 'public, max-age=31536000, immutable')
          // The web apps (other ports of the same site in dev) show these images.
          .header('cross-origin-resource-policy', 'cross-origin')
          .send(file.bytes)
      );
    });
  }
}
