// Local storage for development: files under <repo>/.data/uploads (git-ignored), served by the
// API at `${publicUrl}/uploads/<key>`.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileStorage, StoredFile } from './storage';

/** Keys the local disk accepts: one flat name, no path separators, no leading dot. */
export const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,150}(\.[A-Za-z0-9]{1,10})?$/;

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  // Certificates (rendered by the worker, named by it).
  pdf: 'application/pdf',
};

/** The content type a key is served with (by its extension, which we chose from the bytes). */
export function contentTypeForKey(key: string): string {
  return TYPES[key.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** `<repo>/.data/uploads`: this file and the server's bundle both sit three levels below the repo. */
export function defaultUploadsDir(): string {
  return fileURLToPath(new URL('../../../.data/uploads', import.meta.url));
}

export interface LocalDiskStorageOptions {
  /** Default `<repo>/.data/uploads`. */
  dir?: string;
  /** The API's public origin, e.g. http://localhost:3000 (files are served at /uploads/<key>). */
  publicUrl: string;
}

export class LocalDiskStorage implements FileStorage {
  readonly provider = 'local' as const;
  readonly dir: string;
  private readonly publicUrl: string;

  constructor(opts: LocalDiskStorageOptions) {
    this.dir = path.resolve(opts.dir ?? defaultUploadsDir());
    this.publicUrl = opts.publicUrl.replace(/\/+$/, '');
  }

  async put(file: { key: string; bytes: Uint8Array; contentType: string; name: string }): Promise<StoredFile> {
    const file_ = this.file(file.key);
    await fs.mkdir(this.dir, { recursive: true });
    // Written whole to a temporary name, then renamed into place: readers never see half a file.
    const tmp = path.join(this.dir, `.${file.key}.${randomBytes(4).toString('hex')}.tmp`);
    await fs.writeFile(tmp, file.bytes, { flag: 'wx' });
    await fs.rename(tmp, file_);
    return { key: file.key, url: `${this.publicUrl}/uploads/${file.key}` };
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }

  /** The bytes and type of a stored file, or undefined (unknown or unsafe key). */
  async read(key: string): Promise<{ bytes: Buffer; contentType: string } | undefined> {
    if (!SAFE_KEY.test(key)) return undefined;
    try {
      return { bytes: await fs.readFile(this.file(key)), contentType: contentTypeForKey(key) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  private file(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
    return path.join(this.dir, key);
  }
}
