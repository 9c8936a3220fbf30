/** Where uploaded files live. Two implementations: the local disk (dev) and UploadThing. */
export interface FileStorage {
  /** Which one this is (recorded on UploadedFile.storage). */
  readonly provider: 'local' | 'uploadthing';
  /**
   * Stores a file. `key` is a suggestion: the local disk keeps it, UploadThing answers its own
   * file key. Use the returned key for `delete`.
   */
  put(file: { key: string; bytes: Uint8Array; contentType: string; name: string }): Promise<StoredFile>;
  /** Removes a file; a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

export interface StoredFile {
  key: string;
  /** Where the file can be fetched from (a public URL). */
  url: string;
}
