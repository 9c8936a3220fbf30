// Who is calling: resolves the session token of each API request (Authorization: Bearer <token>,
// or the session cookie) to `req.session` before any route runs, refuses cross-site cookie
// mutations, and sets/clears the cookie for the auth procedures.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionInfo } from '@learningpt/api';
import { DAY_MS, validateSessionToken, type AuthSettings, type Clock } from '@learningpt/core';
import type { Db } from '@learningpt/db';
import type { Config } from '../config';
import { sendError } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's live session, or null (anonymous, unknown, expired or ended). */
    authSession: SessionInfo | null;
  }
}

/** With Secure (HTTPS or production) the `__Host-` prefix pins it to this host and path /. */
export const SECURE_COOKIE = '__Host-lgpt_session';
/** Plain-http development and tests only: browsers refuse `__Host-` cookies without Secure. */
export const PLAIN_COOKIE = 'lgpt_session';

export function authSettingsFrom(config: Config): AuthSettings {
  return {
    sessionIdleTimeoutMs: config.SESSION_IDLE_TIMEOUT_DAYS * DAY_MS,
    sessionMaxAgeMs: config.SESSION_MAX_AGE_DAYS * DAY_MS,
    publicWebUrl: config.PUBLIC_WEB_URL,
    accountErasureDelayMs: config.ACCOUNT_ERASURE_DELAY_DAYS * DAY_MS,
    responseFloorMs: config.AUTH_RESPONSE_FLOOR_MS,
  };
}

function isSecure(config: Config, req: FastifyRequest): boolean {
  return config.NODE_ENV === 'production' || req.protocol === 'https';
}

export function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : null;
}

function cookieToken(config: Config, req: FastifyRequest): string | null {
  // In production only the __Host- cookie counts: a plain one could have been planted by a
  // sibling subdomain or over http, and must never carry a session.
  if (config.NODE_ENV === 'production') return req.cookies[SECURE_COOKIE] ?? null;
  return req.cookies[SECURE_COOKIE] ?? req.cookies[PLAIN_COOKIE] ?? null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SAME_ORIGIN = new Set(['same-origin', 'none']);

/**
 * True when a browser says this request comes from anywhere but our own origin or one of our
 * apps. Sec-Fetch-Site same-origin / none (typed URL, bookmark) are fine; anything else —
 * same-site included, since a sibling subdomain is another party — must carry an Origin that is
 * one of APP_ORIGINS or our own. A request with neither header is not from a browser page.
 */
export function isCrossSite(req: FastifyRequest, appOrigins: readonly string[]): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && SAME_ORIGIN.has(site)) return false;
  const origin = req.headers.origin;
  if (typeof origin === 'string') {
    if (appOrigins.includes(origin)) return false;
    const own = `${req.protocol}://${req.host}`;
    return origin !== own;
  }
  return typeof site === 'string';
}

export interface SessionCookieJar {
  set: (token: string, expiresAt: Date) => void;
  clear: () => void;
}

export function sessionCookies(config: Config, req: FastifyRequest, reply: FastifyReply): SessionCookieJar {
  const secure = isSecure(config, req);
  const name = secure ? SECURE_COOKIE : PLAIN_COOKIE;
  const base = { path: '/', httpOnly: true, secure, sameSite: 'lax' as const };
  return {
    set: (token, expiresAt) => void reply.setCookie(name, token, { ...base, expires: expiresAt }),
    clear: () => {
      reply.clearCookie(name, base);
      // A cookie of the other kind (e.g. after switching to HTTPS) goes too.
      const other = secure ? PLAIN_COOKIE : SECURE_COOKIE;
      if (req.cookies[other] !== undefined) reply.clearCookie(other, { ...base, secure: other === SECURE_COOKIE });
    },
  };
}

export async function registerSession(
  app: FastifyInstance,
  { db, clock, config, settings }: { db: Db; clock: Clock; config: Config; settings: AuthSettings },
): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('authSession', null);

  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (!(path === '/api' || path.startsWith('/api/') || path.startsWith('/trpc/'))) return;
    const bearer = bearerToken(req);
    const fromCookie = bearer ? null : cookieToken(config, req);
    // A browser sends our cookie with any request to us; a mutation another site triggers must
    // not ride on it (nor sign a visitor in to someone else's account). Bearer calls are exempt.
    if (!bearer && !SAFE_METHODS.has(req.method) && isCrossSite(req, config.APP_ORIGINS)) {
      return sendError(reply, 403, 'FORBIDDEN', 'Cross-site request refused: it must come from the LearninGPT apps.');
    }
    const token = bearer ?? fromCookie;
    if (!token) return;
    const valid = await validateSessionToken({ db, clock, policy: settings, token });
    if (!valid) {
      if (fromCookie) sessionCookies(config, req, reply).clear();
      return;
    }
    req.authSession = {
      sessionId: valid.id,
      user: valid.user,
      expiresAt: valid.expiresAt,
      absoluteExpiresAt: valid.absoluteExpiresAt,
      via: bearer ? 'bearer' : 'cookie',
      token,
    };
  });
}
