import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { render, templates, type TemplateName, type TemplateProps } from '../../emails/render';
import { personalise, renderNewsletter } from '../../emails/templates/newsletters/newsletter';
import type { TrainingSessionInfo } from '../../emails/templates/trainings';

/**
 * Every mail template, in French and English, with props that take each of
 * its branches, rendered to subject, plain text and HTML and compared with
 * the stored snapshot: a refactoring of the templates (letter.tsx, frame.tsx)
 * must leave every message byte-identical. The snapshot keeps the subject
 * and the text in clear (readable in review) and a SHA-256 of the HTML (the
 * markup is the same frame 50 times). A deliberate change of copy or layout
 * updates it with `npx vitest run tests/workers/mail-templates.test.ts -u`.
 */

const homeUrl = 'https://pro.example.test';
const session: TrainingSessionInfo = {
  title: 'Accueillir la clientèle à vélo',
  slots: [
    { startsAt: '2026-04-14T07:30:00Z', endsAt: '2026-04-14T10:30:00Z' },
    { startsAt: '2026-04-15T22:00:00Z', endsAt: '2026-04-16T08:00:00Z' },
  ],
  place: 'Office de tourisme, 12 place de la Mairie, Le Vigan',
  mapUrl: 'https://www.openstreetmap.org/?mlat=43.99&mlon=3.60',
  onlineUrl: null,
  pageUrl: `${homeUrl}/formations/sessions/0000`,
};
const online: TrainingSessionInfo = { ...session, place: 'en ligne', mapUrl: null, onlineUrl: 'https://visio.example.test/room/42' };
const base = { recipientName: 'Jeanne Martin', homeUrl };
const training = { ...base, session };

