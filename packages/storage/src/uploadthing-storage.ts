// UploadThing through its own server SDK (UTApi). `apiUrl`/`ingestUrl` point it elsewhere
// (tests run it against a local fake of the service, see ./testing/fake-uploadthing).
import { UTApi, UTFile } from 'uploadthing/server';
import type { FileStorage, StoredFile } from './storage';

export interface UploadThingStorageOptions {
  /** UPLOADTHING_TOKEN: base64 JSON { apiKey, appId, regions }. */
  token: string;
  /** The REST API root (default https://api.uploadthing.com); used by delete. */
  apiUrl?: string;
  /** The upload host (default https://<region>.ingest.uploadthing.com). */
  ingestUrl?: string;
  /** The SDK's own log level (default Error). */
  logLevel?: 'None' | 'Error' | 'Warning' | 'Info' | 'Debug';
}

export class UploadThingStorage implements FileStorage {
  readonly provider = 'uploadthing' as const;
  private readonly api: UTApi;

  constructor(opts: UploadThingStorageOptions) {
    this.api = new UTApi({
      token: opts.token,
      ...(opts.apiUrl ? { apiUrl: opts.apiUrl } : {}),
      ...(opts.ingestUrl ? { ingestUrl: opts.ingestUrl } : {}),
      logLevel: opts.logLevel ?? 'Error',
    });
  }

  async put(file: { key: string; bytes: Uint8Array; contentType: string; name: string }): Promise<StoredFile> {
    // (BlobPropertyBag's `type` is not in @types/node 20's globals, hence the cast.)
    const options = { type: file.contentType, customId: file.key } as ConstructorParameters<typeof UTFile>[2];
    const upload = new UTFile([file.bytes as Uint8Array<ArrayBuffer>], file.name, options);
    const result = await this.api.uploadFiles(upload);
    if (result.error) {
      throw new Error(`UploadThing upload failed: ${result.error.code}: ${result.error.message}`);
    }
    return { key: result.data.key, url: result.data.ufsUrl };
  }

  async delete(key: string): Promise<void> {
    await this.api.deleteFiles(key);
  }
}
