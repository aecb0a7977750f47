import type {
  AcceptResult, InvalidEstablishment, InviteResult, ResendResult, ResetResult, UpdateEstablishmentResult, UpdateOfficeResult, UpdateUserResult, eraseUser,
} from '../../../db/queries/accounts';
import { ownMessagesByStatus, refusalsOf, type ReasonOf, type RefusalEntry } from '../../lib/refusals';

/** Every reason an accounts query or use case refuses: the queries' own, and the service's (who may change what). */
export type Reason =
  | ReasonOf<InviteResult | ResendResult | UpdateUserResult | ResetResult | AcceptResult | Awaited<ReturnType<typeof eraseUser>>>
  | ReasonOf<InvalidEstablishment | UpdateEstablishmentResult | UpdateOfficeResult>
  | 'partnerFieldForbidden';

/** Why -> HTTP problem (server/lib/refusals.ts). */
const refusals = {
  ...ownMessagesByStatus('accounts', {
    403: ['staffTargetScope', 'cannotChangeSelf', 'partnerFieldForbidden'],
    404: ['establishmentNotFound', 'officeNotFound'],
    409: ['notInvited', 'lastAdmin'],
  }),
  emailTaken: [409, 'accounts.emailTaken', 'email'],
  unknownEstablishment: [400, 'accounts.unknownEstablishment', 'establishmentId'],
  establishmentRequired: [400, 'accounts.establishmentRequired', 'establishmentId'],
  unknownOffice: [400, 'accounts.unknownOffice', 'officeId'],
  officeRequired: [400, 'accounts.officeRequired', 'officeId'],
  notFound: [404, 'accounts.userNotFound'],
  roleChangeAdminOnly: [403, 'accounts.roleChangeAdminOnly', 'role'],
  invalidToken: [400, 'auth.invalidToken', 'token'],
  unknownCategory: [400, 'accounts.unknownCategory', 'category', 'error.validation'],
  unknownSubcategory: [400, 'accounts.unknownSubcategory', 'subcategory', 'error.validation'],
  unknownCommune: [400, 'accounts.unknownCommune', 'communeInsee', 'error.validation'],
  unknownLabel: [400, 'accounts.unknownLabel', 'labels', 'error.validation'],
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf<Reason>(refusals);
