// pnpm user:create --role admin --email you@example.com --password '…' [--name 'Your Name']
// Creates a verified account of any role (the first admin, instructors) straight in the
// database, with the same password rules as sign-up. Exit codes: 0 created, 1 refused
// (bad arguments, weak password, address taken), 2 unexpected failure.
//   DATABASE_URL set:   that database
//   DATABASE_URL unset: the embedded dev PostgreSQL (.data/postgres), as `pnpm dev` uses
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import {
  AppError,
  assertAcceptablePassword,
  hashPassword,
  systemClock,
  writeAudit,
  type Clock,
} from '@learningpt/core';
import { createDb, isUniqueViolation, type Db } from '@learningpt/db';
import {
  defaultDevDataDir,
  devPort,
  ensureDatabase,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedPostgresHandle,
} from '@learningpt/db/postgres';
import { ZEmail, ZNewPassword, ZPersonName, ZRole } from '@learningpt/schema';

const USAGE = `Usage: pnpm user:create --role <student|instructor|admin> --email <address> --password <password> [--name <name>]`;

export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface ParsedArgs {
  role: 'student' | 'instructor' | 'admin';
  email: string;
  password: string;
  name: string;
}

/** Reads and validates the arguments; throws a CliError saying what is wrong. */
export function parseUserCreateArgs(argv: string[]): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        role: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) throw new CliError(USAGE);
  const missing = ['role', 'email', 'password'].filter((k) => typeof values[k] !== 'string');
  if (missing.length) throw new CliError(`Missing ${missing.map((m) => `--${m}`).join(', ')}.\n${USAGE}`);
  const problems: string[] = [];
  const role = ZRole.safeParse(values.role);
  if (!role.success) problems.push('--role must be student, instructor or admin');
  const email = ZEmail.safeParse(values.email);
  if (!email.success) problems.push('--email must be a valid email address');
  const password = ZNewPassword.safeParse(values.password);
  if (!password.success) problems.push(`--${password.error.issues[0]!.message}`);
  const name = ZPersonName.safeParse(values.name ?? (email.success ? email.data.split('@')[0] : 'User'));
  if (!name.success) problems.push('--name must be 1 to 100 characters');
  if (problems.length) throw new CliError(problems.join('\n'));
  return { role: role.data!, email: email.data!, password: password.data!, name: name.data! };
}

/** Creates the account; throws a CliError when it is refused. */
export async function userCreate(argv: string[], { db, clock = systemClock }: { db: Db; clock?: Clock }) {
  const args = parseUserCreateArgs(argv);
  try {
    assertAcceptablePassword(args.password, '--password');
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  }
  const passwordHash = await hashPassword(args.password);
  try {
    return await db.$transaction(async (tx) => {
      const now = clock.now();
      const user = await tx.user.create({
        data: {
          name: args.name,
          email: args.email,
          passwordHash,
          role: args.role,
          emailVerified: true,
          emailVerifiedAt: now,
          createdAt: now,
        },
        select: { id: true, email: true, role: true, name: true },
      });
      await writeAudit(tx, {
        clock,
        actorId: null,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        data: { via: 'cli', role: user.role },
      });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new CliError(`An account with the address ${args.email} already exists.`);
    throw err;
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  try {
    parseUserCreateArgs(argv); // fail fast, before any database work
  } catch (err) {
    if (err instanceof CliError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  let url = process.env.DATABASE_URL;
  let server: EmbeddedPostgresHandle | undefined;
  if (!url) {
    server = await startEmbeddedPostgres({
      dataDir: defaultDevDataDir(),
      port: devPort(process.env.EMBEDDED_PG_PORT),
      persistent: true,
    });
    url = withDatabase(server.url, 'learningpt');
    await ensureDatabase(url);
  }
  const db = createDb({ connectionString: url, max: 2 });
  try {
    const user = await userCreate(argv, { db });
    console.log(`Created ${user.role} ${user.email} (${user.name}), id ${user.id}. The address counts as verified.`);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      console.error(err.message);
      return 1;
    }
    console.error(`Could not create the user: ${(err as Error).message}`);
    console.error('Check DATABASE_URL, and that the database is migrated (`pnpm db:migrate`).');
    return 2;
  } finally {
    await db.$disconnect();
    await server?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(2);
    },
  );
}
