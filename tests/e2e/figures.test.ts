import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { figuresEditions, figuresMonthly } from '../../db/schema';
import { refreshRollups } from '../../db/queries/figures';
import { addMonths, currentMonth } from '../../common/figures';
import { createEstablishment, createUser, type TestUser } from '../helpers/app';
import { OFFICE_STAFF } from '../helpers/e2e-cast';
import { browserJourney, type E2eServer } from '../helpers/e2e-journey';
import type { Actor } from '../helpers/trainings-e2e';
import { until } from '../helpers/until';

/**
 * Parcours « chiffres du mois » dans Chromium, à la largeur d'un téléphone
 * (360 px) : une partenaire d'un gîte donne les chiffres du mois dernier et
 * voit sa comparaison avec ses pairs (médiane et quartiles du mois dernier,
 * où 4 gîtes ont répondu ; « secret statistique » le mois d'avant, où ils
 * n'étaient que 2) ; le personnel voit les agrégats et qui a répondu, puis
 * publie l'Observatoire ; un partenaire anglophone le lit. Graphiques et
 * tableaux passent axe ; captures à 1280 et 360 px en français et en anglais.
 */

const last = addMonths(currentMonth(), -1);
const before = addMonths(currentMonth(), -2);
const GITE = { name: 'Martine Roux', email: 'martine@gite-des-chataigniers.example', establishment: 'Gîte des Châtaigniers' };
const ENGLISH = { name: 'Oliver Hughes', email: 'oliver@mas-de-la-vis.example', establishment: 'Mas de la Vis' };

const journey = browserJourney('figures', { timeout: 20_000 });
const { as } = journey;
let server: E2eServer;
let partner: Actor;
let english: Actor;
let staff: Actor;
const users = {} as Record<'partner' | 'english' | 'staff', TestUser>;
let partnerEstablishment = '';

beforeAll(async () => {
  server = journey.server;
  const gite = await createEstablishment(server, { name: GITE.establishment, category: 'hebergement', subcategory: 'gite', communeInsee: '30350' });
  partnerEstablishment = gite.id;
  users.partner = await createUser(server, 'partner', { name: GITE.name, email: GITE.email, establishmentId: gite.id });
  const mas = await createEstablishment(server, { name: ENGLISH.establishment, category: 'hebergement', subcategory: 'chambre_hotes', communeInsee: '30339' });
  users.english = await createUser(server, 'partner', { name: ENGLISH.name, email: ENGLISH.email, establishmentId: mas.id, language: 'en' });
  users.staff = await createUser(server, 'staff', OFFICE_STAFF);
  // Peers: last month the English partner and 2 other gîtes gave figures (with ours, 4); the month before only 2 did.
  const peers = [mas.id];
  for (const name of ['Gîte du Causse', 'Gîte de la Vis']) peers.push((await createEstablishment(server, { name, category: 'hebergement', subcategory: 'gite', communeInsee: '30350' })).id);
  for (const [i, id] of peers.entries()) {
    await server.db.insert(figuresMonthly).values({ establishmentId: id, month: `${last}-01`, capacity: 10 + i, nightsSold: 120 + 40 * i, arrivals: 30 });
    if (i < 2) await server.db.insert(figuresMonthly).values({ establishmentId: id, month: `${before}-01`, capacity: 10, nightsSold: 100 + i });
  }
  await refreshRollups(server.db);
  partner = await journey.actor(GITE.name);
  english = await journey.actor(ENGLISH.name);
  staff = await journey.actor('personnel');
});

