import { afterAll, beforeAll, expect, test } from 'vitest';
import { createCampaign, subscribe } from '../../db/queries/newsletters';
import { unsubscribeToken } from '../../common/link-tokens';
import { createUser, TEST_PASSWORD, type TestUser } from '../helpers/app';
import { startE2eServer } from '../helpers/e2e-server';
import { launchBrowserWithContexts, newActor, type Actor } from '../helpers/trainings-e2e';

/**
 * Parcours « lettres » dans Chromium sur l'application construite (api +
 * workers, courrier capturé) : une administratrice ouvre la liste des
 * campagnes et le formulaire, ouvre un brouillon, le lance et voit la barre
 * atteindre 100 % ; une partenaire ouvre le lien de désabonnement (sans être
 * connectée), confirme, puis (en anglais) la même page dit que c'est fait.
 * Chaque page passe axe ; captures à 1280 et 360 px.
 */
let server: Awaited<ReturnType<typeof startE2eServer>>;
let chromium: Awaited<ReturnType<typeof launchBrowserWithContexts>>;
let admin: TestUser;
const partners: TestUser[] = [];
let adminActor: Actor;

beforeAll(async () => {
  server = await startE2eServer();
  chromium = await launchBrowserWithContexts();
  admin = await createUser({ db: server.db }, 'admin', { name: 'Claire Dupont', email: 'claire.dupont@cevennes-tourisme.example' });
  for (const name of ['Bruno Castanet', 'Hannah Visser', 'Jeanne Martin']) {
    const p = await createUser({ db: server.db }, 'partner', { name, email: `${name.split(' ')[0]!.toLowerCase()}@camping.example` });
    await subscribe(server.db, { topicId: 'lettre-du-reseau', address: p.email, userId: p.id, source: 'preferences' });
    partners.push(p);
  }
  adminActor = await newActor(await chromium.newContext(), 'admin');
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

test('an admin launches a campaign and follows it to 100 %; a partner unsubscribes in one click from the link', async () => {
  const a = adminActor;
  try {
    await a.logIn(server.url, admin.email, TEST_PASSWORD);
    await a.page.goto(`${server.url}/lettres/campagnes`);
    await a.visit('Lettres du réseau', 'liste des campagnes (vide)', 'lettres-liste-vide');
    await a.page.getByRole('link', { name: 'Nouvelle campagne' }).click();
    await a.settle('Nouvelle campagne');
    await a.page.getByRole('textbox', { name: 'Contenu de la lettre' }).waitFor();
    await a.expectAccessible('nouvelle campagne');
    await a.shoot('lettres-nouvelle');

    const c = await createCampaign(server.db, {
      subject: 'Lettre du réseau — décembre', preheader: 'Carte PASS, formations, chiffres', sender: server.config.MAIL_FROM,
      bodyHtml: '<h2>Carte PASS 2027</h2><p>La campagne d’adhésion à la Carte PASS est ouverte. Retrouvez aussi les formations de l’hiver.</p>',
      topicId: 'lettre-du-reseau', audience: { kind: 'everyone', categories: [], subcategories: [], communes: [], communautes: [], offices: [] },
    }, admin.id);
    await a.page.goto(`${server.url}/lettres/campagnes/${c.id}`);
    await a.visit('Lettre du réseau — décembre', 'brouillon', 'lettres-brouillon');
    await a.page.getByText('Lancée maintenant, cette lettre partirait à 3 destinataires.').waitFor();
    await a.page.getByRole('button', { name: 'Lancer l’envoi' }).click();
    await a.page.getByText('100 %').waitFor({ timeout: 30_000 });
    const bar = a.page.getByRole('progressbar', { name: 'Progression de l’envoi' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await a.page.getByText('Terminée').first().waitFor({ timeout: 30_000 });
    await a.visit('Lettre du réseau — décembre', 'campagne terminée', 'lettres-terminee');
    const mail = await server.mailTo(partners[0]!.email, 'Lettre du réseau — décembre');
    expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    const visitor = await newActor(await chromium.newContext(), 'partenaire');
    const token = unsubscribeToken(server.config.JWT_SECRET, partners[0]!.email, 'lettre-du-reseau');
    await visitor.page.goto(`${server.url}/api/lettres/desinscription/${token}`); // the link as the mail gives it: redirected to the page
    await visitor.visit('Se désabonner', 'désabonnement', 'lettres-desabonnement');
    await visitor.page.getByRole('button', { name: 'Me désabonner' }).click();
    await visitor.page.getByRole('status').filter({ hasText: 'C’est fait' }).waitFor();
    await visitor.expectAccessible('désabonnement fait');
    await visitor.page.goto(`${server.url}/lettres/desinscription/${token}?lang=en`);
    await visitor.visit('Unsubscribe', 'unsubscribed (English)', 'lettres-desabonnement-en');

    await a.page.goto(`${server.url}/lettres/preferences`);
    await a.visit('Mes lettres', 'mes lettres', 'lettres-preferences');
    await a.page.goto(`${server.url}/lettres/campagnes`);
    await a.visit('Lettres du réseau', 'liste des campagnes', 'lettres-liste');
  } catch (err) {
    await a.report('lettres');
    throw err;
  }
}, 180_000);
