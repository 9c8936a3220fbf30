// The file type decided from the bytes themselves (magic numbers), never from a name or a header.
// Four formats, a few fixed signatures each: a dependency (file-type) would add an async API and
// ~3 packages for what is a dozen lines here.

export interface ImageType {
  mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';
  ext: 'jpg' | 'png' | 'webp' | 'gif';
}

export const ACCEPTED_IMAGE_TYPES: readonly ImageType['mime'][] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
];

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** JPEG, PNG, WebP or GIF by their signatures; null for anything else. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  // JPEG: SOI marker then the start of another marker.
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  // PNG: the 8-byte signature, then the IHDR chunk.
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && startsWith(bytes, ascii('IHDR'), 12)) {
    return { mime: 'image/png', ext: 'png' };
  }
  // WebP: a RIFF container of form type WEBP with a VP8/VP8L/VP8X chunk.
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBPVP8'), 8)) {
    return { mime: 'image/webp', ext: 'webp' };
  }
  // GIF: GIF87a or GIF89a.
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')))
    return { mime: 'image/gif', ext: 'gif' };
  return null;
}
