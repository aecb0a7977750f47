import { PRODUCT_NAME, formatDateTime } from '../layout';
import { defineLetter, type LetterRecipient } from '../letter';

export interface InvitationProps extends LetterRecipient {
  role: 'partner' | 'staff' | 'admin';
  /** The establishment (partners) or office (staff) the account belongs to. */
  organisationName: string | null;
  /** Who sent the invitation, when known. */
  inviterName: string | null;
  /** One-time link to choose a password. */
  link: string;
  expiresAt: Date | string;
}

const copy = {
  fr: {
    subject: `Votre invitation à l’${PRODUCT_NAME}`,
    preview: 'Choisissez votre mot de passe pour accéder à l’Espace Pro.',
    invited: (inviter: string | null) => `${inviter ?? 'L’office de tourisme'} vous invite à rejoindre l’${PRODUCT_NAME}, le centre de ressources des professionnels du tourisme du territoire.`,
    as: { partner: 'partenaire', staff: 'membre de l’équipe de l’office', admin: 'administrateur ou administratrice' },
    account: (role: string, org: string | null) => `Votre compte\u00a0: ${role}${org ? `, ${org}` : ''}.`,
    content: 'Vous y trouverez les actualités du réseau, les formations et ateliers, les documents partagés et l’observatoire de la fréquentation.',
    cta: 'Choisir mon mot de passe',
    validity: (date: string) => `Ce lien personnel est valable jusqu’au ${date} et ne sert qu’une fois.`,
    ignore: 'Vous ne vous attendiez pas à cette invitation\u00a0? Ignorez simplement ce message\u00a0: aucun compte ne sera activé sans vous.',
    reason: 'Vous recevez ce message parce que l’office de tourisme vous invite à créer un compte sur l’Espace Pro.',
  },
  en: {
    subject: `Your invitation to ${PRODUCT_NAME}`,
    preview: 'Choose your password to access Espace Pro.',
    invited: (inviter: string | null) => `${inviter ?? 'The tourist office'} invites you to join ${PRODUCT_NAME}, the resource centre for the area’s tourism professionals.`,
    as: { partner: 'partner', staff: 'tourist office staff', admin: 'administrator' },
    account: (role: string, org: string | null) => `Your account: ${role}${org ? `, ${org}` : ''}.`,
    content: 'You will find network news, trainings and workshops, shared documents and the visitor statistics observatory.',
    cta: 'Choose my password',
    validity: (date: string) => `This personal link is valid until ${date} and can be used only once.`,
    ignore: 'Not expecting this invitation? Simply ignore this message: no account will be activated without you.',
    reason: 'You are receiving this message because the tourist office invited you to create an Espace Pro account.',
  },
};

export const invitation = defineLetter({
  copy,
  letter: (p: InvitationProps, c, locale) => ({
    blocks: [c.invited(p.inviterName), c.account(c.as[p.role], p.organisationName), c.content],
    action: { href: p.link, label: c.cta },
    after: [c.validity(formatDateTime(p.expiresAt, locale))],
    note: c.ignore,
  }),
});
