// `pnpm dev`: the whole stack on one machine with no set-up. The `dev` script generates the
// Prisma client (turbo run generate) before this file runs: it imports @learningpt/db.
//  1. PostgreSQL: DATABASE_URL if set, else an embedded server whose data persists in .data/postgres
//  2. migrations, the job queue's schema, and the demo data when the database is empty
//  3. server, web and admin through turbo, with reload; their URLs printed once they answer
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createDb, type Db } from '@learningpt/db';
import { migrate } from '@learningpt/db/migrate';
import {
  DEFAULT_DEV_PORT,
  defaultDevDataDir,
  ensureDatabase,
  redactUrl,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedPostgresHandle,
} from '@learningpt/db/postgres';
import { seedDemoData } from '../prisma/seed/index';
// By path: the root package does not list @learningpt/jobs (the same module either way).
import { installJobQueue } from '@learningpt/jobs';

const root = new URL('..', import.meta.url).pathname;
if (existsSync(`${root}.env`)) process.loadEnvFile(`${root}.env`);

const say = (line: string) => console.log(`\x1b[36m[dev]\x1b[0m ${line}`);

let pg: EmbeddedPostgresHandle | undefined;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  const port = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_DEV_PORT);
  say(`starting the embedded PostgreSQL (data in .data/postgres, port ${port})`);
  pg = await startEmbeddedPostgres({ dataDir: defaultDevDataDir(), port, persistent: true });
  databaseUrl = withDatabase(pg.url, 'learningpt');
  await ensureDatabase(databaseUrl);
}
say(`database ${redactUrl(databaseUrl)}`);

const { applied } = await migrate({ connectionString: databaseUrl, log: (m) => say(m) });
say(applied.length ? `applied ${applied.length} migration(s)` : 'migrations up to date');
await installJobQueue(databaseUrl);
say(
  `job queue ready; email goes ${process.env.RESEND_API_KEY ? 'out through Resend' : 'to the dev mailbox (.data/mail)'}`,
);

const db: Db = createDb({ connectionString: databaseUrl, max: 2 });
try {
  if ((await db.user.count()) === 0) {
    say('empty database: loading the demo data');
    const { accounts } = await seedDemoData({ db });
    printAccounts(accounts);
  }
} finally {
  await db.$disconnect();
}

const port = process.env.PORT ?? '3000';
const apiUrl = `http://localhost:${port}`;
const child = spawn(
  'turbo',
  [
    'run',
    'dev',
    '--filter=@learningpt/server',
    '--filter=@learningpt/web',
    '--filter=@learningpt/admin',
    '--filter=@learningpt/stripe-local',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      // The admin app links to the web app's program editor: it follows WEB_PORT unless set.
      VITE_WEB_URL: `http://localhost:${process.env.WEB_PORT ?? 5173}`,
      ...process.env,
      // The server turns its development aids (/dev/mail, local stand-ins) on only when told:
      // unset means production. An explicit NODE_ENV (e.g. production, to try that) still wins.
      NODE_ENV: process.env.NODE_ENV || 'development',
      DATABASE_URL: databaseUrl,
      API_URL: apiUrl,
      FORCE_COLOR: '1',
    },
    detached: true,
  },
);

let stopping = false;
void announceWhenUp();
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null && child.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await new Promise((r) => child.once('exit', r));
  }
  if (pg) {
    say('stopping the embedded PostgreSQL');
    await pg.stop();
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
child.on('exit', (code) => void shutdown(code ?? 0));

async function announceWhenUp() {
  const targets = [
    ['API', `${apiUrl}/health`, apiUrl],
    ['web', `http://localhost:${process.env.WEB_PORT ?? 5173}/`, `http://localhost:${process.env.WEB_PORT ?? 5173}`],
    [
      'admin',
      `http://localhost:${process.env.ADMIN_PORT ?? 5174}/`,
      `http://localhost:${process.env.ADMIN_PORT ?? 5174}`,
    ],
  ] as const;
  const deadline = Date.now() + 120_000;
  const up = new Set<string>();
  while (up.size < targets.length && Date.now() < deadline && !stopping) {
    for (const [name, probe] of targets) {
      if (up.has(name)) continue;
      try {
        const res = await fetch(probe);
        if (res.ok) up.add(name);
      } catch {
        /* not yet */
      }
    }
    if (up.size < targets.length) await new Promise((r) => setTimeout(r, 500));
  }
  if (stopping) return;
  const line = '─'.repeat(60);
  console.log(`\n${line}\n LearninGPT is running\n`);
  console.log(`  web app      http://localhost:${process.env.WEB_PORT ?? 5173}`);
  console.log(`  admin panel  http://localhost:${process.env.ADMIN_PORT ?? 5174}`);
  console.log(`  API          ${apiUrl}   (REST under /api, tRPC under /trpc)`);
  console.log(`  API docs     ${apiUrl}/docs`);
  if (!process.env.RESEND_API_KEY)
    console.log(`  dev mailbox  ${apiUrl}/dev/mail   (emails sent; links also in the log)`);
  console.log(`  database     ${redactUrl(databaseUrl!)}`);
  const missing = targets.filter(([n]) => !up.has(n)).map(([n]) => n);
  if (missing.length) console.log(`\n  still starting: ${missing.join(', ')} (see the log above)`);
  console.log(`\n Demo sign-in: pnpm db:seed prints the accounts. Stop with Ctrl+C.\n${line}\n`);
}

function printAccounts(accounts: { role: string; email: string; password: string }[]) {
  say('demo accounts:');
  for (const a of accounts) say(`  ${a.role.padEnd(11)} ${a.email.padEnd(32)} ${a.password}`);
}
