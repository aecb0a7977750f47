import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { trainingRegistrationEvents, trainingRegistrations, trainingSessions, trainings } from '../../db/schema';
import { createEstablishment, createUser, type TestUser } from '../helpers/app';
import { JOURNEY_OFFICE, OFFICE_STAFF } from '../helpers/e2e-cast';
import { browserJourney, type E2eServer } from '../helpers/e2e-journey';
import { linkIn } from '../helpers/e2e-server';
import { pdfToText } from '../helpers/trainings';
import { moveSessionIntoPast, type Actor } from '../helpers/trainings-e2e';

/**
 * Parcours « formations » dans Chromium sur l'application construite (api +
 * workers + client, courrier capturé) : le personnel crée une formation et
 * une session de 2 places ; trois partenaires de trois établissements
 * s'inscrivent (le troisième attend) ; l'un annule ; le troisième reçoit la
 * proposition par e-mail et l'accepte ; après la session, le personnel prend
 * les présences et le partenaire télécharge son attestation. Chaque personne a
 * son propre contexte de navigateur ; chaque page visitée passe axe (WCAG
 * 2.0/2.1 A + AA). Les tests se suivent et partagent l'état.
 * Les comptes sont écrits directement en base (le parcours « comptes » est testé ailleurs).
 */

const TRAINING = {
  title: 'Instagram pour les hébergeurs',
  summary: 'Publier, répondre et mesurer : une matinée pour prendre en main Instagram.',
  description: 'Programme de la matinée : profil professionnel, photos, stories et statistiques.',
  trainer: 'Camille Roux',
};
const PARTNERS = [
  { key: 'a', name: 'Anaïs Bompard', email: 'anais@gite-des-magnans.example', establishment: 'Gîte des Magnans' },
  { key: 'b', name: 'Bruno Castanet', email: 'bruno@camping-de-l-arre.example', establishment: "Camping de l'Arre" },
  { key: 'c', name: 'Chloé Delmas', email: 'chloe@mas-des-causses.example', establishment: 'Mas des Causses' },
] as const;
type PartnerKey = (typeof PARTNERS)[number]['key'];

const journey = browserJourney('formations');
const { as, url } = journey;
let server: E2eServer;
let staff: Actor;
const partner = {} as Record<PartnerKey, Actor>;
const users = {} as Record<'staff' | PartnerKey, TestUser>;
let sessionId = '';

/** The session's day: the 15th of next month (Paris), 09:00 by the picker's default. */
function sessionDay() {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  const year = m === 12 ? y! + 1 : y!;
  const month = m === 12 ? 1 : m! + 1;
  const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 15));
  const pad = (n: number) => String(n).padStart(2, '0');
  return { label: `15 ${monthName} ${year}`, start: `${year}-${pad(month)}-15 09:00`, end: `${year}-${pad(month)}-15 12:00`, deadline: `${year}-${pad(month)}-13 18:00` };
}

/** An instant as "YYYY-MM-DD HH:mm" in Paris time. */
const paris = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d);

async function registrationOf(key: PartnerKey) {
  const [row] = await server.db
    .select()
    .from(trainingRegistrations)
    .where(and(eq(trainingRegistrations.sessionId, sessionId), eq(trainingRegistrations.userId, users[key].id)))
    .orderBy(asc(trainingRegistrations.createdAt));
  return row!;
}

async function statuses() {
  return Object.fromEntries(await Promise.all(PARTNERS.map(async (p) => [p.key, (await registrationOf(p.key)).status] as const)));
}

beforeAll(async () => {
  server = journey.server;
  users.staff = await createUser(server, 'staff', OFFICE_STAFF);
  for (const p of PARTNERS) {
    const establishment = await createEstablishment(server, { name: p.establishment });
    users[p.key] = await createUser(server, 'partner', { name: p.name, email: p.email, establishmentId: establishment.id });
  }
  staff = await journey.actor('personnel');
  for (const p of PARTNERS) partner[p.key] = await journey.actor(p.name);
});

