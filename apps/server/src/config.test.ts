import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { generateSigningKeyPem } from '@learningpt/certificates/credentials';

const DB = 'postgresql://postgres:secret@localhost:5432/learningpt';
// Local runs say so (pnpm dev sets NODE_ENV=development); unset means production.
const DEV = { DATABASE_URL: DB, NODE_ENV: 'development' };
const PROD = {
  DATABASE_URL: DB,
  NODE_ENV: 'production',
  APP_ORIGINS: 'https://app.example.com, https://admin.example.com',
  PUBLIC_WEB_URL: 'https://app.example.com',
  PUBLIC_API_URL: 'https://api.example.com',
  RESEND_API_KEY: 're_live_key',
  MAIL_FROM: 'LearninGPT <no-reply@example.com>',
  CREDENTIAL_SIGNING_KEY: generateSigningKeyPem(),
};

describe('loadConfig', () => {
  it('applies the local defaults in development', () => {
    const c = loadConfig(DEV);
    expect(c).toMatchObject({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: 3000,
      DATABASE_POOL_MAX: 10,
      APP_ORIGINS: ['http://localhost:5173', 'http://localhost:5174'],
      LOG_LEVEL: 'info',
      TRUST_PROXY: false,
    });
  });

  it('reads and converts given values', () => {
    const c = loadConfig({ ...PROD, PORT: '8080', TRUST_PROXY: '1' });
    expect(c.PORT).toBe(8080);
    expect(c.APP_ORIGINS).toEqual(['https://app.example.com', 'https://admin.example.com']);
    expect(c.TRUST_PROXY).toBe(1);
  });

  it('takes TRUST_PROXY as a hop count or a list of proxy addresses/CIDRs, never "trust everyone"', () => {
    expect(loadConfig({ ...DEV, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...DEV, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ ...DEV, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
    for (const bad of ['true', 'proxy.example.com', '10.0.0.0/33', 'yes']) {
      expect(() => loadConfig({ ...DEV, TRUST_PROXY: bad })).toThrow(
        /TRUST_PROXY must be false, the number of proxy hops/,
      );
    }
  });

  it('means production when NODE_ENV is unset, and production refuses to start without its settings', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: DB });
    } catch (e) {
      message = (e as Error).message;
    }
    for (const name of ['APP_ORIGINS', 'PUBLIC_WEB_URL', 'PUBLIC_API_URL', 'RESEND_API_KEY', 'MAIL_FROM']) {
      expect(message).toMatch(new RegExp(`${name}: required when NODE_ENV=production`));
    }
    const { APP_ORIGINS: _omitted, ...withoutOrigins } = PROD;
    expect(() => loadConfig(withoutOrigins)).toThrow(/APP_ORIGINS: required when NODE_ENV=production/);
    expect(() => loadConfig(withoutOrigins)).not.toThrow(/PUBLIC_WEB_URL/);
    expect(loadConfig(PROD).NODE_ENV).toBe('production');
  });

  it('names a missing DATABASE_URL and says what it should be', () => {
    expect(() => loadConfig({ NODE_ENV: 'development' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'development' })).toThrow(/DATABASE_URL.*postgresql:\/\/.*it is not set/);
  });

  it('treats an empty value as unset', () => {
    expect(() => loadConfig({ ...DEV, DATABASE_URL: '' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({ ...DEV, PORT: '' }).PORT).toBe(3000);
  });

  it('lists every bad variable at once, without leaking a password', () => {
    let message = '';
    try {
      loadConfig({
        NODE_ENV: 'development',
        DATABASE_URL: 'mysql://u:hunter2@h/db',
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        APP_ORIGINS: 'localhost',
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ connection string/);
    expect(message).toMatch(/PORT: PORT must be a port number from 1 to 65535 \(got "eighty"\)/);
    expect(message).toMatch(/LOG_LEVEL: .*fatal, error, warn, info/);
    expect(message).toMatch(/APP_ORIGINS/);
    expect(message).not.toContain('hunter2');
  });

  it('rejects an origin with a path and a port out of range', () => {
    expect(() => loadConfig({ ...DEV, APP_ORIGINS: 'http://localhost:5173/app' })).toThrow(/bare origins/);
    expect(() => loadConfig({ ...DEV, PORT: '70000' })).toThrow(/PORT/);
  });

  it('defaults the mail and worker settings and runs the worker in-process only in development', () => {
    const dev = loadConfig(DEV);
    expect(dev).toMatchObject({
      MAIL_FROM: 'LearninGPT <no-reply@learningpt.dev>',
      WORKER_IN_PROCESS: true,
      WORKER_CONCURRENCY: 2,
    });
    expect(dev.RESEND_API_KEY).toBeUndefined();
    expect(loadConfig(PROD).WORKER_IN_PROCESS).toBe(false);
    expect(loadConfig({ ...PROD, WORKER_IN_PROCESS: 'true' }).WORKER_IN_PROCESS).toBe(true);
  });

  it('rejects a malformed sender, base URL and concurrency with their names', () => {
    let message = '';
    try {
      loadConfig({ ...DEV, MAIL_FROM: 'nobody', RESEND_BASE_URL: 'ftp://x', WORKER_CONCURRENCY: '0' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/MAIL_FROM: MAIL_FROM must be an address, or Name <address>/);
    expect(message).toMatch(/RESEND_BASE_URL: RESEND_BASE_URL must be an http\(s\) URL/);
    expect(message).toMatch(/WORKER_CONCURRENCY: WORKER_CONCURRENCY must be at least 1/);
  });

  it('names a malformed secret without echoing it', () => {
    let message = '';
    try {
      loadConfig({ ...DEV, RESEND_API_KEY: 'sk_live_very_secret_value' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      /RESEND_API_KEY: RESEND_API_KEY must be a Resend API key \(it starts with re_\) \(value hidden\)/,
    );
    expect(message).not.toContain('very_secret');
  });
});

describe('documentation of the settings', () => {
  it('names every setting the server reads in .env.example and in the README', async () => {
    const { readFile } = await import('node:fs/promises');
    const root = new URL('../../../', import.meta.url);
    const example = await readFile(new URL('.env.example', root), 'utf8');
    const readme = await readFile(new URL('README.md', root), 'utf8');
    const { ZConfig } = await import('./config');
    const names = Object.keys(ZConfig.shape);
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n) => !new RegExp(`^#? ?${n}=`, 'm').test(example))).toEqual([]);
    expect(names.filter((n) => !readme.includes(`\`${n}\``))).toEqual([]);
  });

  it('refuses a chosen AI provider without its key, naming it', () => {
    expect(() => loadConfig({ ...DEV, AI_PROVIDER: 'mistral' })).toThrow(
      /MISTRAL_API_KEY: required when AI_PROVIDER=mistral/,
    );
    expect(loadConfig({ ...DEV, AI_PROVIDER: 'mistral', MISTRAL_API_KEY: 'k' }).AI_PROVIDER).toBe('mistral');
  });
});
