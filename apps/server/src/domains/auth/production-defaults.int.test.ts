// Production behaviour of the session cookie and the cross-origin check, on the real app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTION_ENV, startTestServer, type TestServer } from '../../testing/harness';
import { makeUser } from '../../testing/learning-fixtures';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ env: { ...PRODUCTION_ENV } });
});
afterAll(() => s.close());

describe('in production', () => {
  it('accepts only the __Host- session cookie', async () => {
    const { token } = await makeUser(s, 'student');
    const me = (cookie: string) => s.rest({ method: 'GET', url: '/api/auth/profile', headers: { cookie } });
    expect((await me(`__Host-lgpt_session=${token}`)).status).toBe(200);
    // The plain name (fine over http in development) could be planted by a sibling subdomain.
    expect((await me(`lgpt_session=${token}`)).status).toBe(401);
  });

  it('checks the Origin of same-site mutations against APP_ORIGINS', async () => {
    const { token } = await makeUser(s, 'student');
    const logout = (origin: string) =>
      s.rest({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: `__Host-lgpt_session=${token}`, 'sec-fetch-site': 'same-site', origin },
        payload: {},
      });
    const refused = await logout('https://evil.example.com');
    expect(refused.status).toBe(403);
    // Still signed in: the refused request did nothing.
    const me = await s.rest({
      method: 'GET',
      url: '/api/auth/profile',
      headers: { cookie: `__Host-lgpt_session=${token}` },
    });
    expect(me.status).toBe(200);
    expect((await logout(PRODUCTION_ENV.APP_ORIGINS!.split(',')[0]!)).status).toBe(200);
  });

  it('has no development aids', async () => {
    expect((await s.rest('/dev/mail')).status).toBe(404);
  });
});