describe('formations, dans le navigateur', () => {
  test('le personnel se connecte, crée une formation puis une session de 2 places ouverte aux inscriptions', async () => {
    const { page, visit, settle, expectAccessible } = as(staff);
    await staff.logIn(server.url, OFFICE_STAFF.email, users.staff.password);

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Formations' }).click();
    await visit('Formations et ateliers', 'sessions à venir (vide, personnel)');
    await page.getByText("Aucune session n'est programmée pour le moment").waitFor();
    await page.getByRole('navigation', { name: 'Rubriques des formations' }).getByRole('link', { name: 'Catalogue' }).click();
    await visit('Catalogue des formations', 'catalogue (vide)');

    // The training, with its rich-text description.
    await page.getByRole('link', { name: 'Nouvelle formation' }).first().click();
    await settle('Nouvelle formation');
    const editor = page.getByRole('textbox', { name: 'Description détaillée' });
    await editor.waitFor(); // tiptap arrives after the rest of the form
    await expectAccessible('nouvelle formation');
    await page.getByRole('textbox', { name: 'Intitulé', exact: true }).fill(TRAINING.title);
    await page.getByRole('textbox', { name: 'Résumé', exact: true }).fill(TRAINING.summary);
    await editor.click();
    await page.keyboard.type(TRAINING.description);
    await page.getByRole('combobox', { name: 'Thème', exact: true }).click();
    await page.getByRole('option', { name: 'Marketing numérique' }).click();
    await page.getByRole('textbox', { name: 'Intervenant', exact: true }).fill(TRAINING.trainer);
    await expectAccessible('nouvelle formation (remplie)');
    await staff.shoot('formations-nouvelle-formation');
    await page.getByRole('button', { name: 'Créer la formation' }).click();
    await page.waitForURL(/\/formations\/gestion\/catalogue\/[0-9a-f-]{36}$/);
    await staff.notified(`Formation « ${TRAINING.title} » créée`);
    await visit(TRAINING.title, 'fiche formation');
    const [training] = await server.db.select().from(trainings);
    expect(training).toMatchObject({ title: TRAINING.title, theme: 'digital', durationMinutes: 180, trainer: TRAINING.trainer });
    expect(training!.descriptionHtml).toBe(`<p>${TRAINING.description}</p>`);

    // The session: 15th of next month 09:00 (the end and the deadline are suggested from it), Le Vigan, 2 seats, open.
    await page.getByRole('region', { name: 'Sessions de cette formation' }).getByRole('link', { name: 'Nouvelle session' }).click();
    await visit('Nouvelle session', 'nouvelle session (vide)');
    const day = sessionDay();
    await page.getByRole('button', { name: 'Début du créneau 1', exact: true }).click();
    await page.getByRole('button', { name: 'Mois suivant' }).click();
    await page.getByRole('button', { name: day.label, exact: true }).click();
    await expectAccessible('nouvelle session (calendrier ouvert)');
    await page.getByRole('button', { name: "Valider la date et l'heure" }).click();
    await expect(page.getByRole('button', { name: 'Début du créneau 1', exact: true }).textContent()).resolves.toContain('09:00');
    await expect(page.getByRole('button', { name: 'Fin du créneau 1', exact: true }).textContent()).resolves.toContain('12:00');
    await expect(page.getByRole('button', { name: "Date limite d'inscription", exact: true }).textContent()).resolves.toContain('18:00');
    await page.getByRole('combobox', { name: "Bureau d'information", exact: true }).click();
    await page.getByRole('option', { name: JOURNEY_OFFICE.name }).click();
    await page.getByRole('textbox', { name: 'Nombre de places', exact: true }).fill('2');
    await page.getByRole('radio', { name: 'Inscriptions ouvertes' }).check();
    await expectAccessible('nouvelle session (remplie)');
    await staff.shoot('formations-nouvelle-session');
    await page.getByRole('button', { name: 'Créer la session' }).click();
    await page.waitForURL(/\/formations\/gestion\/sessions\/[0-9a-f-]{36}$/);
    sessionId = page.url().split('/').pop()!;
    await staff.notified('Session créée.');
    await visit(TRAINING.title, 'session (personnel, sans inscrit)');
    const [session] = await server.db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId));
    expect(session).toMatchObject({ status: 'open', capacity: 2, placeKind: 'office', officeId: JOURNEY_OFFICE.id, waitlistMode: 'offer', offerHours: 48 });
    expect([paris(session!.startsAt), paris(session!.endsAt), paris(session!.signupDeadline)]).toEqual([day.start, day.end, day.deadline]);

    await page.getByRole('navigation', { name: 'Rubriques des formations' }).getByRole('link', { name: 'Gestion des sessions' }).click();
    await settle('Gestion des sessions');
    await page.getByRole('link', { name: TRAINING.title }).first().waitFor();
    await expectAccessible('gestion des sessions');
    await staff.shoot('formations-gestion-sessions');
  });

  test("trois partenaires s'inscrivent chacun depuis son navigateur : deux confirmés, le troisième n° 1 en liste d'attente", async () => {
    for (const [i, p] of PARTNERS.entries()) {
      const actor = as(partner[p.key]);
      const { page, visit } = actor;
      await actor.logIn(server.url, p.email, users[p.key].password);
      await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Formations' }).click();
      await visit('Formations et ateliers', `sessions à venir (${p.name})`, i === 0 ? 'formations-sessions-a-venir' : undefined);
      const card = page.getByRole('article', { name: TRAINING.title });
      await card.getByText(i < 2 ? `${2 - i} place${i === 0 ? 's restantes' : ' restante'}` : 'Complet').waitFor();
      await card.getByRole('link', { name: TRAINING.title }).click();
      await visit(TRAINING.title, `session (${p.name}, avant inscription)`, i === 0 ? 'formations-session-partenaire' : undefined);

      if (i < 2) {
        await page.getByRole('button', { name: "M'inscrire" }).click();
        await actor.notified('Votre inscription est confirmée.');
        await page.getByRole('alert').filter({ hasText: 'Inscription confirmée' }).waitFor();
      } else {
        await page.getByText("La session est complète : inscrivez-vous sur la liste d'attente.", { exact: false }).waitFor();
        await page.getByRole('button', { name: "Rejoindre la liste d'attente" }).click();
        await actor.notified("Vous êtes n° 1 sur la liste d'attente.");
        await page.getByText("Vous êtes n° 1 sur la liste d'attente.", { exact: false }).first().waitFor();
      }
      await actor.settle(TRAINING.title);
      await actor.expectAccessible(`session (${p.name}, après inscription)`);
      if (i === 2) await actor.shoot('formations-session-liste-d-attente');
    }

    expect(await statuses()).toEqual({ a: 'confirmed', b: 'confirmed', c: 'waiting' });
    const waiting = await server.db.select().from(trainingRegistrationEvents).where(eq(trainingRegistrationEvents.registrationId, (await registrationOf('c')).id));
    expect(waiting.map((e) => [e.kind, e.details])).toEqual([['joined', expect.objectContaining({ position: 1 })]]);
    await server.mailTo(PARTNERS[0].email, 'Inscription confirmée');
    await server.mailTo(PARTNERS[2].email, 'Liste d’attente');
  });

  test("un partenaire confirmé annule ; le troisième reçoit la proposition par e-mail, ouvre le lien sans effet, puis accepte", async () => {
    // Partner A cancels from "Mes formations", after confirming.
    const a = as(partner.a);
    await a.page.getByRole('navigation', { name: 'Rubriques des formations' }).getByRole('link', { name: 'Mes formations' }).click();
    await a.visit('Mes formations', 'mes formations (à venir)', 'formations-mes-formations');
    await a.page.getByRole('listitem').filter({ hasText: TRAINING.title }).getByRole('button', { name: 'Annuler mon inscription' }).click();
    const dialog = a.page.getByRole('dialog', { name: "Annuler l'inscription\u00a0?" });
    await dialog.waitFor();
    await a.page.waitForTimeout(250);
    await a.expectAccessible("mes formations (confirmation d'annulation)");
    await dialog.getByRole('button', { name: "Annuler l'inscription" }).click();
    await a.notified(`Inscription annulée pour « ${TRAINING.title} »`);
    await a.page.getByRole('tab', { name: 'À venir (0)' }).waitFor();
    await a.settle('Mes formations');
    await a.expectAccessible('mes formations (après annulation)');

    // The freed seat is offered to C by e-mail; the link opens a page that asks first.
    const mail = await server.mailTo(PARTNERS[2].email, 'place s’est libérée');
    expect(mail.subject).toContain(TRAINING.title);
    const link = linkIn(mail.text, `${server.url}/formations/offres`);
    const c = as(partner.c);
    const mailPage = await c.page.context().newPage();
    await mailPage.setContent(mail.html);
    // An e-mail is not a web page: mail clients show the subject, not a <title>.
    await c.expectAccessible(`HTML de l'e-mail « ${mail.subject} »`, { on: mailPage, disableRules: ['document-title'] });
    await mailPage.close();

    await c.page.goto(link);
    await c.visit('Place proposée', "proposition de place (lien de l'e-mail)", 'formations-proposition');
    await c.page.getByText(`Bonjour ${PARTNERS[2].name}, une place s'est libérée pour la session :`).waitFor();
    await c.page.getByText(TRAINING.title).waitFor();
    // Opening the link (GET) changed nothing: mail scanners follow links.
    expect((await registrationOf('c')).status).toBe('offered');
    expect(await statuses()).toEqual({ a: 'cancelled', b: 'confirmed', c: 'offered' });

    await c.page.getByRole('button', { name: 'Accepter la place' }).click();
    await c.page.getByRole('status').filter({ hasText: 'Place acceptée' }).waitFor();
    await c.settle('Place proposée');
    await c.expectAccessible('proposition de place (acceptée)');
    expect(await statuses()).toEqual({ a: 'cancelled', b: 'confirmed', c: 'confirmed' });
    await server.mailTo(PARTNERS[2].email, 'Inscription confirmée');

    // Staff see the registrants and every move of the waiting list.
    const s = as(staff);
    await s.page.goto(url(`/formations/gestion/sessions/${sessionId}`));
    await s.settle(TRAINING.title);
    // The innermost section under the heading (sections nest; ancestors come first in document order).
    const confirmed = s.page.locator('section').filter({ has: s.page.getByRole('heading', { name: 'Inscriptions confirmées (2)' }) }).last();
    await confirmed.getByRole('rowheader', { name: new RegExp(PARTNERS[1].name) }).waitFor();
    await confirmed.getByRole('rowheader', { name: new RegExp(PARTNERS[2].name) }).waitFor();
    await s.expectAccessible('session (personnel, inscrits)');
    await s.shoot('formations-session-gestion');
    await s.page.getByRole('tab', { name: "Historique de la liste d'attente" }).click();
    await s.page.getByText(`${PARTNERS[2].name} a accepté la place`).waitFor();
    await s.settle(TRAINING.title);
    await s.expectAccessible("session (personnel, historique de la liste d'attente)");
    await s.shoot('formations-historique');
    const history = await server.db.select({ kind: trainingRegistrationEvents.kind, registrationId: trainingRegistrationEvents.registrationId }).from(trainingRegistrationEvents).orderBy(asc(trainingRegistrationEvents.id));
    const reg = { a: (await registrationOf('a')).id, c: (await registrationOf('c')).id };
    expect(history.filter((e) => e.registrationId === reg.a || e.registrationId === reg.c).map((e) => `${e.registrationId === reg.a ? 'a' : 'c'}:${e.kind}`)).toEqual([
      'a:joined', 'c:joined', 'a:cancelled', 'c:offered', 'c:accepted',
    ]);
  });

  test("après la session, le personnel prend les présences et la partenaire télécharge son attestation de présence", async () => {
    // Attendance and certificates only make sense once the session is over: instead of
    // waiting for December, the session's slots (and deadline) are moved into the past.
    await moveSessionIntoPast(server.db, sessionId);

    const s = as(staff);
    await s.page.reload();
    await s.settle(TRAINING.title);
    await s.page.getByRole('link', { name: 'Prendre les présences' }).click();
    await s.visit('Prise des présences', 'prise des présences');
    for (const p of [PARTNERS[1], PARTNERS[2]]) {
      const present = s.page.getByRole('group', { name: p.name }).getByRole('button', { name: /Présent/ });
      await present.click();
      await expect.poll(() => present.getAttribute('aria-pressed')).toBe('true');
    }
    await s.page.getByText('2 présents · 0 absent · 0 à pointer').waitFor();
    await expect.poll(async () => [(await registrationOf('b')).attendance, (await registrationOf('c')).attendance]).toEqual(['present', 'present']);
    await s.expectAccessible('prise des présences (pointées)');
    await s.shoot('formations-presences');

    // Partner C: "Mes formations" > "Passées", then the certificate.
    const c = as(partner.c);
    await c.page.goto(url('/formations/mes-formations'));
    await c.settle('Mes formations');
    await c.page.getByRole('tab', { name: 'Passées (1)' }).click();
    const item = c.page.getByRole('listitem').filter({ hasText: TRAINING.title });
    await item.getByText('Présence enregistrée.').waitFor();
    await c.settle('Mes formations');
    await c.expectAccessible('mes formations (passées)');
    await c.shoot('formations-mes-formations-passees');
    const [download] = await Promise.all([
      c.page.waitForEvent('download'),
      item.getByRole('button', { name: "Télécharger l'attestation de présence (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfToText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain(PARTNERS[2].name);
    expect(text).toContain(TRAINING.title);
  });
});
