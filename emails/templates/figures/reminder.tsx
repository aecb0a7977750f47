import type { Locale } from '../layout';
import { defineLetter, type LetterRecipient } from '../letter';

export interface FiguresReminderProps extends LetterRecipient {
  establishmentName: string;
  /** The month asked for (YYYY-MM). */
  month: string;
  formUrl: string;
}

const monthName = (month: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

const copy = {
  fr: {
    subject: (m: string) => `Vos chiffres de ${m}`,
    preview: 'Deux minutes pour donner les chiffres du mois dernier et voir où vous en êtes face à vos pairs.',
    ask: (est: string, m: string) => `Pouvez-vous donner les chiffres de ${m} pour ${est} ? Deux minutes suffisent : capacité, nuitées ou taux d’occupation, arrivées et clientèle étrangère pour un hébergement ; visiteurs ou participants pour une activité ou un site.`,
    why: 'En retour, vous voyez comment votre mois se compare à celui d’établissements comparables (médiane et quartiles, anonymes), et l’Observatoire du territoire gagne en précision. Un chiffre n’est publié que s’il réunit au moins 3 établissements et qu’aucun n’en fait plus de 85 % (secret statistique).',
    cta: 'Donner mes chiffres',
    reason: 'Vous recevez ce rappel mensuel parce que vous êtes partenaire de l’Office de tourisme. Vous pouvez le désactiver dans votre profil (« Chiffres du mois »).',
  },
  en: {
    subject: (m: string) => `Your figures for ${m}`,
    preview: 'Two minutes to give last month’s figures and see how you compare with your peers.',
    ask: (est: string, m: string) => `Could you give the figures of ${m} for ${est}? Two minutes are enough: capacity, nights sold or occupancy rate, arrivals and foreign guests for accommodation; visitors or participants for an activity or a site.`,
    why: 'In return you see how your month compares with similar establishments (median and quartiles, anonymous), and the territory’s Observatoire becomes more accurate. A figure is published only when it gathers at least 3 establishments and none makes more than 85 % of it (statistical secrecy).',
    cta: 'Give my figures',
    reason: 'You are receiving this monthly reminder because you are a partner of the tourist office. You can turn it off in your profile (“Monthly figures”).',
  },
};

export const figuresReminder = defineLetter({
  copy,
  subject: (p: FiguresReminderProps, c, locale) => c.subject(monthName(p.month, locale)),
  letter: (p, c, locale) => ({ blocks: [c.ask(p.establishmentName, monthName(p.month, locale)), c.why], action: { href: p.formUrl, label: c.cta } }),
});
