import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { mailMessages } from '../../db/schema';
import { createUser, injectAs } from '../helpers/app';
import { testAppOfFile } from '../helpers/file-app';
import { expectProblem } from '../helpers/accounts';
import { until } from '../helpers/until';

const ctx = testAppOfFile();

describe('dead ends say what they are', () => {
  it('answers 404 (not a validation error) for an id in the URL that cannot exist', async () => {
    const partner = await createUser(ctx, 'partner');
    const res = await (await injectAs(ctx, partner))({ method: 'GET', url: '/api/trainings/sessions/abc' });
    expect(expectProblem(res, 404).detail).toBe('Ressource introuvable.');
  });

  it('says a malformed link is not valid, in the page and in the form', async () => {
    const peek = await ctx.app.inject({ method: 'GET', url: '/api/auth/tokens/abc!def?purpose=invitation' });
    expect(expectProblem(peek, 404).detail).toMatch(/^Ce lien n’est pas valide/);
    const accept = await ctx.app.inject({ method: 'POST', url: '/api/auth/invitation/accept', headers: { 'accept-language': 'en' }, payload: { token: 'x', password: 'Gorges-de-la-Vis-Navacelles-77' } });
    expect(expectProblem(accept, 400).detail).toMatch(/^This link is not valid/);
  });

  it('sends the invitation again when an invited (never activated) account asks for a reset link', async () => {
    const invited = await createUser(ctx, 'partner', { status: 'invited', passwordHash: null });
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email: invited.email } });
    expect(res.statusCode).toBe(202);
    // The api answers before any lookup; the worker's job writes the mail (issue 9 item 11).
    await ctx.startWorkers();
    const templates = async () => (await ctx.db.select({ template: mailMessages.template }).from(mailMessages).where(and(eq(mailMessages.userId, invited.id)))).map((m) => m.template);
    await until(async () => (await templates()).length > 0, 10_000);
    expect(await templates()).toEqual(['invitation']);
  });
});
