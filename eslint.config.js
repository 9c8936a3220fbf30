// Root files (scripts/, prisma/seed, vitest config). Each package has its own eslint.config.js.
import { nodeConfig } from '@learningpt/eslint-config';

export default [{ ignores: ['apps/**', 'packages/**', 'tooling/**', '.tools/**', '.data/**'] }, ...nodeConfig];
