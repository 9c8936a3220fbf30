// Image uploads, as multipart/form-data with exactly one file field:
//   POST /api/users/avatar                 field `avatar`     the signed-in user's picture (AVATAR_MAX_BYTES)
//   POST /api/programs/:id/thumbnail       field `thumbnail`  a program's image, owner or admin (THUMBNAIL_MAX_BYTES)
// The type is decided from the bytes (JPEG, PNG, WebP, GIF), never from the file name or a
// Content-Type. The file goes through the storage adapter (local disk or UploadThing), is recorded
// as an UploadedFile in the same transaction as the change that points at it; in that transaction
// the file it replaces loses its row and a `delete_stored_file` job is queued, which the worker
// runs after the commit (retried if the storage fails).
//
// GET /uploads/:key: the local disk's files (only when it is the storage in use).
//
// Plain routes, not procedures: they are not in the OpenAPI document (see README "Uploads").
import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  assertMayChangeThumbnail,
  attachAvatar,
  attachThumbnail,
  type Clock,
  type StoredUpload,
} from '@learningpt/core';
import type { Db } from '@learningpt/db';
import { ACCEPTED_IMAGE_TYPES, detectImageType, LocalDiskStorage, type FileStorage } from '@learningpt/storage';
import type { Config } from '../config';
import { errorAnswer } from '@learningpt/api';
import { sendError, sendErrorAnswer } from '../errors';

const mib = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 100) / 100} MiB`;

interface ImageField {
  /** The form field that carries the file. */
  field: string;
  /** What the file is, for messages ("avatar", "thumbnail"). */
  what: string;
  maxBytes: number;
}

/**
 * Reads one image from a multipart request. Answers the bytes and their type, or sends the 4xx
 * that explains what to send instead and answers null.
 */
async function receiveImage(
  req: FastifyRequest,
  reply: FastifyReply,
  { field, what, maxBytes }: ImageField,
): Promise<{ bytes: Buffer; type: { mime: string; ext: string } } | null> {
  const howTo = `Send the ${what} as multipart/form-data with one file field named "${field}".`;
  const tooBig = `The ${what} is too large: at most ${mib(maxBytes)} (${maxBytes} bytes).`;
  if (!req.isMultipart()) {
    await sendError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', howTo);
    return null;
  }
  const declared = Number(req.headers['content-length']);
  // The multipart framing adds a few hundred bytes; far beyond the cap is refused unread.
  if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) {
    await sendError(reply, 413, 'PAYLOAD_TOO_LARGE', tooBig);
    return null;
  }

  let bytes: Buffer;
  try {
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
    if (!part || part.fieldname !== field) {
      await sendError(reply, 400, 'BAD_REQUEST', `Send the image in a file field named "${field}".`);
      return null;
    }
    bytes = await part.toBuffer();
  } catch (err) {
    const e = err as { code?: string; statusCode?: number };
    if (e.code === 'FST_REQ_FILE_TOO_LARGE') {
      await sendError(reply, 413, 'PAYLOAD_TOO_LARGE', tooBig);
      return null;
    }
    if (e.statusCode && e.statusCode < 500) {
      await sendError(reply, 400, 'BAD_REQUEST', howTo);
      return null;
    }
    throw err;
  }

  const type = detectImageType(bytes);
  if (!type) {
    await sendError(
      reply,
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `This file is not an image we accept. Accepted types: ${ACCEPTED_IMAGE_TYPES.join(', ')}.`,
    );
    return null;
  }
  return { bytes, type };
}

const ZProgramParams = z.object({ id: z.uuid() });

export async function registerUploads(
  app: FastifyInstance,
  { db, clock, config, storage }: { db: Db; clock: Clock; config: Config; storage: FileStorage },
) {
  /** Stores the bytes, then runs `attach`; if attaching fails, the stored file is taken away again. */
  async function storeAndAttach<T>(
    image: { bytes: Buffer; type: { mime: string; ext: string } },
    prefix: string,
    attach: (upload: StoredUpload) => Promise<T>,
  ): Promise<T> {
    const { bytes, type } = image;
    const stored = await storage.put({
      key: `${prefix}_${randomUUID()}.${type.ext}`,
      bytes,
      contentType: type.mime,
      name: `${prefix}.${type.ext}`,
    });
    try {
      // The replaced file, if any, is queued for deletion inside attach's transaction.
      return await attach({
        provider: storage.provider,
        key: stored.key,
        url: stored.url,
        mimeType: type.mime,
        sizeBytes: bytes.length,
      });
    } catch (err) {
      // Nothing points at the new file.
      await storage.delete(stored.key).catch(() => {});
      throw err;
    }
  }

  /** A domain refusal as the REST envelope, with the same status the API gives it. */
  function sendAppError(reply: FastifyReply, err: unknown) {
    const answer = errorAnswer(err);
    if (answer.unexpected) throw err; // Fastify's error handler logs it and answers the 500.
    return sendErrorAnswer(reply, answer);
  }

  await app.register(async (scope) => {
    // Only this scope parses multipart bodies; each route sets its own limits.
    await scope.register(multipart, { limits: { files: 1, fields: 0, parts: 1 } });

    scope.post('/api/users/avatar', { schema: { hide: true } }, async (req, reply) => {
      const session = req.authSession;
      if (!session) return sendError(reply, 401, 'UNAUTHORIZED', 'Please sign in to continue.');
      const image = await receiveImage(req, reply, {
        field: 'avatar',
        what: 'avatar',
        maxBytes: config.AVATAR_MAX_BYTES,
      });
      if (!image) return reply;
      const userId = session.user.userId;
      const user = await storeAndAttach(image, 'avatar', (upload) => attachAvatar({ db, userId, upload }));
      return { success: true, user };
    });

    scope.post<{ Params: { id: string } }>(
      '/api/programs/:id/thumbnail',
      { schema: { hide: true } },
      async (req, reply) => {
        const session = req.authSession;
        if (!session) return sendError(reply, 401, 'UNAUTHORIZED', 'Please sign in to continue.');
        const params = ZProgramParams.safeParse(req.params);
        if (!params.success) return sendError(reply, 400, 'BAD_REQUEST', 'Must be a valid program id (UUID).');
        const viewer = { userId: session.user.userId, role: session.user.role };
        const programId = params.data.id;
        try {
          // Refused before anything is read or stored.
          await assertMayChangeThumbnail({ db, viewer, programId });
          const image = await receiveImage(req, reply, {
            field: 'thumbnail',
            what: 'thumbnail',
            maxBytes: config.THUMBNAIL_MAX_BYTES,
          });
          if (!image) return reply;
          const { program } = await storeAndAttach(image, 'thumbnail', (upload) =>
            attachThumbnail({ db, clock, viewer, programId, upload }),
          );
          return { success: true, program };
        } catch (err) {
          return sendAppError(reply, err);
        }
      },
    );
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
