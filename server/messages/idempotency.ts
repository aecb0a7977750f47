import type { Locale } from '../../common/format';

/** Idempotency-Key refusals (server/plugins/idempotency.ts). */
export const idempotencyMessages = {
  'idempotency.keyReused': { fr: 'Cette clé d’idempotence a déjà servi pour une autre demande.', en: 'This idempotency key was already used for another request.' },
  'idempotency.inProgress': { fr: 'Cette demande est déjà en cours de traitement : patientez quelques secondes.', en: 'This request is already being processed: please wait a few seconds.' },
} as const satisfies Record<`idempotency.${string}`, Record<Locale, string>>;
