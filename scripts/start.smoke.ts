// The README's first command, as a new user meets it: a fresh clone of HEAD (nothing generated,
// built or installed in it), `npm start`, and the API, the web app and the admin panel answer.
// Then Ctrl+C (SIGINT to its process group) must leave nothing behind: no process, no open port.
//
// Uncommitted changes are not in the clone, on purpose: that is what a new user gets.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import fs from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
// Install + first start (initdb, migrations, demo data, Vite's pre-bundling) on 2 shared cores
// while other test projects run: generous, yet a hang still fails within minutes.
const UP_WITHIN_MS = 5 * 60_000;
const GONE_WITHIN_MS = 30_000;

/** The last lines of a process's output, without colours, for a failure message. */
class OutputTail {
  private lines: string[] = [];
  private partial = '';
  constructor(private readonly max: number) {}
  push(chunk: Buffer): void {
    // eslint-disable-next-line no-control-regex
    const text = this.partial + chunk.toString('utf8').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    const parts = text.split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  text(): string {
    return [...this.lines, this.partial].join('\n');
  }
}

let cloneDir: string;
let child: ChildProcess | undefined;
const output = new OutputTail(150);

beforeAll(async () => {
  // As root, the embedded PostgreSQL runs as the OS user `postgres`: the clone (its data dir is
  // <clone>/.data/postgres) must be reachable by it, so not a 0700 mkdtemp dir and not in /root.
  const tmp = process.getuid?.() === 0 && os.tmpdir().startsWith('/root') ? '/tmp' : os.tmpdir();
  cloneDir = await fs.mkdtemp(path.join(tmp, 'learningpt-smoke-'));
  await fs.chmod(cloneDir, 0o755);
  execFileSync('git', ['clone', '--quiet', repoRoot, cloneDir], { stdio: ['ignore', 'ignore', 'pipe'] });
}, 120_000);

afterAll(async () => {
  // Whatever the test left (it already failed on it): kill it so the folder can go.
  const left = cloneDir ? processesOf(cloneDir, child?.pid) : [];
  for (const p of left) tryKill(p.pid, 'SIGKILL');
  if (left.length) await waitUntil(() => processesOf(cloneDir, child?.pid).length === 0, 10_000);
  // The PostgreSQL data belongs to `postgres` when we are root; root may remove it all the same.
  if (cloneDir) await fs.rm(cloneDir, { recursive: true, force: true });
}, 60_000);

describe('npm start in a fresh clone', () => {
  it('brings up the API, the web app and the admin panel, and Ctrl+C stops every process', async () => {
    const ports = await freePorts(4);
    const [apiPort, webPort, adminPort, pgPort] = ports as [number, number, number, number];
    const api = `http://localhost:${apiPort}`;
    const web = `http://localhost:${webPort}`;
    const admin = `http://localhost:${adminPort}`;

    // Its own process group, like a terminal's foreground job: Ctrl+C is SIGINT to the group.
    child = spawn('npm', ['start'], {
      cwd: cloneDir,
      env: {
        ...newUserEnv(),
        PORT: String(apiPort),
        WEB_PORT: String(webPort),
        ADMIN_PORT: String(adminPort),
        EMBEDDED_PG_PORT: String(pgPort),
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (b: Buffer) => output.push(b));
    child.stderr!.on('data', (b: Buffer) => output.push(b));
    const exited = new Promise<string>((resolve) => {
      child!.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
      child!.once('error', (err) => resolve(`error ${err.message}`));
    });
    let exitedWith: string | undefined;
    void exited.then((how) => (exitedWith = how));

    const checks: Check[] = [
      { name: 'API /health', url: `${api}/health` },
      { name: 'API /docs', url: `${api}/docs`, html: true },
      { name: 'web app', url: `${web}/`, html: true, app: true },
      // The apps reach the API through their dev proxy: the web app's must follow PORT.
      { name: 'web app → API proxy', url: `${web}/health` },
      { name: 'admin panel', url: `${admin}/`, html: true, app: true },
    ];
    const deadline = Date.now() + UP_WITHIN_MS;
    while (checks.some((c) => !c.ok) && Date.now() < deadline && exitedWith === undefined) {
      await Promise.all(checks.filter((c) => !c.ok).map(probe));
      if (checks.some((c) => !c.ok)) await sleep(1000);
    }
    const down = checks.filter((c) => !c.ok);
    if (down.length) {
      const why =
        exitedWith !== undefined
          ? `npm start ended (${exitedWith}) before everything answered`
          : `npm start did not bring everything up within ${UP_WITHIN_MS / 60_000} minutes`;
      await stop(child, exited);
      throw new Error(
        `${why}; not answering:\n${down.map((c) => `  ${c.name} ${c.url}: ${c.last ?? 'no answer'}`).join('\n')}\n` +
          `--- last lines of its output ---\n${output.text()}`,
      );
    }

    // Ctrl+C, then (if something ignores it) SIGTERM.
    const how = await stop(child, exited);
    const left = processesOf(cloneDir, child.pid);
    const open: number[] = [];
    for (const port of ports) if (await isListening(port)) open.push(port);
    expect(
      { left: left.map((p) => `${p.pid} ${p.cmdline}`), openPorts: open },
      `after Ctrl+C (npm start: ${how}); last lines of its output:\n${output.text()}`,
    ).toEqual({ left: [], openPorts: [] });
  });
});

// ---------------------------------------------------------------------------------------------

interface Check {
  name: string;
  url: string;
  /** The answer must be an HTML page. */
  html?: boolean;
  /** ... and one of our React apps' (its mount point). */
  app?: boolean;
  ok?: boolean;
  last?: string;
}

async function probe(check: Check): Promise<void> {
  try {
    const res = await fetch(check.url, { signal: AbortSignal.timeout(10_000) });
    const body = await res.text();
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200) check.last = `HTTP ${res.status}`;
    else if (check.html && !type.includes('text/html')) check.last = `HTTP 200 but ${type || 'no content type'}`;
    else if (check.app && !body.includes('<div id="root">')) check.last = 'HTTP 200 but not the app page';
    else check.ok = true;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    check.last = cause?.code ?? (err as Error).message;
  }
}

/** SIGINT to the group, then SIGTERM if anything of it is still there; waits for both. */
async function stop(proc: ChildProcess, exited: Promise<string>): Promise<string> {
  const pgid = proc.pid!;
  const gone = () => processesOf(cloneDir, pgid).length === 0;
  let how = 'SIGINT';
  tryKill(-pgid, 'SIGINT');
  if (!(await waitUntil(gone, GONE_WITHIN_MS))) {
    how = 'SIGINT, then SIGTERM';
    tryKill(-pgid, 'SIGTERM');
    await waitUntil(gone, GONE_WITHIN_MS);
  }
  const result = await Promise.race([exited, sleep(GONE_WITHIN_MS).then(() => 'still running')]);
  return `${how}; exited with ${result}`;
}

interface ProcessInfo {
  pid: number;
  cmdline: string;
}

/**
 * Live processes that belong to the run: in its process group, or with their working directory
 * or command line under the clone (the detached turbo group, PostgreSQL as user `postgres`).
 */
function processesOf(dir: string, pgid: number | undefined): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // After "pid (comm) ": state ppid pgrp ...; comm may hold spaces and parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue; // exited, waiting for its parent to reap it
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      let cwd = '';
      try {
        cwd = readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        // another user's process when we are not root: its command line still tells
      }
      // An argument naming a path in the clone, e.g. `-D <clone>/.data/postgres` or `file://<clone>/...`.
      const under = isUnder(cwd, dir) || args.some((arg) => arg === dir || arg.includes(`${dir}/`));
      const cmdline = args.join(' ');
      if (under || (pgid !== undefined && Number(pgrp) === pgid)) found.push({ pid, cmdline });
    } catch {
      // gone while we looked
    }
  }
  return found;
}

