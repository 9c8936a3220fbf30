// Kept apart from the SDK so the server's config can check a token without loading uploadthing.

/** True when a token looks like an UploadThing token (base64 JSON with apiKey, appId, regions). */
export function isUploadThingToken(token: string): boolean {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Record<string, unknown>;
    return (
      typeof parsed.apiKey === 'string' &&
      typeof parsed.appId === 'string' &&
      Array.isArray(parsed.regions) &&
      parsed.regions.length > 0
    );
  } catch {
    return false;
  }
}
