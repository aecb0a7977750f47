import { describe, expect, it } from 'vitest';
import { testAppOfFile } from '../helpers/file-app';

const ctx = testAppOfFile();

describe('api surface', () => {
  it('reports database and Redis in /api/health', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/login']?.post?.requestBody).toBeDefined();
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/')).length).toBeGreaterThan(15);
    // Security: the cookie scheme is declared; the log-in needs no session, the user list does.
    const full = res.json() as { components: { securitySchemes: Record<string, { in: string; name: string }> }; paths: Record<string, Record<string, { security?: unknown }>> };
    expect(full.components.securitySchemes.cookieAuth).toMatchObject({ in: 'cookie', name: 'ep_access' });
    expect(full.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(full.paths['/api/users']?.get?.security).toEqual([{ cookieAuth: [] }]);
    const ui = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('sends security headers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers unknown api paths with a French problem and a request id', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': 'req-test-42' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, detail: 'Cette adresse n’existe pas.', requestId: 'req-test-42' });
  });
});
