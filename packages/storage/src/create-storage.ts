import { LocalDiskStorage } from './local-disk';
import type { FileStorage } from './storage';
import { UploadThingStorage } from './uploadthing-storage';

/** The settings storage is chosen by (a subset of the server's config). */
export interface StorageConfig {
  /** Set: store files at UploadThing. Unset: on the local disk. */
  UPLOADTHING_TOKEN?: string | undefined;
  UPLOADTHING_API_URL?: string | undefined;
  UPLOADTHING_INGEST_URL?: string | undefined;
  /** The local disk's directory. Default `<repo>/.data/uploads`. */
  UPLOADS_DIR?: string | undefined;
  /** The API's public origin; local files are served at `${PUBLIC_API_URL}/uploads/<key>`. */
  PUBLIC_API_URL: string;
}

/** The one place that decides where uploaded files go. */
export function createStorage(config: StorageConfig): FileStorage {
  if (config.UPLOADTHING_TOKEN) {
    return new UploadThingStorage({
      token: config.UPLOADTHING_TOKEN,
      ...(config.UPLOADTHING_API_URL ? { apiUrl: config.UPLOADTHING_API_URL } : {}),
      ...(config.UPLOADTHING_INGEST_URL ? { ingestUrl: config.UPLOADTHING_INGEST_URL } : {}),
    });
  }
  return new LocalDiskStorage({
    publicUrl: config.PUBLIC_API_URL,
    ...(config.UPLOADS_DIR ? { dir: config.UPLOADS_DIR } : {}),
  });
}