/** Props per template: a new template must add its cases here (the table is typed by TemplateName). */
const cases: { [N in TemplateName]: TemplateProps<N>[] } = {
  invitation: [
    { ...base, role: 'partner', organisationName: 'Gîte du Lingas', inviterName: 'Claire Dupont', link: `${homeUrl}/invitation/abc`, expiresAt: '2026-04-21T08:00:00Z' },
    { ...base, role: 'staff', organisationName: null, inviterName: null, link: `${homeUrl}/invitation/def`, expiresAt: new Date('2026-12-31T23:30:00Z') },
  ],
  'password-reset': [{ ...base, link: `${homeUrl}/mot-de-passe/xyz`, expiresAt: '2026-04-14T09:00:00Z' }],
  'password-changed': [{ ...base, email: 'jeanne@example.test', changedAt: '2026-04-14T09:00:00Z', forgotLink: `${homeUrl}/mot-de-passe-oublie` }],
  'training-confirmed': [
    { ...training, myTrainingsUrl: `${homeUrl}/formations/mes-formations`, promoted: false },
    { ...base, session: online, myTrainingsUrl: `${homeUrl}/formations/mes-formations`, promoted: true },
  ],
  'training-waiting': [
    { ...training, position: 3, myTrainingsUrl: `${homeUrl}/formations/mes-formations` },
    { ...training, position: null, myTrainingsUrl: `${homeUrl}/formations/mes-formations` },
  ],
  'training-offer': [{ ...training, link: `${homeUrl}/formations/offre/abc`, expiresAt: '2026-04-10T18:00:00Z' }],
  'training-offer-expired': [training],
  'training-registration-cancelled': [training],
  'training-reminder': [training, { ...base, session: online }],
  'training-session-changed': [
    { ...training, timeChanged: true, placeChanged: true, oldStartsAt: '2026-04-13T07:30:00Z', oldPlace: 'Salle des fêtes, Sumène', registrationStatus: 'confirmed' },
    { ...training, timeChanged: false, placeChanged: true, oldStartsAt: null, oldPlace: 'Salle des fêtes, Sumène', registrationStatus: 'waiting' },
    { ...training, timeChanged: true, placeChanged: false, oldStartsAt: '2026-04-13T07:30:00Z', oldPlace: null, registrationStatus: 'offered' },
  ],
  'training-session-cancelled': [{ ...training, reason: 'Intervenant malade' }, { ...training, reason: null }],
  'training-survey': [{ ...training, link: `${homeUrl}/formations/avis/abc` }],
  'document-review': [{ ...base, title: 'Guide des labels', reviewOn: '2026-03-01', documentUrl: `${homeUrl}/documents/1` }],
  'document-published': [{ ...base, title: 'Charte graphique 2026', folderName: 'Communication', documentUrl: `${homeUrl}/documents/2` }],
  'contribution-decided': [
    { ...base, title: 'Plan des sentiers', approved: true, message: '', url: `${homeUrl}/documents/3` },
    { ...base, title: 'Plan des sentiers', approved: false, message: 'Le fichier est illisible.\nMerci de le renvoyer.', url: `${homeUrl}/documents/propositions` },
    { ...base, title: 'Plan des sentiers', approved: false, message: '', url: `${homeUrl}/documents/propositions` },
  ],
  'figures-reminder': [{ ...base, establishmentName: 'Camping des Châtaigniers', month: '2026-03', formUrl: `${homeUrl}/chiffres/2026-03` }],
  'news-important': [
    { ...base, title: 'Fermeture de la route du col', summary: 'Travaux du 3 au 14 avril.', postUrl: `${homeUrl}/actualites/1` },
    { ...base, title: 'Fermeture de la route du col', summary: '', postUrl: `${homeUrl}/actualites/1` },
  ],
  'news-digest': [
    {
      ...base,
      feedUrl: `${homeUrl}/actualites`,
      posts: [
        { title: 'Nouveau label Accueil Vélo', summary: 'Les inscriptions sont ouvertes.', important: true, url: `${homeUrl}/actualites/2` },
        { title: 'Bilan de la saison', summary: '', important: false, url: `${homeUrl}/actualites/3` },
      ],
    },
    { ...base, feedUrl: `${homeUrl}/actualites`, posts: [{ title: 'Bilan de la saison', summary: 'Chiffres clés.', important: false, url: `${homeUrl}/actualites/3` }] },
  ],
  'news-comment': [
    { ...base, authorName: 'Paul Durand', title: 'Bilan de la saison', excerpt: 'Très utile,\nmerci !', url: `${homeUrl}/actualites/3#c1` },
    { ...base, authorName: '', title: 'Bilan de la saison', excerpt: 'D’accord.', url: `${homeUrl}/actualites/3#c2` },
  ],
  'newsletter-test': [
    { subject: 'Lettre d’avril', preheader: 'Les nouvelles du mois', bodyHtml: '<p>Bonjour {{prenom|ami partenaire}},</p><p><img src="https://img.example.test/a.jpg" alt="Col">Texte.</p>', topicName: 'Vie du réseau', homeUrl, preferencesUrl: `${homeUrl}/lettres/preferences`, unsubscribeUrl: `${homeUrl}/desabonnement/abc` },
    { subject: 'Lettre d’avril', preheader: '', bodyHtml: '<p>Archive.</p>', topicName: 'Vie du réseau', homeUrl, preferencesUrl: `${homeUrl}/lettres/preferences`, archive: true },
  ],
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('mail templates', () => {
  it('has cases for every template', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(templates).sort());
  });

  for (const name of Object.keys(cases) as TemplateName[]) {
    it(`renders ${name} as before, in French and English`, async () => {
      const out = [];
      for (const props of cases[name]) {
        for (const locale of ['fr', 'en'] as const) {
          const mail = await render(name, props as TemplateProps<typeof name>, locale);
          out.push({ locale, subject: mail.subject, text: mail.text, html: sha256(mail.html) });
        }
      }
      expect(out).toMatchSnapshot();
    });
  }

  it('renders a campaign newsletter as before', async () => {
    // A campaign's mails carry the placeholder, replaced per recipient.
    const { unsubscribeUrl: _testLink, ...campaign } = cases['newsletter-test'][0]!;
    const out = [];
    for (const locale of ['fr', 'en'] as const) {
      const rendered = await renderNewsletter(campaign, locale);
      const mine = personalise(rendered, `${homeUrl}/desabonnement/xyz`, { prenom: 'Jeanne <b>' });
      out.push({ locale, text: mine.text, html: sha256(mine.html), fields: rendered.fields });
    }
    expect(out).toMatchSnapshot();
  });
});
