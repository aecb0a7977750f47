/**
 * Shapes of the accounts API, taken from the server's TypeBox schemas (types
 * only: nothing of the server ends up in the bundle).
 */
import type {
  CreateEstablishment, Establishment, EstablishmentList, EstablishmentListItem, Invite, Me, Territory, TokenInfo,
  UpdateEstablishment, UpdateMe, UpdateUser, UserList, UserListItem,
} from '../../../server/schemas/accounts';

export type {
  CreateEstablishment, Establishment, EstablishmentList, EstablishmentListItem, Invite, Me, Territory, TokenInfo,
  UpdateEstablishment, UpdateMe, UpdateUser, UserList, UserListItem,
};

export type Role = Me['role'];
export type UserStatus = UserListItem['status'];
export type EmailPreferences = Me['emailPreferences'];

/** Server limits mirrored by the forms so that they warn while typing (server/schemas/accounts.ts). */
export const LIMITS = {
  userName: 120,
  email: 254,
  passwordMin: 12,
  passwordMax: 128,
  establishmentName: 160,
  address: 300,
  phoneMin: 4,
  phone: 30,
  websiteMin: 8,
  website: 300,
  description: 4000,
  labels: 20,
  yearMin: 1990,
  yearMax: 2100,
} as const;

export type { OutboxItem, OutboxPage, OutboxMail as OutboxMessage } from '../../../server/schemas/mailings';
