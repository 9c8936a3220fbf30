import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type Envelope = { success: boolean; [k: string]: unknown };
type ErrorBody = {
  success: false;
  error: { code: string; message: string; issues?: { path: unknown[]; message: string }[] };
};

describe('REST envelope', () => {
  it('wraps a list in { success: true, programs, pagination }', async () => {
    const res = await s.rest<Envelope>('/api/programs?limit=5&page=2&sort=newest');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.success).toBe(true);
    expect(Object.keys(res.body).sort()).toEqual(['pagination', 'programs', 'success']);
    expect(res.body.pagination).toMatchObject({ currentPage: 2, hasPrev: true });
    const programs = res.body.programs as { createdAt: unknown; pricing: { bundle: unknown } }[];
    expect(programs).toHaveLength(5);
    // Dates travel as ISO strings and money as decimal amounts on the REST face.
    expect(typeof programs[0]!.createdAt).toBe('string');
    expect(new Date(programs[0]!.createdAt as string).toISOString()).toBe(programs[0]!.createdAt);
    expect(typeof programs[0]!.pricing.bundle).toBe('number');
  });

  it('answers invalid query parameters with 400, a message and zod issues per field', async () => {
    const res = await s.rest<ErrorBody>('/api/programs?limit=1000&sort=cheapest&page=0');
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    const paths = res.body.error.issues!.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['limit', 'page', 'sort']);
    expect(res.body.error.issues!.find((i) => i.path[0] === 'limit')!.message).toBe('limit can be at most 100');
    expect(res.body.error.message).toMatch(/limit: limit can be at most 100/);
  });

  it('answers a cross-field rule with 400 too', async () => {
    const res = await s.rest<ErrorBody>('/api/programs?priceMin=50&priceMax=10');
    expect(res.status).toBe(400);
    expect(res.body.error.issues![0]).toMatchObject({
      path: ['priceMin'],
      message: 'priceMin must not be greater than priceMax',
    });
  });

  it('answers an unknown program with 404 and the error shape', async () => {
    const res = await s.rest<ErrorBody>('/api/programs/no-such-program');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ success: false, error: { code: 'NOT_FOUND', message: 'Program not found' } });
  });

  it('answers an unknown route with 404 in the same shape', async () => {
    const api = await s.rest<ErrorBody>('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.body.success).toBe(false);
    expect(api.body.error.code).toBe('NOT_FOUND');
    const other = await s.rest<ErrorBody>('/nothing-here');
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
  });

  it('answers malformed JSON with 400 in the error shape, not 500', async () => {
    const res = await s.rest<ErrorBody>({
      method: 'POST',
      url: '/api/programs',
      headers: { 'content-type': 'application/json' },
      payload: '{"oops":',
    });
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.message).toMatch(/JSON/i);
  });

  it('serves the same program by id and by slug', async () => {
    const list = await s.rest<{ programs: { id: string; slug: string }[] }>('/api/programs?limit=1');
    const first = list.body.programs[0]!;
    const byId = await s.rest<{ program: { id: string }; isEnrolled: boolean; userProgress: unknown }>(
      `/api/programs/${first.id}`,
    );
    const bySlug = await s.rest<{ program: { id: string } }>(`/api/programs/${first.slug}`);
    expect(byId.status).toBe(200);
    expect(byId.body.program.id).toBe(first.id);
    expect(bySlug.body.program.id).toBe(first.id);
    expect(byId.body.isEnrolled).toBe(false);
    expect(byId.body.userProgress).toBeNull();
  });
});

describe('HTTP hygiene', () => {
  it('returns a request id, echoing a sane one', async () => {
    const res = await s.app.inject({ url: '/health', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-request-id']).toBe('abc-123');
    const fresh = await s.app.inject({ url: '/health', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const res = await s.app.inject({ url: '/api/categories' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('allows CORS only for the configured app origins', async () => {
    const allowed = await s.app.inject({
      method: 'OPTIONS',
      url: '/trpc/programs.list',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const denied = await s.app.inject({
      method: 'OPTIONS',
      url: '/trpc/programs.list',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });
});
