/** What the image upload routes accept (the server checks the bytes; this only filters the picker). */
export const ACCEPTED_IMAGE_INPUT = 'image/png,image/jpeg,image/webp,image/gif';

/** A refusal from an upload route, carrying the server's message (shown as is). */
export class UploadError extends Error {}

/**
 * Sends one image to a multipart upload route of the API (`/api/users/avatar`,
 * `/api/programs/{id}/thumbnail`) in a file field named `field`. Same origin (the dev servers
 * proxy /api), so the session cookie goes along. Answers the route's JSON body; a refusal
 * becomes an UploadError with the server's message.
 */
export async function uploadImage<T extends object>(path: string, field: string, file: File): Promise<T> {
  const body = new FormData();
  body.append(field, file);
  const res = await fetch(path, { method: 'POST', body, credentials: 'include' });
  const json = (await res.json().catch(() => null)) as (T & { success?: boolean; error?: { message?: string } }) | null;
  if (!res.ok || !json?.success) {
    throw new UploadError(json?.error?.message ?? `The upload failed (HTTP ${res.status}). Please try again.`);
  }
  return json;
}
