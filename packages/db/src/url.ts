// Small helpers for PostgreSQL connection URLs, shared by the client factory, the migration
// runner and the test harness. Depends on nothing.

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** The database named in the URL ('' when none). */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}

/**
 * Prisma URLs may carry `?schema=name`. `pg` ignores it (and @prisma/adapter-pg 7.10 with it),
 * so it is taken off the URL and applied explicitly: as PrismaPg's `schema` option and as the
 * session's search_path.
 */
export function splitSchemaParam(url: string): { connectionString: string; schema: string | undefined } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { connectionString: url, schema: undefined }; // not a URL (key=value form): leave it to pg
  }
  const schema = u.searchParams.get('schema') ?? undefined;
  if (schema === undefined) return { connectionString: url, schema };
  u.searchParams.delete('schema');
  return { connectionString: u.toString(), schema };
}

/** `"name"` with embedded quotes doubled: a safe SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
