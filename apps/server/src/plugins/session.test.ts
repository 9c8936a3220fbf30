import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { authSettingsFrom, bearerToken, isCrossSite } from './session';

const req = (headers: Record<string, string>, protocol = 'http', host = 'localhost:3000') =>
  ({ headers, protocol, host }) as unknown as FastifyRequest;
const APPS = ['http://localhost:5173', 'https://app.example.com'];

describe('isCrossSite', () => {
  it('checks the Origin of same-site requests too: a sibling subdomain is not one of our apps', () => {
    expect(isCrossSite(req({ 'sec-fetch-site': 'same-site', origin: 'https://evil.example.com' }), APPS)).toBe(true);
    expect(isCrossSite(req({ 'sec-fetch-site': 'same-site' }), APPS)).toBe(true);
    expect(isCrossSite(req({ 'sec-fetch-site': 'same-site', origin: 'https://app.example.com' }), APPS)).toBe(false);
  });

  it('trusts Sec-Fetch-Site same-origin and none', () => {
    for (const site of ['same-origin', 'none']) {
      expect(isCrossSite(req({ 'sec-fetch-site': site, origin: 'https://evil.example' }), APPS)).toBe(false);
    }
  });
  it('refuses cross-site unless the Origin is one of our apps', () => {
    expect(isCrossSite(req({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }), APPS)).toBe(true);
    expect(isCrossSite(req({ 'sec-fetch-site': 'cross-site' }), APPS)).toBe(true);
    expect(isCrossSite(req({ 'sec-fetch-site': 'cross-site', origin: 'https://app.example.com' }), APPS)).toBe(false);
  });
  it('falls back to Origin, accepting our own origin, and lets non-browser clients through', () => {
    expect(isCrossSite(req({ origin: 'https://evil.example' }), APPS)).toBe(true);
    expect(isCrossSite(req({ origin: 'http://localhost:3000' }), APPS)).toBe(false);
    expect(isCrossSite(req({}), APPS)).toBe(false);
  });
});

describe('bearerToken', () => {
  it('reads "Bearer <token>" only', () => {
    expect(bearerToken(req({ authorization: 'Bearer abc' }))).toBe('abc');
    expect(bearerToken(req({ authorization: 'bearer  abc ' }))).toBe('abc');
    expect(bearerToken(req({ authorization: 'Basic abc' }))).toBeNull();
    expect(bearerToken(req({ authorization: 'Bearer ' }))).toBeNull();
    expect(bearerToken(req({}))).toBeNull();
  });
});

describe('auth configuration', () => {
  const DB = 'postgresql://localhost/x';
  const dev = { DATABASE_URL: DB, NODE_ENV: 'development' };
  it('has the documented defaults', () => {
    const a = authSettingsFrom(loadConfig(dev));
    expect(a).toEqual({
      sessionIdleTimeoutMs: 7 * 86_400_000,
      sessionMaxAgeMs: 30 * 86_400_000,
      publicWebUrl: 'http://localhost:5173',
      accountErasureDelayMs: 30 * 86_400_000,
      responseFloorMs: 250,
    });
  });
  it('reads given values and names bad ones', () => {
    const c = loadConfig({
      ...dev,
      SESSION_IDLE_TIMEOUT_DAYS: '1.5',
      SESSION_MAX_AGE_DAYS: '14',
      PUBLIC_WEB_URL: 'https://learn.example.com/',
      ACCOUNT_ERASURE_DELAY_DAYS: '0',
    });
    expect(authSettingsFrom(c)).toMatchObject({
      sessionIdleTimeoutMs: 1.5 * 86_400_000,
      sessionMaxAgeMs: 14 * 86_400_000,
      publicWebUrl: 'https://learn.example.com',
      accountErasureDelayMs: 0,
    });
    expect(() => loadConfig({ ...dev, SESSION_MAX_AGE_DAYS: '0' })).toThrow(/SESSION_MAX_AGE_DAYS/);
    expect(() => loadConfig({ ...dev, PUBLIC_WEB_URL: 'ftp://x' })).toThrow(/PUBLIC_WEB_URL/);
  });
});