function isUnder(file: string, dir: string): boolean {
  return file === dir || file.startsWith(`${dir}/`);
}

/**
 * A new user's shell: not this test run's environment (vitest's NODE_ENV=test, pnpm's npm_*
 * variables, DATABASE_URL, ...), and no PATH entries into this checkout, so the clone uses its own
 * tools (and installs pnpm when there is none elsewhere on PATH, as run.mjs does for a new user).
 */
function newUserEnv(): NodeJS.ProcessEnv {
  const keep = /^(HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|LC_\w+|TERM|TZ|TMPDIR|CI|XDG_\w+|NPM_CONFIG_\w+|PNPM_HOME)$/;
  const proxy = /^(https?|no|all)_proxy$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (keep.test(k) || proxy.test(k)) env[k] = v;
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((p) => p && p !== repoRoot && !p.startsWith(`${repoRoot}/`))
    .join(path.delimiter);
  return env;
}

async function freePorts(n: number): Promise<number[]> {
  // Held open together so that the n ports differ; a tiny race with other processes remains.
  const servers = await Promise.all(
    Array.from({ length: n }, () => {
      const srv = net.createServer();
      return new Promise<net.Server>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(0, '127.0.0.1', () => resolve(srv));
      });
    }),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** Something accepts connections on the port (IPv4 or IPv6 loopback: Vite may bind either). */
async function isListening(port: number): Promise<boolean> {
  const tryHost = (host: string) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port });
      socket.setTimeout(2000);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(false));
    });
  const hosts = ['127.0.0.1', ...(existsSync('/proc/net/if_inet6') ? ['::1'] : [])];
  return (await Promise.all(hosts.map(tryHost))).some(Boolean);
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

async function waitUntil(done: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) return false;
    await sleep(250);
  }
  return true;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
