// prisma/migrations and prisma/schema.prisma must describe the same schema. Checking that
// needs Prisma's schema engine, which the CLI downloads from a host some machines (and CIs)
// cannot reach; so this runs only where PRISMA_SCHEMA_ENGINE_BINARY names a real engine (the
// native binary, or an offline stand-in) and is skipped elsewhere. The pg-only deploy test in
// migrate.int.test.ts runs everywhere.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { defaultMigrationsDir } from './migrate';
import { createTestDatabase } from './testing';

const engine = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
// prisma.config.ts points the variable at the node binary so that `generate` works offline:
// that (or /bin/false and the like) is a placeholder, not an engine.
const hasEngine =
  !!engine &&
  existsSync(engine) &&
  path.resolve(engine) !== process.execPath &&
  !['node', 'false', 'true', 'null'].includes(path.basename(engine));

const schemaPath = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));

it.skipIf(!hasEngine)(
  'prisma migrate diff: migrations and schema.prisma agree (skipped unless PRISMA_SCHEMA_ENGINE_BINARY names a real schema engine)',
  { timeout: 180_000 },
  async () => {
    const main = await createTestDatabase({ empty: true, max: 1 });
    const shadow = await createTestDatabase({ empty: true, max: 1 });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'learningpt-prisma-diff-'));
    try {
      // A config of its own, so the shadow database (needed to replay the migrations) is one
      // this test owns. A plain object: a file outside the repo cannot import 'prisma/config'.
      const config = path.join(dir, 'prisma.config.mjs');
      await fs.writeFile(
        config,
        `export default ${JSON.stringify({
          schema: schemaPath,
          migrations: { path: defaultMigrationsDir() },
          datasource: { url: main.url, shadowDatabaseUrl: shadow.url },
        })};\n`,
      );
      const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
      const args = ['migrate', 'diff', '--config', config, '--from-migrations', defaultMigrationsDir()];
      const result = await run(process.execPath, [cli, ...args, '--to-schema', schemaPath, '--script', '--exit-code']);
      // --exit-code: 0 = no difference, 2 = the migrations lack what the schema has (output: the SQL).
      expect(result.code, `schema.prisma and prisma/migrations differ:\n${result.stdout}\n${result.stderr}`).toBe(0);
    } finally {
      await Promise.all([main.drop(), shadow.drop()]);
      await fs.rm(dir, { recursive: true, force: true });
    }
  },
);

function run(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
