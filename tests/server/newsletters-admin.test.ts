import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { addressDigest, launchCampaign } from '../../db/queries/newsletters';
import { appWithUsers, injectAs, type TestContext, type TestUser } from '../helpers/app';
import { newTopic, recipientRows, subscribedPartners } from '../helpers/newsletters';
import { QUEUE_BOARD_PATH } from '../../common/queues';
import { queueNames } from '../../workers/jobs';
import { createCampaign } from '../../db/queries/newsletters';
import { EVERYONE } from '../helpers/audience';

let ctx: TestContext;
let admin: TestUser;
let staff: TestUser;
let partner: TestUser;

beforeAll(async () => ({ ctx, admin, staff, partner } = await appWithUsers({ admin: 'admin', staff: 'staff', partner: 'partner' })));
afterAll(async () => ctx?.close());

describe('topics (admins)', () => {
  it('lists the four seeded topics in order; an admin renames, reorders, archives and adds one; archived topics leave the preference page', async () => {
    const as = await injectAs(ctx, admin);
    const list = (await as({ method: 'GET', url: '/api/newsletters/topics' })).json();
    expect(list.items.slice(0, 4).map((t: { nameFr: string }) => t.nameFr)).toEqual(['Lettre du réseau', 'Formations', 'Actualités', 'Observatoire']);
    const put = await as({ method: 'PUT', url: '/api/newsletters/topics/carte-pass', payload: { nameFr: '  Carte PASS ', nameEn: 'PASS card', descriptionFr: 'La campagne annuelle', descriptionEn: 'The yearly campaign', position: 0, active: true } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ id: 'carte-pass', nameFr: 'Carte PASS', position: 0 });
    const archived = await as({ method: 'PUT', url: '/api/newsletters/topics/carte-pass', payload: { nameFr: 'Carte PASS', nameEn: 'PASS card', descriptionFr: '', descriptionEn: '', position: 0, active: false } });
    expect(archived.json().active).toBe(false);
    const again = (await as({ method: 'GET', url: '/api/newsletters/topics' })).json();
    expect(again.items[0]).toMatchObject({ id: 'carte-pass', active: false });
    const prefs = (await (await injectAs(ctx, partner))({ method: 'GET', url: '/api/newsletters/preferences' })).json();
    expect(prefs.items.map((t: { id: string }) => t.id)).not.toContain('carte-pass');
    const bad = await as({ method: 'PUT', url: '/api/newsletters/topics/Carte_PASS', payload: { nameFr: 'x', nameEn: 'x', descriptionFr: '', descriptionEn: '', position: 0, active: true } });
    expect(bad.statusCode).toBe(404); // a path parameter that breaks its pattern names nothing: not found, like an unknown id
    expect((await (await injectAs(ctx, staff))({ method: 'GET', url: '/api/newsletters/topics' })).statusCode).toBe(403);
  });
});

