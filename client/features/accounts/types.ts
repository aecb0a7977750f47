/**
 * Shapes of the accounts API, taken from the server's TypeBox schemas (types
 * only: nothing of the server ends up in the bundle).
 */
import type {
  CreateEstablishment, CreatedEstablishment, Establishment, EstablishmentList, EstablishmentListItem, Invite, Me, Territory, TokenInfo,
  UpdateEstablishment, UpdateMe, UpdateUser, UserList, UserListItem,
} from '../../../server/schemas/accounts';

export type {
  CreateEstablishment, CreatedEstablishment, Establishment, EstablishmentList, EstablishmentListItem, Invite, Me, Territory, TokenInfo,
  UpdateEstablishment, UpdateMe, UpdateUser, UserList, UserListItem,
};

export type { Role } from '../../../common/roles';

/** Field limits, shared with the server's schemas: the forms warn while typing. */
export { ACCOUNT_LIMITS as LIMITS } from '../../../common/limits';

export type { OutboxItem, OutboxPage, OutboxMail as OutboxMessage, OutboxDelivery, OutboxDeliveryPage } from '../../../server/schemas/mail';
