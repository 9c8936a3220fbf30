import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDatabase, startEmbeddedPostgres, withDatabase, type EmbeddedPostgresHandle } from './postgres';

async function query<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('ensureDatabase', () => {
  it('creates a missing database exactly once under concurrent calls', async () => {
    const name = `ensure_${randomBytes(4).toString('hex')}`;
    const url = withDatabase(inject('pgAdminUrl'), name);
    const created = await Promise.all(Array.from({ length: 8 }, () => ensureDatabase(url)));
    expect(created.filter(Boolean)).toHaveLength(1);
    expect(await query(url, 'SELECT current_database() AS d')).toEqual([{ d: name }]);
    expect(await ensureDatabase(url)).toBe(false);
    await query(inject('pgAdminUrl'), `DROP DATABASE "${name}" WITH (FORCE)`);
  });
});

// A cluster of its own (not the run's shared one): restarts, crashes and reuse.
describe('startEmbeddedPostgres (persistent)', () => {
  let root: string;
  let dataDir: string;
  const handles: EmbeddedPostgresHandle[] = [];
  const start = async (port?: number) => {
    const h = await startEmbeddedPostgres({ dataDir, persistent: true, ...(port !== undefined && { port }) });
    handles.push(h);
    return h;
  };

  beforeAll(async () => {
    // A world-traversable parent, as the `postgres` OS user needs under root.
    root = path.join(os.tmpdir(), `learningpt-pgtest-${process.pid}-${randomBytes(3).toString('hex')}`);
    dataDir = path.join(root, 'nested', 'data');
  });
  afterAll(async () => {
    for (const h of handles) await h.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('keeps its data across restarts, also after a hard kill, and reuses a running server', async () => {
    const first = await start();
    expect(first.reused).toBe(false);
    expect((await fs.stat(path.dirname(dataDir))).mode & 0o777).toBe(0o755);
    await query(first.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives')`);

    // A second start on the same data dir uses the running server instead of failing.
    const again = await start();
    expect(again).toMatchObject({ reused: true, port: first.port, pid: first.pid });
    await again.stop(); // not ours: leaves it running
    expect(await query(first.url, 'SELECT v FROM kept')).toEqual([{ v: 'survives' }]);

    // A clean stop and restart on the same port keeps the data.
    await first.stop();
    const second = await start(first.port);
    expect(second.port).toBe(first.port);
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'survives' }]);

    // Killed hard: postmaster.pid stays behind, naming a dead process.
    process.kill(second.pid ?? 0, 'SIGKILL');
    await waitFor(() => !isAlive(second.pid ?? 0));
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(true);
    await second.stop(); // the process is gone: must not hang
    const third = await start();
    expect(third.reused).toBe(false);
    expect(await query(third.url, 'SELECT v FROM kept')).toEqual([{ v: 'survives' }]);
    await third.stop();

    // A postmaster.pid whose pid now belongs to another live process (pid reuse after a reboot).
    await fs.writeFile(path.join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n0\n${third.port}\n`);
    const fourth = await start();
    expect(fourth.reused).toBe(false);
    expect(await query(fourth.url, 'SELECT v FROM kept')).toEqual([{ v: 'survives' }]);
    await fourth.stop();
  });

  it('refuses a taken port for a persistent server; a throw-away one moves to a free port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(start(taken)).rejects.toThrow(`Port ${taken} is already in use`);

      const throwAwayDir = path.join(root, 'throwaway', 'data');
      const h = await startEmbeddedPostgres({ dataDir: throwAwayDir, persistent: false, port: taken });
      handles.push(h);
      expect(h.port).not.toBe(taken);
      expect(await query(h.url, 'SHOW fsync')).toEqual([{ fsync: 'off' }]);
      await h.stop();
      expect(existsSync(throwAwayDir)).toBe(false);
    } finally {
      blocker.close();
    }
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
