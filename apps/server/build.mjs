// Bundles the server and our workspace packages (TypeScript sources) into dist/; third-party
// packages stay external and load from node_modules at run time.
import { build } from 'esbuild';

await build({
  entryPoints: { server: 'src/server.ts', worker: 'src/worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
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
