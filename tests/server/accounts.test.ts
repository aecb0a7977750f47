import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, communes, establishments, mailMessages, oneTimeTokens, logins, users } from '../../db/schema';
import { until } from '../helpers/until';
import { createEstablishment, createTestApp, createUser, injectAs, type Injector, type TestContext, type TestUser, TEST_PASSWORD } from '../helpers/app';
import { cookiesFrom, expectProblem, fieldErrors, login } from '../helpers/accounts';

let ctx: TestContext;
let admin: TestUser;
let staff: TestUser;
let asAdmin: Injector;
let asStaff: Injector;

beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: 1000 });
  admin = await createUser(ctx, 'admin', { name: 'Adèle Administratrice' });
  staff = await createUser(ctx, 'staff', { name: 'Sébastien Personnel' });
  asAdmin = await injectAs(ctx, admin);
  asStaff = await injectAs(ctx, staff);
});

afterAll(async () => ctx?.close());

const auditOf = (targetId: string) => ctx.db.select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details }).from(auditLog).where(eq(auditLog.targetId, targetId));

describe('GET /api/users', () => {
  let estA: { id: string };
  beforeAll(async () => {
    estA = await createEstablishment(ctx, { name: 'Camping Les Cigales' });
    await createUser(ctx, 'partner', { name: 'Zoé Filtre-Un', email: 'zoe.filtre@example.test', establishmentId: estA.id });
    await createUser(ctx, 'partner', { name: 'Yann Filtre-Deux', email: 'yann@filtre.example', establishmentId: estA.id, status: 'disabled' });
    await createUser(ctx, 'partner', { name: 'Xavier Filtre-Trois', status: 'invited', passwordHash: null });
    await createUser(ctx, 'partner', { name: 'Remise 100% Filtre' });
  });

  it('filters by role, status and establishment, searches name and e-mail case-insensitively', async () => {
    const list = async (qs: string) => {
      const res = await asStaff({ method: 'GET', url: `/api/users?${qs}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { name: string; email: string; role: string; status: string; establishment: { id: string; name: string } | null }[]; total: number };
    };
    const byEstablishment = await list(`establishmentId=${estA.id}`);
    expect(byEstablishment.items.map((u) => u.name).sort()).toEqual(['Yann Filtre-Deux', 'Zoé Filtre-Un']);
    expect(byEstablishment.items[0]!.establishment).toEqual({ id: estA.id, name: 'Camping Les Cigales' });

    expect((await list('search=FILTRE&status=disabled')).items.map((u) => u.name)).toEqual(['Yann Filtre-Deux']);
    expect((await list('search=filtre&status=invited')).items.map((u) => u.name)).toEqual(['Xavier Filtre-Trois']);
    expect((await list('search=filtre.example')).items.map((u) => u.name)).toEqual(['Yann Filtre-Deux']);
    // LIKE wildcards are searched literally.
    expect((await list('search=100%25')).items.map((u) => u.name)).toEqual(['Remise 100% Filtre']);
    expect((await list('search=_')).total).toBe(0);

    const staffOnly = await list('role=staff');
    expect(staffOnly.items.every((u) => u.role === 'staff')).toBe(true);
    expect(staffOnly.items.map((u) => u.name)).toContain('Sébastien Personnel');
  });

  it('paginates in name order with a total', async () => {
    const page1 = (await asAdmin({ method: 'GET', url: '/api/users?search=filtre&pageSize=2&page=1' })).json();
    const page2 = (await asAdmin({ method: 'GET', url: '/api/users?search=filtre&pageSize=2&page=2' })).json();
    expect(page1).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    const names = [...page1.items, ...page2.items].map((u: { name: string }) => u.name);
    expect(names).toEqual(['Remise 100% Filtre', 'Xavier Filtre-Trois', 'Yann Filtre-Deux', 'Zoé Filtre-Un']);
    const page3 = (await asAdmin({ method: 'GET', url: '/api/users?search=filtre&pageSize=2&page=3' })).json();
    expect(page3.items).toEqual([]);
  });

  it('is closed to partners and anonymous callers', async () => {
    const partner = await createUser(ctx, 'partner');
    expectProblem(await (await injectAs(ctx, partner))({ method: 'GET', url: '/api/users' }), 403);
    expectProblem(await ctx.app.inject({ method: 'GET', url: '/api/users' }), 401);
  });
});

describe('invitations', () => {
  const invite = (as: Injector, payload: object) => as({ method: 'POST', url: '/api/users/invitations', payload });

  it('lets staff invite a partner of an establishment; queues the mail; audits', async () => {
    const est = await createEstablishment(ctx);
    const res = await invite(asStaff, { email: 'Nouvelle.Partenaire@Example.test', name: 'Nina Partenaire', role: 'partner', establishmentId: est.id, language: 'en' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const [user] = await ctx.db.select().from(users).where(eq(users.id, id));
    expect(user).toMatchObject({ email: 'nouvelle.partenaire@example.test', status: 'invited', role: 'partner', establishmentId: est.id, language: 'en', passwordHash: null });
    const mails = await ctx.db.select().from(mailMessages).where(eq(mailMessages.userId, id));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'invitation', language: 'en', toAddress: 'nouvelle.partenaire@example.test', status: 'queued' });
    const [token] = await ctx.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, id));
    expect(token).toMatchObject({ purpose: 'invitation', createdBy: staff.id, id: mails[0]!.params.tokenId });
    expect(token!.expiresAt.getTime() - Date.now()).toBeGreaterThan((ctx.config.INVITATION_TTL_HOURS - 1) * 3_600_000);
    // The mail job was enqueued after commit with a deterministic id.
    const job = await ctx.queues.mail.getJob(`mail-${mails[0]!.id}`);
    expect(job?.data).toEqual({ messageId: mails[0]!.id });
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['user.invite']);
  });

  it('refuses staff inviting staff or admins', async () => {
    const res = await invite(asStaff, { email: 'collegue@example.test', name: 'Collègue', role: 'staff', officeId: 'bit-ganges' });
    expect(expectProblem(res, 403).detail).toBe('Le personnel ne peut inviter que des partenaires.');
    expectProblem(await invite(asStaff, { email: 'chef@example.test', name: 'Chef', role: 'admin' }), 403);
  });

  it('lets admins invite staff (with an office) and admins', async () => {
    expect((await invite(asAdmin, { email: 'agent.ganges@example.test', name: 'Agent Ganges', role: 'staff', officeId: 'bit-ganges' })).statusCode).toBe(201);
    expect((await invite(asAdmin, { email: 'direction@example.test', name: 'Direction', role: 'admin' })).statusCode).toBe(201);
  });

  it('requires an existing establishment for partners and an existing office for staff', async () => {
    expect(fieldErrors(await invite(asAdmin, { email: 'a1@example.test', name: 'A', role: 'partner' })).establishmentId).toBe('Un partenaire doit être rattaché à un établissement.');
    expect(fieldErrors(await invite(asAdmin, { email: 'a2@example.test', name: 'A', role: 'partner', establishmentId: '00000000-0000-4000-8000-000000000000' })).establishmentId).toBe('Établissement inconnu.');
    expect(fieldErrors(await invite(asAdmin, { email: 'a3@example.test', name: 'A', role: 'staff' })).officeId).toBeDefined();
    expect(fieldErrors(await invite(asAdmin, { email: 'a4@example.test', name: 'A', role: 'staff', officeId: 'bit-nulle-part' })).officeId).toBe('Bureau d’information inconnu.');
    const none = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, 'a2@example.test'));
    expect(none).toHaveLength(0);
  });

  it('refuses an e-mail already used, whatever its case', async () => {
    const existing = await createUser(ctx, 'partner');
    const res = await invite(asAdmin, { email: existing.email.toUpperCase(), name: 'Doublon', role: 'partner', establishmentId: existing.establishmentId });
    expect(expectProblem(res, 409).detail).toBe('Un compte existe déjà avec cette adresse e-mail.');
    expect(fieldErrors(res).email).toBeDefined();
  });

  it('re-sends only to accounts still invited; staff only for partners', async () => {
    const active = await createUser(ctx, 'partner');
    expectProblem(await asStaff({ method: 'POST', url: `/api/users/${active.id}/invitation/resend` }), 409);
    const invitedStaff = await createUser(ctx, 'staff', { status: 'invited', passwordHash: null });
    expectProblem(await asStaff({ method: 'POST', url: `/api/users/${invitedStaff.id}/invitation/resend` }), 403);
    expect((await asAdmin({ method: 'POST', url: `/api/users/${invitedStaff.id}/invitation/resend` })).statusCode).toBe(202);
    expectProblem(await asAdmin({ method: 'POST', url: '/api/users/00000000-0000-4000-8000-000000000000/invitation/resend' }), 404);
  });
});

describe('PATCH /api/users/:id', () => {
  const patch = (as: Injector, id: string, payload: object) => as({ method: 'PATCH', url: `/api/users/${id}`, payload });

  it('lets staff disable and re-enable a partner; log-ins end on disable; both audited', async () => {
    const partner = await createUser(ctx, 'partner');
    const loggedIn = await login(ctx, partner.email, TEST_PASSWORD);
    const off = await patch(asStaff, partner.id, { status: 'disabled' });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ id: partner.id, status: 'disabled' });
    const open = await ctx.db.select({ revokedReason: logins.revokedReason }).from(logins).where(eq(logins.userId, partner.id));
    expect(open.map((s) => s.revokedReason)).toEqual(['disabled']);
    expectProblem(await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookiesFrom(loggedIn, 'ep_access') } }), 401);

    const on = await patch(asStaff, partner.id, { status: 'active' });
    expect(on.json().status).toBe('active');
    expect((await login(ctx, partner.email, TEST_PASSWORD)).statusCode).toBe(200);
    const audit = await auditOf(partner.id);
    expect(audit.filter((a) => a.action === 'user.status').map((a) => a.details)).toEqual([{ from: 'active', to: 'disabled' }, { from: 'disabled', to: 'active' }]);
  });

  it('puts a re-enabled account that never set a password back to "invited"', async () => {
    const invited = await createUser(ctx, 'partner', { status: 'invited', passwordHash: null });
    expect((await patch(asStaff, invited.id, { status: 'disabled' })).json().status).toBe('disabled');
    expect((await patch(asStaff, invited.id, { status: 'active' })).json().status).toBe('invited');
  });

  it('keeps staff to partner accounts and away from roles', async () => {
    const otherStaff = await createUser(ctx, 'staff');
    expectProblem(await patch(asStaff, otherStaff.id, { status: 'disabled' }), 403);
    expectProblem(await patch(asStaff, admin.id, { status: 'disabled' }), 403);
    const partner = await createUser(ctx, 'partner');
    expect(expectProblem(await patch(asStaff, partner.id, { role: 'staff', officeId: 'bit-ganges' }), 403).detail).toBe('Seul un administrateur peut changer un rôle.');
    const [row] = await ctx.db.select({ role: users.role }).from(users).where(eq(users.id, partner.id));
    expect(row!.role).toBe('partner');
  });

  it('lets staff move a partner to another establishment', async () => {
    const partner = await createUser(ctx, 'partner');
    const est = await createEstablishment(ctx, { name: 'Ferme du Mas Neuf' });
    const res = await patch(asStaff, partner.id, { establishmentId: est.id });
    expect(res.json().establishment).toEqual({ id: est.id, name: 'Ferme du Mas Neuf' });
    expect((await auditOf(partner.id)).map((a) => a.action)).toContain('user.attachment');
  });

  it('lets admins change roles, with the attachment the new role needs', async () => {
    const partner = await createUser(ctx, 'partner');
    expect(fieldErrors(await patch(asAdmin, partner.id, { role: 'staff' })).officeId).toBeDefined();
    const res = await patch(asAdmin, partner.id, { role: 'staff', officeId: 'bit-le-vigan' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: 'staff', establishment: null, office: { id: 'bit-le-vigan' } });
    const back = await patch(asAdmin, partner.id, { role: 'partner' });
    expect(fieldErrors(back).establishmentId).toBeDefined();
    const audit = await auditOf(partner.id);
    expect(audit.find((a) => a.action === 'user.role')?.details).toEqual({ from: 'partner', to: 'staff' });
    // The new role applies at the next request (the principal is re-read each time).
    const cookie = cookiesFrom(await login(ctx, partner.email, TEST_PASSWORD), 'ep_access');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } })).statusCode).toBe(200);
  });

  it('forbids changing one’s own role or status', async () => {
    expect(expectProblem(await patch(asAdmin, admin.id, { role: 'staff' }), 403).detail).toBe('Vous ne pouvez pas modifier votre propre rôle ou statut.');
    expectProblem(await patch(asAdmin, admin.id, { status: 'disabled' }), 403);
  });

  it('never leaves the office without an active administrator, even when two admins disable each other at once', async () => {
    // Own database state: only two active admins.
    const solo = await createTestApp();
    try {
      const a = await createUser(solo, 'admin');
      const b = await createUser(solo, 'admin');
      const [asA, asB] = [await injectAs(solo, a), await injectAs(solo, b)];
      const [ra, rb] = await Promise.all([
        asA({ method: 'PATCH', url: `/api/users/${b.id}`, payload: { status: 'disabled' } }),
        asB({ method: 'PATCH', url: `/api/users/${a.id}`, payload: { status: 'disabled' } }),
      ]);
      const codes = [ra.statusCode, rb.statusCode].sort();
      expect(codes[0]).toBe(200);
      expect([401, 409]).toContain(codes[1]);
      const active = await solo.db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
      expect(active).toHaveLength(1);
      // The remaining admin cannot erase their account either.
      const last = active[0]!.id === a.id ? asA : asB;
      const erase = await last({ method: 'DELETE', url: '/api/me', payload: { password: TEST_PASSWORD } });
      expect(expectProblem(erase, 409).detail).toBe('Impossible\u00a0: c’est le dernier administrateur actif.');
    } finally {
      await solo.close();
    }
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    expectProblem(await patch(asAdmin, '00000000-0000-4000-8000-000000000000', { status: 'disabled' }), 404);
    expect(fieldErrors(await patch(asAdmin, 'pas-un-uuid', { status: 'disabled' })).id).toBeDefined();
  });
});

describe('establishments', () => {
  const base = { name: 'Canoë Vallée de l’Hérault', category: 'activites_pleine_nature', subcategory: 'canoe', communeInsee: '34111' };

  it('staff create an establishment with checked references; audited', async () => {
    const res = await asStaff({
      method: 'POST', url: '/api/establishments',
      payload: { ...base, labels: ['Qualité Tourisme', 'Accueil Vélo'], membershipYear: 2026, website: 'https://canoe.example', phone: '04 67 00 00 00', email: 'Contact@Canoe.example' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const est = res.json();
    expect(est).toMatchObject({ ...base, labels: ['Qualité Tourisme', 'Accueil Vélo'], membershipYear: 2026, status: 'active', email: 'contact@canoe.example', address: null });
    expect((await auditOf(est.id)).map((a) => a.action)).toEqual(['establishment.create']);
  });

  it('refuses unknown categories, sub-categories, communes and labels with a field error', async () => {
    const post = (payload: object) => asAdmin({ method: 'POST', url: '/api/establishments', payload: { ...base, ...payload } });
    expect(fieldErrors(await post({ category: 'casino' })).category).toBe('Catégorie inconnue.');
    expect(fieldErrors(await post({ subcategory: 'hotel' })).subcategory).toBe('Sous-catégorie inconnue pour cette catégorie.');
    expect(fieldErrors(await post({ communeInsee: '75056' })).communeInsee).toBe('Commune inconnue\u00a0: choisissez l’une des 51 communes du territoire.');
    expect(fieldErrors(await post({ labels: ['Michelin 3 étoiles'] })).labels).toBe('Label inconnu.');
    const rows = await ctx.db.select({ id: establishments.id }).from(establishments).where(eq(establishments.category, 'casino'));
    expect(rows).toHaveLength(0);
  });

  it('lists with filters: category, commune, communauté, label, membership year, status, search; with commune name and user count', async () => {
    const mk = (values: Partial<typeof establishments.$inferInsert>) => createEstablishment(ctx, values);
    const g = await mk({ name: 'Gîte Filtrable du Vigan', category: 'hebergement', subcategory: 'gite', communeInsee: '30350', labels: ['Gîtes de France'], membershipYear: 2025 });
    await mk({ name: 'Musée Filtrable de Ganges', category: 'sites_musees', subcategory: 'musee', communeInsee: '34111', labels: ['Qualité Tourisme'], membershipYear: 2026 });
    await mk({ name: 'Grotte Filtrable Inactive', category: 'sites_musees', subcategory: 'grotte', communeInsee: '34111', status: 'inactive', membershipYear: 2026 });
    await createUser(ctx, 'partner', { establishmentId: g.id });
    await createUser(ctx, 'partner', { establishmentId: g.id });
    await createUser(ctx, 'partner', { establishmentId: g.id, status: 'disabled' });

    const names = async (qs: string) => {
      const res = await asStaff({ method: 'GET', url: `/api/establishments?search=filtrable&${qs}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { name: string }[]).map((e) => e.name);
    };
    expect(await names('')).toEqual(['Gîte Filtrable du Vigan', 'Grotte Filtrable Inactive', 'Musée Filtrable de Ganges']);
    expect(await names('category=sites_musees')).toEqual(['Grotte Filtrable Inactive', 'Musée Filtrable de Ganges']);
    expect(await names('communeInsee=30350')).toEqual(['Gîte Filtrable du Vigan']);
    // The communauté of Ganges (34111), read from the seed rather than assumed.
    const [commune] = await ctx.db.select({ communauteId: communes.communauteId }).from(communes).where(eq(communes.inseeCode, '34111'));
    expect(await names(`communauteId=${commune!.communauteId}`)).toEqual(['Grotte Filtrable Inactive', 'Musée Filtrable de Ganges']);
    expect(await names(`label=${encodeURIComponent('Gîtes de France')}`)).toEqual(['Gîte Filtrable du Vigan']);
    expect(await names('membershipYear=2026')).toEqual(['Grotte Filtrable Inactive', 'Musée Filtrable de Ganges']);
    expect(await names('status=inactive')).toEqual(['Grotte Filtrable Inactive']);
    expect(await names('membershipYear=2026&status=active')).toEqual(['Musée Filtrable de Ganges']);

    const full = (await asAdmin({ method: 'GET', url: '/api/establishments?search=filtrable&communeInsee=30350' })).json();
    expect(full.items[0]).toMatchObject({ communeName: 'Le Vigan', userCount: 2 });
    const paged = (await asAdmin({ method: 'GET', url: '/api/establishments?search=filtrable&pageSize=1&page=2' })).json();
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(paged.items.map((e: { name: string }) => e.name)).toEqual(['Grotte Filtrable Inactive']);
  });

  it('shows an establishment to its partners and staff, and 404 to other partners', async () => {
    const partner = await createUser(ctx, 'partner');
    const other = await createUser(ctx, 'partner');
    const url = `/api/establishments/${partner.establishmentId}`;
    expect((await (await injectAs(ctx, partner))({ method: 'GET', url })).json().id).toBe(partner.establishmentId);
    expectProblem(await (await injectAs(ctx, other))({ method: 'GET', url }), 404);
    expect((await asStaff({ method: 'GET', url })).statusCode).toBe(200);
    expectProblem(await asStaff({ method: 'GET', url: '/api/establishments/00000000-0000-4000-8000-000000000000' }), 404);
  });

  it('lets a partner edit only the public fields of its own establishment', async () => {
    const partner = await createUser(ctx, 'partner');
    const other = await createUser(ctx, 'partner');
    const asPartner = await injectAs(ctx, partner);
    const url = `/api/establishments/${partner.establishmentId}`;
    const ok = await asPartner({ method: 'PATCH', url, payload: { phone: '04 67 81 01 72', description: 'Au bord de l’Arre.', website: 'https://gite.example/fr', address: null } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ phone: '04 67 81 01 72', description: 'Au bord de l’Arre.', website: 'https://gite.example/fr', address: null });
    expect((await auditOf(partner.establishmentId!)).find((a) => a.action === 'establishment.update')?.details).toEqual({ fields: ['phone', 'description', 'website'] });

    const [before] = await ctx.db.select().from(establishments).where(eq(establishments.id, partner.establishmentId!));
    const refused = await asPartner({ method: 'PATCH', url, payload: { name: 'Nouveau nom', membershipYear: 2030, phone: '00 00 00 00 00' } });
    expectProblem(refused, 403);
    expect(Object.keys(fieldErrors(refused)).sort()).toEqual(['membershipYear', 'name']);
    const [after] = await ctx.db.select().from(establishments).where(eq(establishments.id, partner.establishmentId!));
    expect(after).toEqual(before);

    expectProblem(await (await injectAs(ctx, other))({ method: 'PATCH', url, payload: { phone: '01 02 03 04 05' } }), 404);
  });

  it('lets staff edit every field; a new category drops a sub-category that does not fit', async () => {
    const est = await createEstablishment(ctx, { category: 'hebergement', subcategory: 'gite' });
    const res = await asStaff({ method: 'PATCH', url: `/api/establishments/${est.id}`, payload: { category: 'restauration', membershipYear: 2027, status: 'inactive', labels: ['Qualité Tourisme'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ category: 'restauration', subcategory: null, membershipYear: 2027, status: 'inactive', labels: ['Qualité Tourisme'] });
    expect(new Date(res.json().updatedAt).getTime()).toBeGreaterThan(new Date(res.json().createdAt).getTime());
  });
});

describe('territory', () => {
  it('gives every signed-in user the territory and reference lists', async () => {
    const partner = await createUser(ctx, 'partner');
    const res = await (await injectAs(ctx, partner))({ method: 'GET', url: '/api/territory' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.communautes).toHaveLength(3);
    expect(body.communes).toHaveLength(51);
    expect(body.offices).toHaveLength(8);
    expect(body.offices.filter((o: { seasonal: boolean }) => o.seasonal)).toHaveLength(1);
    expect(body.categories.map((c: { id: string }) => c.id)).toContain('hebergement');
    expect(body.labels).toContain('Qualité Tourisme');
  });

  it('lets admins (only) correct an office', async () => {
    const res = await asAdmin({ method: 'PATCH', url: '/api/offices/bit-ganges', payload: { phone: '04 67 73 00 56', verified: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: 'bit-ganges', phone: '04 67 73 00 56', verified: true });
    expectProblem(await asStaff({ method: 'PATCH', url: '/api/offices/bit-ganges', payload: { verified: false } }), 403);
    expectProblem(await asAdmin({ method: 'PATCH', url: '/api/offices/bit-inconnu', payload: { verified: false } }), 404);
    expect(fieldErrors(await asAdmin({ method: 'PATCH', url: '/api/offices/bit-ganges', payload: { communeInsee: '75056' } })).communeInsee).toBeDefined();
    expect((await auditOf('bit-ganges')).map((a) => a.action)).toEqual(['office.update']);
  });
});

describe('my account', () => {
  it('returns and updates my profile and e-mail preferences; language switch applies at once', async () => {
    const partner = await createUser(ctx, 'partner', { name: 'Paul Profil' });
    const res = await login(ctx, partner.email, TEST_PASSWORD);
    const cookie = cookiesFrom(res, 'ep_access');
    const me = (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
    expect(me).toMatchObject({ id: partner.id, name: 'Paul Profil', role: 'partner', language: 'fr', emailPreferences: { newsletter: false, news: true, trainings: true }, office: null });

    const patched = await ctx.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: { name: 'Paul Profil-Modifié', language: 'en', emailPreferences: { newsletter: true } } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Paul Profil-Modifié', language: 'en', emailPreferences: { newsletter: true, news: true, trainings: true } });
    // The language is read with the signed-in person, not from the access token: nothing is re-signed...
    expect(patched.cookies.map((c) => c.name)).not.toContain('ep_access');
    // ...and errors raised after authentication follow the new language from the next request, with the same cookie.
    const english = await ctx.app.inject({ method: 'POST', url: '/api/me/password', headers: { cookie }, payload: { currentPassword: 'not-my-password', newPassword: 'Whatever-Long-Enough-42' } });
    expect(fieldErrors(english).currentPassword).toBe('The current password is incorrect.');
    expect((await auditOf(partner.id)).map((a) => a.action)).toContain('me.emailPreferences');
  });

  it('exports everything held about me as a JSON attachment', async () => {
    const partner = await createUser(ctx, 'partner', { name: 'Éva Export' });
    const loggedIn = await login(ctx, partner.email, TEST_PASSWORD);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/me/export', headers: { cookie: cookiesFrom(loggedIn, 'ep_access') } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="espace-pro-mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = JSON.parse(res.body);
    expect(data.profile).toMatchObject({ id: partner.id, email: partner.email, name: 'Éva Export', role: 'partner', status: 'active' });
    expect(data.establishment).toMatchObject({ id: partner.establishmentId });
    expect(data.logins).toHaveLength(1);
    expect(data.logins[0]).toHaveProperty('ip');
    expect(data.auditLog.map((a: { action: string }) => a.action)).toContain('auth.login');
    expect(Array.isArray(data.mails)).toBe(true);
    expect(JSON.stringify(data)).not.toMatch(/password_?hash|\$argon2/i);
    expect((await auditOf(partner.id)).map((a) => a.action)).toContain('me.export');
  });

  it('erases my account: anonymised, signed out, establishment kept; the address can be invited again', async () => {
    const partner = await createUser(ctx, 'partner', { name: 'Ernest Effacé' });
    const loggedIn = await login(ctx, partner.email, TEST_PASSWORD);
    const cookie = cookiesFrom(loggedIn, 'ep_access', 'ep_refresh');
    await ctx.app.inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email: partner.email } });
    // The reset token and its mail are written by a job, after the answer (abuse-forgot.test.ts).
    await ctx.startWorkers();
    expect(await until(async () => (await ctx.db.select({ id: mailMessages.id }).from(mailMessages).where(eq(mailMessages.userId, partner.id))).length > 0, 10_000)).toBe(true);

    const wrong = await ctx.app.inject({ method: 'DELETE', url: '/api/me', headers: { cookie }, payload: { password: 'pas-le-bon-mot-de-passe' } });
    expect(fieldErrors(wrong).password).toBe('Le mot de passe actuel est incorrect.');

    const res = await ctx.app.inject({ method: 'DELETE', url: '/api/me', headers: { cookie }, payload: { password: TEST_PASSWORD } });
    expect(res.statusCode, res.body).toBe(204);
    expect(res.cookies.find((c) => c.name === 'ep_access')?.value).toBe('');

    const [row] = await ctx.db.select().from(users).where(eq(users.id, partner.id));
    expect(row).toMatchObject({ name: 'Compte supprimé', email: `deleted-${partner.id}@invalid`, passwordHash: null, status: 'disabled', establishmentId: null });
    expect(row!.erasedAt).toBeInstanceOf(Date);
    expect(await ctx.db.select().from(logins).where(eq(logins.userId, partner.id))).toHaveLength(0);
    expect(await ctx.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, partner.id))).toHaveLength(0);
    const mails = await ctx.db.select({ toAddress: mailMessages.toAddress, params: mailMessages.params }).from(mailMessages).where(eq(mailMessages.userId, partner.id));
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((m) => m.toAddress === `deleted-${partner.id}@invalid` && Object.keys(m.params).length === 0)).toBe(true);
    const [est] = await ctx.db.select({ id: establishments.id }).from(establishments).where(eq(establishments.id, partner.establishmentId!));
    expect(est).toBeDefined();

    expectProblem(await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } }), 401);
    expectProblem(await ctx.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie } }), 401);
    expectProblem(await login(ctx, partner.email, TEST_PASSWORD), 401);
    const listed = (await asAdmin({ method: 'GET', url: '/api/users?search=Effac' })).json();
    expect(listed.total).toBe(0);
    expect((await auditOf(partner.id)).map((a) => a.action)).toContain('me.erase');

    const again = await asAdmin({ method: 'POST', url: '/api/users/invitations', payload: { email: partner.email, name: 'Ernest', role: 'partner', establishmentId: partner.establishmentId } });
    expect(again.statusCode, again.body).toBe(201);
  });
});
