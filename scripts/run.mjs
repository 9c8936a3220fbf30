#!/usr/bin/env node
// The two commands of the README: `npm start` (install + run the whole stack) and
// `npm test` (install + run every test). Needs only Node >= 20.19 and npm: when pnpm 10
// is not on PATH it is installed into .tools/ (git-ignored) from the npm registry.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, '').split('+')[0];
const task = process.argv[2];
if (task !== 'start' && task !== 'test') {
  console.error('usage: node scripts/run.mjs start|test');
  process.exit(2);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: LearninGPT needs Node >= 20.19.`);
  process.exit(1);
}

function hasPnpm(env) {
  try {
    const v = execFileSync('pnpm', ['--version'], { env, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    return v.startsWith('10.');
  } catch {
    return false;
  }
}

const toolsBin = join(root, '.tools', 'node_modules', '.bin');
const env = { ...process.env, PATH: [toolsBin, join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };
// npm's own script environment would make pnpm think npm is the package manager.
delete env.npm_config_user_agent;

if (!hasPnpm(env)) {
  console.log(`> installing pnpm ${pnpmVersion} into .tools/`);
  mkdirSync(join(root, '.tools'), { recursive: true });
  const r = spawnSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', join(root, '.tools'), `pnpm@${pnpmVersion}`],
    { stdio: 'inherit', env },
  );
  if (r.status !== 0 || !existsSync(join(toolsBin, 'pnpm'))) {
    console.error('Could not install pnpm from the npm registry.');
    process.exit(1);
  }
}

function run(args) {
  console.log(`> pnpm ${args.join(' ')}`);
  const r = spawnSync('pnpm', args, { stdio: 'inherit', env, cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(['install', '--frozen-lockfile', '--prefer-offline']);
if (task === 'start') run(['run', 'dev']);
else {
  ensureChromium();
  run(['run', 'test:all']);
}

/** The browser tests drive Debian's Chromium; install it with apt when we can. */
function ensureChromium() {
  if (existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('> installing Chromium for the browser tests (apt)');
    const r = spawnSync('bash', [join(root, '.ci', 'install-chromium.sh')], { stdio: 'inherit', env });
    if (r.status === 0) return;
  }
  console.error(
    'Chromium is needed for the browser tests: install it (Debian/Ubuntu: sudo apt-get install -y chromium)\n' +
      'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
  process.exit(1);
}
