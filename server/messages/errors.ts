import type { Locale } from '../../common/format';

/** Messages every feature shares: validation, access, limits, unexpected errors. */
export const errorMessages = {
  'error.validation': { fr: 'Certaines informations sont invalides.', en: 'Some of the information is invalid.' },
  'error.malformedJson': { fr: 'Le corps de la requête n’est pas un JSON valide.', en: 'The request body is not valid JSON.' },
  'error.unsupportedMediaType': { fr: 'Type de contenu non pris en charge.', en: 'Unsupported content type.' },
  'error.bodyTooLarge': { fr: 'Le contenu envoyé est trop volumineux.', en: 'The request body is too large.' },
  'error.notFound': { fr: 'Ressource introuvable.', en: 'Resource not found.' },
  'error.routeNotFound': { fr: 'Cette adresse n’existe pas.', en: 'This address does not exist.' },
  'error.unauthenticated': { fr: 'Veuillez vous connecter.', en: 'Please log in.' },
  'error.sessionExpired': { fr: 'Votre session a expiré, veuillez vous reconnecter.', en: 'Your session has expired, please log in again.' },
  'error.forbidden': { fr: 'Vous n’avez pas accès à cette ressource.', en: 'You do not have access to this resource.' },
  'error.rateLimited': { fr: 'Trop de tentatives. Réessayez dans quelques minutes.', en: 'Too many attempts. Please try again in a few minutes.' },
  'error.crossSite': { fr: 'Requête refusée : elle vient d’un autre site que l’Espace Pro.', en: 'Request refused: it comes from a site other than Espace Pro.' },
  'error.rateLimitedFor': { fr: 'Trop de tentatives. Réessayez dans {wait}.', en: 'Too many attempts. Please try again in {wait}.' },
  'error.internal': { fr: 'Une erreur inattendue est survenue. Réessayez plus tard.', en: 'An unexpected error occurred. Please try again later.' },
  'error.conflict': { fr: 'Cette action entre en conflit avec l’état actuel.', en: 'This action conflicts with the current state.' },
} as const satisfies Record<`error.${string}`, Record<Locale, string>>;