describe('chiffres du mois, dans le navigateur', () => {
  test('au téléphone, une partenaire d’un gîte donne son mois et voit la comparaison (ou le secret statistique)', async () => {
    const { page, settle } = as(partner);
    await page.setViewportSize({ width: 360, height: 740 });
    await partner.logIn(server.url, GITE.email, users.partner.password);
    await page.goto(`${server.url}/chiffres`);
    await settle('Mes chiffres');
    await page.getByText('Ce mois n’a pas encore de chiffres.').waitFor();
    await partner.expectAccessible('mes chiffres (vide)');

    // Too many nights for the capacity: the form says so before sending.
    await page.getByRole('textbox', { name: 'Lits offerts' }).fill('8');
    await page.getByRole('textbox', { name: /^Nuitées vendues/ }).fill('400');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText(/Au plus \d+ nuitées ce mois-ci/).waitFor();
    await partner.expectAccessible('erreur de saisie');

    await page.getByRole('textbox', { name: /^Nuitées vendues/ }).fill('140');
    await page.getByRole('textbox', { name: 'Arrivées (clients)' }).fill('35');
    await page.getByRole('textbox', { name: 'Part de clientèle étrangère' }).fill('40');
    await page.getByRole('textbox', { name: 'Royaume-Uni' }).fill('20');
    await page.getByRole('textbox', { name: 'Pays-Bas' }).fill('10');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await partner.notified('Chiffres de');
    const [row] = await server.db.select().from(figuresMonthly).where(and(eq(figuresMonthly.establishmentId, partnerEstablishment), eq(figuresMonthly.month, `${last}-01`)));
    expect(row).toMatchObject({ capacity: 8, nightsSold: 140, arrivals: 35, foreignShare: 40, countries: { GB: 20, NL: 10 } });

    // The worker rebuilds the rollup after the save (a job a second later; the schedule every 30 s is the safety net).
    expect(await until(async () => {
      const res = await page.request.get(`${server.url}/api/figures/me/comparison`);
      const point = (await res.json()).points.find((p: { month: string }) => p.month === last);
      return point?.contributors === 4;
    }, 45_000)).toBe(true);
    await page.reload();
    await settle('Mes chiffres');
    const table = page.getByRole('table', { name: /Face à mes pairs/ });
    await table.waitFor();
    // Last month: 4 gîtes, quartiles shown; the month before: 2 only, « secret statistique ».
    const lastRow = table.getByRole('row').filter({ has: page.getByRole('rowheader').filter({ hasText: new RegExp(monthShort(last), 'i') }) });
    await expect(lastRow.getByRole('cell').nth(1).textContent()).resolves.toMatch(/\d/);
    const beforeRow = table.getByRole('row').filter({ has: page.getByRole('rowheader').filter({ hasText: new RegExp(monthShort(before), 'i') }) });
    await expect(beforeRow.getByRole('cell').nth(1).textContent()).resolves.toBe('secret statistique');
    await partner.expectAccessible('mes chiffres, graphiques et tableaux');
    await partner.shoot('figures-mes-chiffres');

    // Scope « Ma communauté de communes »: same group (all in Le Vigan but the English partner): 3 gîtes last month.
    await page.getByText('Ma communauté de communes').click();
    await page.waitForTimeout(300);
    await partner.expectAccessible('comparaison, ma communauté');
  }, 240_000);

  test('le personnel voit les agrégats et qui a répondu, et publie l’Observatoire', async () => {
    const { page, settle } = as(staff);
    await staff.logIn(server.url, OFFICE_STAFF.email, users.staff.password);
    await page.goto(`${server.url}/chiffres/partenaires`);
    await settle('Chiffres des partenaires');
    await page.getByRole('table', { name: /Territoire, mois par mois/ }).waitFor();
    await page.getByText(/4 sur 4 établissements ont donné leurs chiffres/).waitFor();
    await staff.expectAccessible('chiffres des partenaires');
    await staff.shoot('figures-personnel');

    await page.goto(`${server.url}/observatoire`);
    await settle('Observatoire');
    await page.getByText('Aucune édition publiée pour l’instant.').waitFor();
    await page.getByRole('textbox', { name: 'Commentaire' }).fill('Un mois porté par la clientèle britannique.');
    await page.getByRole('heading', { name: 'Aperçu de ce qui sera publié' }).waitFor();
    await page.getByText(/Hébergements — Nuitées vendues/).first().waitFor();
    await staff.expectAccessible('publier l’Observatoire');
    await staff.shoot('figures-observatoire-publier');
    await page.getByRole('button', { name: 'Publier' }).click();
    await settle(/^Observatoire de /);
    const editions = await server.db.select().from(figuresEditions);
    expect(editions.map((e) => e.month)).toEqual([`${last}-01`]);
  }, 240_000);

  test('a partner reading in English sees the edition and their figures', async () => {
    const { page, settle } = as(english);
    await english.logIn(server.url, ENGLISH.email, users.english.password).catch(async () => {
      // The log-in page is French until the account's language is known.
      await settle(/^Hello|^Bonjour/);
    });
    await page.goto(`${server.url}/observatoire`);
    await settle('Observatoire');
    await page.getByRole('link', { name: /^Observatoire of / }).click();
    await settle(/^Observatoire of /);
    await page.getByText('Un mois porté par la clientèle britannique.').waitFor();
    await english.expectAccessible('observatoire edition (en)');
    await english.shoot('figures-observatoire-en');
    await page.goto(`${server.url}/chiffres`);
    await settle('My figures');
    await page.getByRole('table', { name: /Against my peers/ }).waitFor();
    await english.expectAccessible('my figures (en)');
    await english.shoot('figures-my-figures-en');
  }, 240_000);
});

function monthShort(month: string): string {
  return new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`)).replace('.', '\\.');
}
