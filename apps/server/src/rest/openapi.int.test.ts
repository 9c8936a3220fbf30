import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, REST_ALIASES } from '@learningpt/api';
import { startTestServer, type TestServer } from '../testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seeded: false });
});
afterAll(() => s.close());

type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

/** Every procedure of the router that declares a REST route, and every alias, as "METHOD /path". */
function restProcedures(): string[] {
  const out: string[] = REST_ALIASES.map((a) => `${a.method} ${a.path}`);
  for (const proc of Object.values(appRouter._def.procedures)) {
    const route = (proc as unknown as { _def: { meta?: { route?: { method?: string; path?: string } } } })._def.meta
      ?.route;
    if (route?.path) out.push(`${route.method ?? 'POST'} ${route.path}`);
  }
  return out.sort();
}

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const res = await s.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<Doc>();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every REST procedure of the router, with the envelope and error responses', async () => {
    const doc = (await s.app.inject({ url: '/api/openapi.json' })).json<Doc>();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const expected = restProcedures();
    expect(expected.length).toBeGreaterThan(0);
    expect(documented).toEqual(expected);
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '500']));
        expect(JSON.stringify(op.responses['200'])).toContain('"success"');
      }
    }
  });

  it('keeps constraints of the input schemas (limit max 100)', async () => {
    const doc = (await s.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, { get: { parameters: { name: string; schema: { maximum?: number } }[] } }>;
    }>();
    const limit = doc.paths['/programs']!.get.parameters.find((p) => p.name === 'limit');
    expect(limit?.schema.maximum).toBe(100);
  });

  it('renders the interactive reference at /docs from local assets', async () => {
    const page = await s.app.inject({ url: '/docs' });
    const html =
      page.statusCode === 302 ? (await s.app.inject({ url: String(page.headers.location) })).body : page.body;
    expect(html).toContain('swagger-ui');
    const spec = await s.app.inject({ url: '/docs/json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json<Doc>().paths).toHaveProperty('/programs');
  });
});
