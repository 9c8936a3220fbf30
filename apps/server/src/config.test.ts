import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const DB = 'postgresql://postgres:secret@localhost:5432/learningpt';

describe('loadConfig', () => {
  it('applies the local defaults', () => {
    const c = loadConfig({ DATABASE_URL: DB });
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
    const c = loadConfig({
      DATABASE_URL: DB,
      PORT: '8080',
      APP_ORIGINS: 'https://app.example.com, https://admin.example.com',
      TRUST_PROXY: 'true',
      NODE_ENV: 'production',
    });
    expect(c.PORT).toBe(8080);
    expect(c.APP_ORIGINS).toEqual(['https://app.example.com', 'https://admin.example.com']);
    expect(c.TRUST_PROXY).toBe(true);
  });

  it('names a missing DATABASE_URL and says what it should be', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/DATABASE_URL.*postgresql:\/\/.*it is not set/);
  });

  it('treats an empty value as unset', () => {
    expect(() => loadConfig({ DATABASE_URL: '' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: DB, PORT: '' }).PORT).toBe(3000);
  });

  it('lists every bad variable at once, without leaking a password', () => {
    let message = '';
    try {
      loadConfig({
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
    expect(() => loadConfig({ DATABASE_URL: DB, APP_ORIGINS: 'http://localhost:5173/app' })).toThrow(/bare origins/);
    expect(() => loadConfig({ DATABASE_URL: DB, PORT: '70000' })).toThrow(/PORT/);
  });

  it('defaults the mail and worker settings and runs the worker in-process only in development', () => {
    const dev = loadConfig({ DATABASE_URL: DB });
    expect(dev).toMatchObject({
      MAIL_FROM: 'LearninGPT <no-reply@learningpt.dev>',
      WORKER_IN_PROCESS: true,
      WORKER_CONCURRENCY: 2,
    });
    expect(dev.RESEND_API_KEY).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: DB, NODE_ENV: 'production' }).WORKER_IN_PROCESS).toBe(false);
    expect(loadConfig({ DATABASE_URL: DB, NODE_ENV: 'production', WORKER_IN_PROCESS: 'true' }).WORKER_IN_PROCESS).toBe(
      true,
    );
  });

  it('rejects a malformed sender, base URL and concurrency with their names', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: DB, MAIL_FROM: 'nobody', RESEND_BASE_URL: 'ftp://x', WORKER_CONCURRENCY: '0' });
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
      loadConfig({ DATABASE_URL: DB, RESEND_API_KEY: 'sk_live_very_secret_value' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      /RESEND_API_KEY: RESEND_API_KEY must be a Resend API key \(it starts with re_\) \(value hidden\)/,
    );
    expect(message).not.toContain('very_secret');
  });
});
