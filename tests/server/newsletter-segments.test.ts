import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewSegment } from '../../db/queries/newsletter-segments';
import { addSuppression } from '../../db/queries/newsletters';
import { addMonths, currentMonth } from '../../common/figures';
import type { SegmentFilter } from '../../common/newsletter-segments';
import { appWithUsers, createUser, type Injector, type TestContext } from '../helpers/app';
import { newTopic, recipientRows } from '../helpers/newsletters';
import { contactAt, filterOf, giveFigures, partnerAt, register, registeredPartner, sessionOf, unsubscribeAll } from '../helpers/newsletter-segments';
import { subscribe } from '../../db/queries/newsletters';
import { audienceOf, EVERYONE } from '../helpers/audience';

let ctx: TestContext;
let asAdmin: Injector;

beforeAll(async () => ({ ctx, asAdmin } = await appWithUsers({ admin: 'admin' })));
afterAll(async () => ctx?.close());

/** The addresses a filter reaches among a topic's subscribers (the count and, for small sets, the whole list). */
async function reached(filter: SegmentFilter, topicId: string, now?: Date) {
  const out = await previewSegment(ctx.db, filter, topicId, now);
  return { count: out.count, addresses: out.sample.map((s) => s.address).sort() };
}

const CAMPSITES_PAYS_VIGANAIS = filterOf({ people: 'partners', subcategories: ['camping'], communautes: ['pv'] });

