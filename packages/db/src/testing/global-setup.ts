// Vitest globalSetup of the integration project: ONE PostgreSQL for the whole run, one migrated
// template database; each test file clones its own database from it (see ../testing.ts).
//
// TEST_DATABASE_URL=postgresql://user:pass@host:port/db uses that server instead of starting
// one (the role needs CREATEDB); only databases this run creates are touched there.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { defaultMigrationsDir, migrate } from '../migrate';
import { scratchDir, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../postgres';
import { quoteIdent, redactUrl, withDatabase } from '../url';
import './provided-context';

const TEMP_PREFIX = 'learningpt-test-pg-';
// LEARNINGPT_DB_TIMINGS=1 prints how long the server and the template took (one line).
const showTimings = process.env.LEARNINGPT_DB_TIMINGS === '1';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = performance.now();
  let server: EmbeddedPostgresHandle | undefined;
  let tempDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;

  if (!adminUrl) {
    await removeStaleTestServers();
    // In memory when possible (see scratchDir). Not mkdtemp: its 0700 dir would keep the
    // `postgres` OS user (used under root) out.
    tempDir = path.join(await scratchDir(), `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    await fs.mkdir(tempDir, { mode: 0o755 });
    await fs.chmod(tempDir, 0o755);
    try {
      server = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'data'), persistent: false });
    } catch (err) {
      await fs.rm(tempDir, { recursive: true, force: true });
      throw err;
    }
    adminUrl = server.url;
  }
  const tStarted = performance.now();

  // Unique per vitest process: two runs sharing one server (TEST_DATABASE_URL, or two
  // projects) must not race on one template.
  const template = `tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on('error', () => {});
  const teardown = async () => {
    await dropDatabases(adminUrl, template).catch((err: unknown) => {
      if (!server) console.warn(`could not drop test databases of ${template}: ${(err as Error).message}`);
    });
    await server?.stop();
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
  };

  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${quoteIdent(template)}`);
    const migrationsDir = defaultMigrationsDir();
    if (existsSync(migrationsDir)) {
      await migrate({ connectionString: withDatabase(adminUrl, template), migrationsDir });
    } else {
      console.warn(`No ${migrationsDir}: test databases start empty.`);
    }
    // Nobody may connect to the template any more: CREATE DATABASE … TEMPLATE fails while
    // anyone is connected to it. Then wait for the migrator's backend to be gone.
    await admin.query(`ALTER DATABASE ${quoteIdent(template)} ALLOW_CONNECTIONS false`);
    await waitForNoConnections(admin, template);
  } catch (err) {
    await admin.end().catch(() => {});
    await teardown();
    throw new Error(`Integration test setup failed on ${redactUrl(adminUrl)}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  await admin.end();

  if (showTimings) {
    const ms = (a: number, b: number) => Math.round(b - a);
    console.log(
      `[db] server ${server ? `started in ${ms(t0, tStarted)} ms` : 'from TEST_DATABASE_URL'}, ` +
        `template ${template} migrated in ${ms(tStarted, performance.now())} ms`,
    );
  }

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  return teardown;
}

/**
 * Drops the template, databases derived from it (`<template>_…`, e.g. a seeded second
 * template) and any test database a crashed test file left (clones are named after it).
 */
async function dropDatabases(adminUrl: string, template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on('error', () => {});
  await admin.connect();
  try {
    const clonePrefix = template.replace(/^tpl_/, 't_') + '_';
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_') OR starts_with(datname, $2)`,
      [template, clonePrefix],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function waitForNoConnections(admin: pg.Client, database: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [database],
    );
    if (rows[0]?.n === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A run killed hard (SIGKILL, a closed CI job) leaves its server running and its temp dir.
 * Stop and remove those of runs whose vitest process is gone; never touch a live run's.
 */
async function removeStaleTestServers(): Promise<void> {
  for (const root of new Set([os.tmpdir(), await scratchDir()])) await removeStaleIn(root);
}

async function removeStaleIn(tmp: string): Promise<void> {
  const names = await fs.readdir(tmp).catch(() => [] as string[]);
  for (const name of names) {
    const ownerPid = Number(/^learningpt-test-pg-(\d+)-/.exec(name)?.[1]);
    if (!ownerPid || isAlive(ownerPid)) continue;
    const dir = path.join(tmp, name);
    const dataDir = path.join(dir, 'data');
    const pidText = await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
    const pgPid = Number(pidText.split('\n')[0]);
    if (pgPid && isAlive(pgPid)) {
      // Only if that pid really is a postgres serving this very directory.
      const cmdline = await fs.readFile(`/proc/${pgPid}/cmdline`, 'utf8').catch(() => '');
      if (!cmdline.split('\0').includes(dataDir)) continue;
      process.kill(pgPid, 'SIGQUIT'); // immediate shutdown: the data is thrown away anyway
      for (let i = 0; i < 100 && isAlive(pgPid); i++) await new Promise((r) => setTimeout(r, 20));
    }
    await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
