import type { AccountsExportRows, EstablishmentRow, MeRow, OfficeRow, TerritoryRows, UserItemRow } from '../../../db/queries/accounts';
import { defaultEmailPreferences, type EmailPreferences } from '../../../db/schema';
import type { TokenPurpose } from '../../../db/queries/tokens';
import { iso, isoOrNull } from '../../../common/text';
import type {
  CreatedEstablishment, Establishment, EstablishmentListItem, Me, MeExportSchema, Office, Territory, TokenInfo, UserListItem,
} from '../../schemas/accounts';
import type { Static } from 'typebox';

/**
 * Rows -> API objects of the accounts feature: one `toX` per object of
 * server/schemas/accounts.ts. Queries return rows, routes never map.
 */

const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

export function toMe(row: MeRow): Me {
  return {
    id: row.id, email: row.email, name: row.name, role: row.role, language: row.language,
    emailPreferences: { ...defaultEmailPreferences, ...row.emailPreferences } satisfies EmailPreferences,
    establishment: ref(row.establishmentId, row.establishmentName),
    office: ref(row.officeId, row.officeName),
  };
}

export function toUserListItem(row: UserItemRow): UserListItem {
  return {
    id: row.id, email: row.email, name: row.name, role: row.role, status: row.status, language: row.language,
    establishment: ref(row.establishmentId, row.establishmentName), office: ref(row.officeId, row.officeName),
    lastLoginAt: isoOrNull(row.lastLoginAt), createdAt: iso(row.createdAt),
  };
}

/** What the page a one-time link opens shows. */
export function toTokenInfo(purpose: TokenPurpose, row: { email: string; name: string }): TokenInfo {
  return { purpose, email: row.email, name: row.name };
}

export function toEstablishment(row: EstablishmentRow): Establishment {
  return {
    id: row.id, name: row.name, category: row.category, subcategory: row.subcategory, communeInsee: row.communeInsee, address: row.address,
    phone: row.phone, email: row.email, website: row.website, description: row.description, labels: row.labels,
    membershipYear: row.membershipYear, status: row.status, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt),
  };
}

export function toEstablishmentListItem(row: EstablishmentRow & { communeName: string; userCount: number }): EstablishmentListItem {
  return { ...toEstablishment(row), communeName: row.communeName, userCount: Number(row.userCount) };
}

export function toCreatedEstablishment(row: EstablishmentRow, sameName: { id: string; name: string }[]): CreatedEstablishment {
  return { ...toEstablishment(row), sameNameInCommune: sameName };
}

export function toOffice(row: OfficeRow): Office {
  return {
    id: row.id, name: row.name, communeInsee: row.communeInsee, address: row.address, phone: row.phone,
    seasonal: row.seasonal, verified: row.verified, active: row.active,
  };
}

export function toTerritory(rows: TerritoryRows): Territory {
  return { ...rows, offices: rows.offices.map(toOffice) };
}

/** The sections of the RGPD export that the accounts feature holds. */
export type AccountsExport = Omit<Static<typeof MeExportSchema>, 'exportedAt' | 'trainings'>;

export function toAccountsExport(rows: AccountsExportRows, userId: string): AccountsExport {
  const { profile } = rows;
  return {
    profile: {
      id: profile.id, email: profile.email, name: profile.name, role: profile.role, status: profile.status, language: profile.language,
      emailPreferences: { ...defaultEmailPreferences, ...profile.emailPreferences },
      createdAt: iso(profile.createdAt), updatedAt: iso(profile.updatedAt), lastLoginAt: isoOrNull(profile.lastLoginAt), passwordChangedAt: isoOrNull(profile.passwordChangedAt),
    },
    establishment: rows.establishment,
    office: rows.office,
    logins: rows.logins.map((l) => ({ ...l, createdAt: iso(l.createdAt), lastUsedAt: iso(l.lastUsedAt), expiresAt: iso(l.expiresAt), revokedAt: isoOrNull(l.revokedAt) })),
    oneTimeTokens: rows.oneTimeTokens.map((t) => ({ purpose: t.purpose, createdAt: iso(t.createdAt), expiresAt: iso(t.expiresAt), usedAt: isoOrNull(t.usedAt) })),
    auditLog: rows.auditLog.map((a) => ({
      action: a.action, targetType: a.targetType, targetId: a.targetId, byThisUser: a.actorId === userId, details: a.details, ip: a.ip, createdAt: iso(a.createdAt),
    })),
    mails: rows.mails.map((m) => ({ ...m, createdAt: iso(m.createdAt), sentAt: isoOrNull(m.sentAt) })),
  };
}