describe('segments count the right people', () => {
  it('« campings du Pays Viganais »: campsites (people and contact addresses) of the communauté, subscribed to the topic, not suppressed, once per address', async () => {
    const topic = await newTopic(ctx);
    const inLeVigan = await partnerAt(ctx, topic, { subcategory: 'camping', communeInsee: '30350' });
    const contact = await contactAt(ctx, topic, { subcategory: 'camping', communeInsee: '30017' });
    // Wrong answers a looser rule would give:
    await partnerAt(ctx, topic, { subcategory: 'camping', communeInsee: '34111' }); // a campsite in Ganges (another communauté)
    await partnerAt(ctx, topic, { subcategory: 'gite', communeInsee: '30017' }); // a gîte in the Pays Viganais
    await partnerAt(ctx, await newTopic(ctx), { subcategory: 'camping', communeInsee: '30350' }); // subscribed to another topic only
    const suppressed = await partnerAt(ctx, topic, { subcategory: 'camping', communeInsee: '30350' });
    await addSuppression(ctx.db, suppressed.email, 'complaint', null);
    const unsubscribed = await partnerAt(ctx, topic, { subcategory: 'camping', communeInsee: '30350' });
    await unsubscribeAll(ctx, unsubscribed.email);
    await partnerAt(ctx, topic, { subcategory: 'camping', communeInsee: '30350', status: 'inactive' }); // establishment no longer active
    await partnerAt(ctx, topic, { subcategory: 'camping', communeInsee: '30350' }, { status: 'disabled' }); // account disabled
    const staff = await createUser(ctx, 'staff');
    await subscribe(ctx.db, { topicId: topic, address: staff.email, userId: staff.id, source: 'preferences' });
    // The same address twice: a campsite partner whose address is also their establishment's subscribed contact address.
    const both = await partnerAt(ctx, topic, { subcategory: 'camping', communeInsee: '30350' });
    await subscribe(ctx.db, { topicId: topic, address: both.email, establishmentId: both.establishmentId, source: 'admin' });

    const expected = [inLeVigan.email, contact.address, both.email].map((a) => a.toLowerCase()).sort();
    expect(await reached(CAMPSITES_PAYS_VIGANAIS, topic)).toEqual({ count: 3, addresses: expected });
    // The category alone is wider (the gîte joins); staff are no partners.
    expect((await reached(filterOf({ people: 'partners', categories: ['hebergement'], communautes: ['pv'] }), topic)).count).toBe(4);
    expect(await reached(filterOf({ people: 'staff' }), topic)).toEqual({ count: 1, addresses: [staff.email.toLowerCase()] });

    // A campaign with the segment freezes exactly those, one row per address.
    const seg = await asAdmin({ method: 'POST', url: '/api/newsletters/segments', payload: { name: 'Campings du Pays Viganais', filter: CAMPSITES_PAYS_VIGANAIS } });
    expect(seg.statusCode).toBe(201);
    const campaign = await asAdmin({
      method: 'POST', url: '/api/newsletters/campaigns',
      payload: {
        subject: 'Saison des campings', preheader: '', sender: ctx.config.MAIL_FROM, bodyHtml: '<p>Bonjour</p>', topicId: topic,
        audience: EVERYONE, segmentId: seg.json().id,
      },
    });
    expect(campaign.statusCode).toBe(201);
    expect(campaign.json().segmentId).toBe(seg.json().id);
    const id = campaign.json().id as string;
    expect((await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${id}/reach` })).json()).toEqual({ count: 3 });
    const launch = await asAdmin({ method: 'POST', url: `/api/newsletters/campaigns/${id}/launch` });
    expect(launch.statusCode).toBe(200);
    expect(launch.json().total).toBe(3);
    expect((await recipientRows(ctx, id)).map((r) => r.address).sort()).toEqual(expected);
  });

  it('where: a commune, or an office (the offices of the establishment’s communauté), as the shared audience rule reads them', async () => {
    const topic = await newTopic(ctx);
    const ganges = await partnerAt(ctx, topic, { communeInsee: '34111' });
    const leVigan = await partnerAt(ctx, topic, { communeInsee: '30350' });
    const arrigas = await partnerAt(ctx, topic, { communeInsee: '30017' });
    expect((await reached(filterOf({ people: 'partners', communes: ['30350'] }), topic)).addresses).toEqual([leVigan.email]);
    // The Le Vigan office serves the Pays Viganais: Le Vigan and Arrigas, not Ganges.
    expect((await reached(filterOf({ people: 'partners', offices: ['bit-le-vigan'] }), topic)).addresses).toEqual([leVigan.email, arrigas.email].sort());
    expect((await reached(filterOf({ people: 'partners', offices: ['bit-ganges'] }), topic)).addresses).toEqual([ganges.email]);
  });

  it('labels and membership year', async () => {
    const topic = await newTopic(ctx);
    const velo2026 = await partnerAt(ctx, topic, { labels: ['Accueil Vélo', 'Qualité Tourisme'], membershipYear: 2026 });
    const velo2025 = await partnerAt(ctx, topic, { labels: ['Accueil Vélo'], membershipYear: 2025 });
    const none2026 = await partnerAt(ctx, topic, { labels: [], membershipYear: 2026 });
    await partnerAt(ctx, topic, { labels: ['Gîtes de France'], membershipYear: null });
    expect((await reached(filterOf({ people: 'partners', membershipYears: [2026] }), topic)).addresses).toEqual([velo2026.email, none2026.email].sort());
    expect((await reached(filterOf({ people: 'partners', membershipYears: [2025, 2026] }), topic)).count).toBe(3);
    expect((await reached(filterOf({ people: 'partners', labels: ['Accueil Vélo'] }), topic)).addresses).toEqual([velo2026.email, velo2025.email].sort());
    expect((await reached(filterOf({ people: 'partners', labels: ['Accueil Vélo'], membershipYears: [2026] }), topic)).addresses).toEqual([velo2026.email]);
  });

  it('registered for or attended a training of a theme between two days (Europe/Paris)', async () => {
    const topic = await newTopic(ctx);
    const march = await sessionOf(ctx, 'digital', '2026-03-10T08:00:00Z');
    const lastYear = await sessionOf(ctx, 'digital', '2025-06-01T08:00:00Z');
    const welcome = await sessionOf(ctx, 'welcome', '2026-03-10T08:00:00Z');
    // 1 July 00:30 in Paris, still 30 June in UTC: outside a period ending on 30 June.
    const july = await sessionOf(ctx, 'digital', '2026-06-30T22:30:00Z');
    const cancelledSession = await sessionOf(ctx, 'digital', '2026-04-10T08:00:00Z', 'cancelled');

    const present = await registeredPartner(ctx, topic, march, { attendance: 'present' });
    const absent = await registeredPartner(ctx, topic, march, { attendance: 'absent' });
    // Never reached: a cancelled registration, a waiting one, and (below) one for a cancelled session.
    await registeredPartner(ctx, topic, march, { status: 'cancelled' });
    await registeredPartner(ctx, topic, march, { status: 'waiting' });
    const old = await registeredPartner(ctx, topic, lastYear, { attendance: 'present' });
    const otherTheme = await registeredPartner(ctx, topic, welcome, { attendance: 'present' });
    const inJuly = await registeredPartner(ctx, topic, july);
    await registeredPartner(ctx, topic, cancelledSession);
    // An establishment's contact address matches through the registrations made for its establishment.
    const colleague = await createUser(ctx, 'partner', { establishmentId: (await contactAt(ctx, topic)).establishmentId });
    await register(ctx, march, colleague, { attendance: 'present' });
    const contactOfColleague = (await reached(filterOf({ people: 'partners' }), topic)).addresses.find((a) => a.startsWith('contact-'))!;

    const firstHalf = { themes: ['digital' as const], from: '2026-01-01', to: '2026-06-30' };
    expect((await reached(filterOf({ training: { mode: 'registered', ...firstHalf } }), topic)).addresses).toEqual([present.email, absent.email, contactOfColleague].sort());
    expect((await reached(filterOf({ training: { mode: 'attended', ...firstHalf } }), topic)).addresses).toEqual([present.email, contactOfColleague].sort());
    expect((await reached(filterOf({ training: { mode: 'registered', ...firstHalf, to: '2026-07-01' } }), topic)).addresses).toContain(inJuly.email);
    expect((await reached(filterOf({ training: { mode: 'attended', themes: [], from: null, to: null } }), topic)).addresses)
      .toEqual([present.email, old.email, otherTheme.email, contactOfColleague].sort());
  });

  it('has not submitted last month’s figures: establishments that give figures, without a row for the previous month (Europe/Paris)', async () => {
    const topic = await newTopic(ctx);
    const now = new Date('2026-03-31T22:30:00Z'); // already 1 April in Paris: last month is March
    const lastMonth = addMonths(currentMonth(now), -1);
    expect(lastMonth).toBe('2026-03');
    const gave = await partnerAt(ctx, topic, { category: 'hebergement', subcategory: 'camping' });
    await giveFigures(ctx, gave.establishmentId!, '2026-03');
    const gaveFebruaryOnly = await partnerAt(ctx, topic, { category: 'hebergement', subcategory: 'camping' });
    await giveFigures(ctx, gaveFebruaryOnly.establishmentId!, '2026-02');
    const site = await partnerAt(ctx, topic, { category: 'sites_musees', subcategory: 'musee' });
    await partnerAt(ctx, topic, { category: 'restauration', subcategory: null }); // gives no figures at all
    expect((await reached(filterOf({ people: 'partners', figuresMissingLastMonth: true }), topic, now)).addresses).toEqual([gaveFebruaryOnly.email, site.email].sort());
  });

  it('language: a person’s language; a contact address counts as French', async () => {
    const topic = await newTopic(ctx);
    const english = await partnerAt(ctx, topic, {}, { language: 'en' });
    const french = await partnerAt(ctx, topic, {}, { language: 'fr' });
    const contact = await contactAt(ctx, topic);
    expect((await reached(filterOf({ languages: ['en'] }), topic)).addresses).toEqual([english.email]);
    expect((await reached(filterOf({ languages: ['fr'] }), topic)).addresses).toEqual([french.email, contact.address].sort());
  });
});

describe('segments api', () => {
  it('preview: the live count and a sample of at most 10, addresses masked, names and establishments shown', async () => {
    const topic = await newTopic(ctx);
    for (let i = 0; i < 12; i++) await partnerAt(ctx, topic, { subcategory: 'camping', communeInsee: '30350', name: `Camping ${i}` }, { name: `Personne ${i}` });
    const res = await asAdmin({ method: 'POST', url: '/api/newsletters/segments/preview', payload: { filter: CAMPSITES_PAYS_VIGANAIS, topicId: topic } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.count).toBe(12);
    expect(body.sample).toHaveLength(10);
    for (const s of body.sample) {
      expect(s).toMatchObject({ kind: 'person', name: expect.stringMatching(/^Personne \d+$/), establishment: expect.stringMatching(/^Camping \d+$/), commune: 'Le Vigan', language: 'fr' });
      expect(s.maskedAddress).toMatch(/^s•••@example\.test$/);
      expect(JSON.stringify(s)).not.toMatch(/seg-/);
    }
    // The same filter gives the same sample (no jumping list while editing).
    const again = await asAdmin({ method: 'POST', url: '/api/newsletters/segments/preview', payload: { filter: CAMPSITES_PAYS_VIGANAIS, topicId: topic } });
    expect(again.json().sample).toEqual(body.sample);
  });

  it('refuses unknown places, labels, topics and a period that ends before it starts, naming the field', async () => {
    const bad = async (filter: Partial<SegmentFilter>, topicId = 'lettre-du-reseau') => {
      const res = await asAdmin({ method: 'POST', url: '/api/newsletters/segments/preview', payload: { filter: filterOf({ people: 'partners', ...filter }), topicId } });
      expect(res.statusCode).toBe(400);
      return res.json().errors.map((e: { field: string }) => e.field);
    };
    expect(await bad({ communautes: ['nulle-part'] })).toEqual(['filter.communautes']);
    expect(await bad({ offices: ['bit-inconnu'] })).toEqual(['filter.offices']);
    expect(await bad({ labels: ['Label inventé'] })).toEqual(['filter.labels']);
    expect(await bad({ training: { mode: 'registered', themes: [], from: '2026-06-01', to: '2026-05-01' } })).toEqual(['filter.training.to']);
    expect(await bad({ training: { mode: 'registered', themes: [], from: '2026-02-31', to: null } })).toEqual(['filter.training.to']);
    expect(await bad({}, 'theme-inconnu')).toEqual(['topicId']);
  });

  it('saves, lists, edits and deletes; establishment filters are stored empty for staff; one name per segment; a segment used by a draft is kept', async () => {
    const created = await asAdmin({ method: 'POST', url: '/api/newsletters/segments', payload: { name: 'Équipe', filter: filterOf({ people: 'staff', categories: ['hebergement'], labels: ['Accueil Vélo'], languages: ['fr'] }) } });
    expect(created.statusCode).toBe(201);
    const seg = created.json();
    expect(seg.filter).toEqual(filterOf({ people: 'staff', languages: ['fr'] }));
    expect(seg.createdBy).toBe('Test admin');
    const dup = await asAdmin({ method: 'POST', url: '/api/newsletters/segments', payload: { name: 'ÉQUIPE', filter: filterOf({}) } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('name');

    const put = await asAdmin({ method: 'PUT', url: `/api/newsletters/segments/${seg.id}`, payload: { name: 'Équipe (anglais)', filter: filterOf({ people: 'staff', languages: ['en'] }) } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ name: 'Équipe (anglais)', filter: { languages: ['en'] } });
    const list = (await asAdmin({ method: 'GET', url: '/api/newsletters/segments' })).json().items as { id: string }[];
    expect(list.map((s) => s.id)).toContain(seg.id);

    const draft = await asAdmin({
      method: 'POST', url: '/api/newsletters/campaigns',
      payload: { subject: 'Note', preheader: '', sender: ctx.config.MAIL_FROM, bodyHtml: '<p>x</p>', topicId: 'lettre-du-reseau', audience: audienceOf('staff'), segmentId: seg.id },
    });
    expect(draft.statusCode).toBe(201);
    expect((await asAdmin({ method: 'DELETE', url: `/api/newsletters/segments/${seg.id}` })).statusCode).toBe(409);
    await asAdmin({ method: 'POST', url: `/api/newsletters/campaigns/${draft.json().id}/cancel` });
    expect((await asAdmin({ method: 'DELETE', url: `/api/newsletters/segments/${seg.id}` })).statusCode).toBe(204);
    expect((await asAdmin({ method: 'GET', url: `/api/newsletters/segments/${seg.id}` })).statusCode).toBe(404);
    // The cancelled campaign stays, without its segment.
    expect((await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${draft.json().id}` })).json().segmentId).toBeNull();
  });

  it('a campaign naming an unknown segment is refused on its field', async () => {
    const res = await asAdmin({
      method: 'POST', url: '/api/newsletters/campaigns',
      payload: { subject: 'Note', preheader: '', sender: ctx.config.MAIL_FROM, bodyHtml: '<p>x</p>', topicId: 'lettre-du-reseau', audience: audienceOf('staff'), segmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('segmentId');
  });
});
