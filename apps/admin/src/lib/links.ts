/**
 * The web app's origin, for links that open it (the program editor). Set at build time with
 * VITE_WEB_URL; the local default is the web app's dev server.
 */
export const WEB_URL = (import.meta.env.VITE_WEB_URL || 'http://localhost:5173').replace(/\/+$/, '');

/** The web app's editor of one program (admins may edit any program there). */
export function programEditorUrl(programId: string): string {
  return `${WEB_URL}/teach/programs/${encodeURIComponent(programId)}`;
}

/**
 * `value` as an absolute http(s) URL, or null: links people sent us are only rendered when they
 * cannot run script (javascript:, data:) or point somewhere odd.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
