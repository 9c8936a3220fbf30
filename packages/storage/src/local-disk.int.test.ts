import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from './create-storage';
import { LocalDiskStorage } from './local-disk';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

describe('LocalDiskStorage', () => {
  it('keeps files under its directory and names their public URL', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uploads-'));
    dirs.push(dir);
    const storage = createStorage({ UPLOADS_DIR: dir, PUBLIC_API_URL: 'http://api.test/' });
    expect(storage).toBeInstanceOf(LocalDiskStorage);
    const local = storage as LocalDiskStorage;

    const stored = await local.put({
      key: 'a_1.png',
      bytes: Buffer.from('x'),
      contentType: 'image/png',
      name: 'a.png',
    });
    expect(stored).toEqual({ key: 'a_1.png', url: 'http://api.test/uploads/a_1.png' });
    expect(await fs.readdir(dir)).toEqual(['a_1.png']);
    expect(await local.read('a_1.png')).toEqual({ bytes: Buffer.from('x'), contentType: 'image/png' });

    // Certificates are PDFs: served as such, so a browser opens or saves them as documents.
    await local.put({
      key: 'certificate-1.pdf',
      bytes: Buffer.from('%PDF-'),
      contentType: 'application/pdf',
      name: 'c.pdf',
    });
    expect((await local.read('certificate-1.pdf'))?.contentType).toBe('application/pdf');
    await local.delete('certificate-1.pdf');

    await local.delete('a_1.png');
    await local.delete('a_1.png'); // gone already: fine
    expect(await local.read('a_1.png')).toBeUndefined();
  });

  it('refuses keys that could leave the directory', async () => {
    const local = new LocalDiskStorage({ dir: path.join(os.tmpdir(), 'never-used'), publicUrl: 'http://x' });
    for (const key of ['../etc/passwd', '.hidden', 'a/b.png', '', 'a\\b']) {
      expect(await local.read(key)).toBeUndefined();
      await expect(local.put({ key, bytes: new Uint8Array(), contentType: 'x', name: 'x' })).rejects.toThrow(/Unsafe/);
    }
  });
});