describe('suppression list (admins)', () => {
  it('searches by address (LIKE wildcards taken literally) and filters by reason', async () => {
    const as = await injectAs(ctx, admin);
    for (const address of ['Plainte.Un@Exemple.test', 'plainte_deux@exemple.test', 'autre@ailleurs.test']) {
      expect((await as({ method: 'POST', url: '/api/newsletters/suppressions', payload: { address, reason: 'complaint', note: 'Plainte reçue par téléphone' } })).statusCode).toBe(201);
    }
    await as({ method: 'POST', url: '/api/newsletters/suppressions', payload: { address: 'rebond@exemple.test', reason: 'hard_bounce' } });
    const found = (await as({ method: 'GET', url: '/api/newsletters/suppressions', query: { search: 'PLAINTE' } })).json();
    expect(found.items.map((s: { address: string }) => s.address).sort()).toEqual(['plainte.un@exemple.test', 'plainte_deux@exemple.test']);
    expect(found.total).toBe(2);
    const literal = (await as({ method: 'GET', url: '/api/newsletters/suppressions', query: { search: 'plainte_' } })).json();
    expect(literal.items.map((s: { address: string }) => s.address)).toEqual(['plainte_deux@exemple.test']);
    const bounces = (await as({ method: 'GET', url: '/api/newsletters/suppressions', query: { reason: 'hard_bounce' } })).json();
    expect(bounces.items.map((s: { address: string }) => s.address)).toEqual(['rebond@exemple.test']);
    expect((await as({ method: 'GET', url: '/api/newsletters/suppressions', query: { reason: 'autre' } })).statusCode).toBe(400);
    expect(found.items.find((s: { address: string }) => s.address === 'plainte.un@exemple.test').note).toBe('Plainte reçue par téléphone');
  });

  it('an entry is removed with a reason from the closed list, audited without the address; the address is mailed again', async () => {
    const as = await injectAs(ctx, admin);
    const topicId = await newTopic(ctx);
    const [person] = await subscribedPartners(ctx, 1, topicId);
    await as({ method: 'POST', url: '/api/newsletters/suppressions', payload: { address: person!.email, reason: 'complaint' } });
    const draft = () => createCampaign(ctx.db, {
      subject: 'Exclusion', preheader: '', sender: ctx.config.MAIL_FROM, bodyHtml: '<p>Bonjour</p>', topicId,
      audience: EVERYONE,
    }, admin.id);
    expect(await launchCampaign(ctx.db, (await draft()).id)).toMatchObject({ ok: false, reason: 'noRecipients' });

    const noReason = await as({ method: 'POST', url: '/api/newsletters/suppressions/removals', payload: { address: person!.email } });
    expect(noReason.statusCode).toBe(400);
    const freeText = await as({ method: 'POST', url: '/api/newsletters/suppressions/removals', payload: { address: person!.email, reason: 'parce que' } });
    expect(freeText.statusCode).toBe(400);
    const removed = await as({ method: 'POST', url: '/api/newsletters/suppressions/removals', payload: { address: person!.email.toUpperCase(), reason: 'person_asked' } });
    expect(removed.statusCode).toBe(204);
    const twice = await as({ method: 'POST', url: '/api/newsletters/suppressions/removals', payload: { address: person!.email, reason: 'person_asked' } });
    expect(twice.statusCode).toBe(404);
    expect(twice.json().detail).toBe('Cette adresse n’est pas dans la liste d’exclusion.');

    const audit = await ctx.db.select().from(auditLog).where(and(eq(auditLog.targetType, 'newsletter_suppression'), eq(auditLog.targetId, addressDigest(person!.email))));
    expect(audit.map((a) => [a.action, a.actorId, a.details])).toEqual(expect.arrayContaining([
      ['newsletter.suppression.add', admin.id, { reason: 'complaint' }],
      ['newsletter.suppression.remove', admin.id, { reason: 'person_asked', was: 'complaint' }],
    ]));
    expect(JSON.stringify(audit)).not.toContain(person!.email.toLowerCase());

    const c = await draft();
    expect(await launchCampaign(ctx.db, c.id)).toMatchObject({ ok: true, total: 1 });
    expect((await recipientRows(ctx, c.id)).map((r) => r.address)).toEqual([person!.email.toLowerCase()]);
  });
});

describe('queue dashboard (Bull Board)', () => {
  it('shows every queue of the workers’ contract to admins only; its page and static files too; an unknown sub-path is 404', async () => {
    const anonymous = await injectAs(ctx, null);
    for (const url of [QUEUE_BOARD_PATH, `${QUEUE_BOARD_PATH}/api/queues`, `${QUEUE_BOARD_PATH}/static/images/logo.svg`]) {
      const res = await anonymous({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await (await injectAs(ctx, partner))({ method: 'GET', url })).statusCode, url).toBe(403);
      expect((await (await injectAs(ctx, staff))({ method: 'GET', url })).statusCode, url).toBe(403);
    }
    const as = await injectAs(ctx, admin);
    const page = await as({ method: 'GET', url: QUEUE_BOARD_PATH });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain(`<base href="${QUEUE_BOARD_PATH}/`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const queues = await as({ method: 'GET', url: `${QUEUE_BOARD_PATH}/api/queues` });
    expect(queues.statusCode).toBe(200);
    expect(queues.json().queues.map((q: { name: string }) => q.name).sort()).toEqual([...queueNames].sort());
    const asset = await as({ method: 'GET', url: `${QUEUE_BOARD_PATH}/static/images/logo.svg` });
    expect(asset.statusCode).toBe(200);
    expect((await as({ method: 'GET', url: `${QUEUE_BOARD_PATH}/inconnu/chemin` })).statusCode).toBe(404);
    expect((await as({ method: 'GET', url: `${QUEUE_BOARD_PATH}/static/inconnu.js` })).statusCode).toBe(404);
  });

  it('reads the real Redis: a job added to a queue shows in its counts', async () => {
    await ctx.app.queues.schedule.add('accounts.purge', {}, { delay: 3_600_000, jobId: 'tableau-de-bord' });
    const as = await injectAs(ctx, admin);
    const queues = (await as({ method: 'GET', url: `${QUEUE_BOARD_PATH}/api/queues`, query: { activeQueue: 'schedule', status: 'delayed' } })).json();
    const schedule = queues.queues.find((q: { name: string }) => q.name === 'schedule');
    expect(schedule.counts.delayed).toBeGreaterThanOrEqual(1);
    await ctx.app.queues.schedule.remove('tableau-de-bord');
  });
});
