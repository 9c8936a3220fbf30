// `pnpm db:seed` (also `prisma db seed`): loads the demo data into DATABASE_URL and prints the
// demo sign-in accounts. Safe to run twice. The database must be migrated (`pnpm db:migrate`).
import { existsSync } from 'node:fs';
import { createDb } from '@learningpt/db';
import { redactUrl } from '@learningpt/db/postgres';
import { seedDemoData } from './seed/index';

const envFile = new URL('../.env', import.meta.url).pathname;
if (!process.env.DATABASE_URL && existsSync(envFile)) process.loadEnvFile(envFile);

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    [
      'DATABASE_URL is not set, so there is no database to seed.',
      '  - Easiest: run `pnpm dev`. It starts a local PostgreSQL, migrates it and loads the demo data.',
      '  - Or start only the database with `pnpm db:start`, then run',
      '      DATABASE_URL=<the URL it prints> pnpm db:migrate',
      '      DATABASE_URL=<the URL it prints> pnpm db:seed',
      '  - Or put DATABASE_URL=postgresql://user:password@host:5432/dbname in a .env file at the repository root.',
    ].join('\n'),
  );
  process.exit(1);
}

const db = createDb({ connectionString: url, max: 2 });
let exitCode = 0;
try {
  console.log(`Seeding ${redactUrl(url)}`);
  const { created, accounts } = await seedDemoData({ db, log: (line) => console.log(line) });
  if (!created) console.log('The demo accounts below are already there.');
  console.log(
    `\nDemo sign-in accounts:\n${formatTable(
      ['role', 'email', 'password'],
      accounts.map((a) => [a.role, a.email, a.password]),
    )}`,
  );
} catch (err) {
  exitCode = 1;
  const message = (err instanceof Error ? err.message : String(err)).trim();
  console.error(`Seeding failed: ${message}`);
  if (/relation .* does not exist|P2021/.test(message)) {
    console.error('The database has no tables yet: run `pnpm db:migrate` first.');
  }
} finally {
  await db.$disconnect();
}
process.exit(exitCode);

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
