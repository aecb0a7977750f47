import { Type, type Static, type TSchema } from 'typebox';
import { MULTILINE, OneOf, PageQuery, Paginated, Uuid } from './common';
import { ESTABLISHMENT_STATUSES, LANGUAGES, ROLES, TOKEN_PURPOSES, USER_STATUSES } from '../../common/accounts';
import { ACCOUNT_LIMITS as L, PASSWORD_MAX_LENGTH, SEARCH_MAX_LENGTH } from '../../common/limits';

/**
 * Accounts API schemas (auth, me, users, establishments, territory).
 * The client imports the `Static` types below (import type only).
 */

// ---------- building blocks ----------

/** Required human text: 1..max characters with at least one non-space (HTML is stored as typed and never rendered). */
const Name = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
/**
 * A value a PATCH may clear with null, as `type: [t, 'null']` rather than a
 * union: the api's ajv coerces types, and inside an anyOf it would turn null
 * into "" (or 0) in the first branch, then report every branch's error.
 */
const Nullable = <T extends TSchema>(t: T) => Type.Unsafe<Static<T> | null>({ ...t, type: [(t as unknown as { type: string }).type, 'null'] });

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: L.email });
/** A password as typed (policy checked in code: see server/lib/passwords.ts). */
export const PasswordInput = Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH });
export const RoleSchema = OneOf(ROLES);
export const UserStatusSchema = OneOf(USER_STATUSES);
export const LanguageSchema = OneOf(LANGUAGES);
export const EstablishmentStatusSchema = OneOf(ESTABLISHMENT_STATUSES);
const DateTime = Type.String({ format: 'date-time' });
const Ref = Type.Object({ id: Type.String(), name: Type.String() });
const NullableRef = Type.Union([Ref, Type.Null()]);
/** Office ids are readable slugs (bit-le-vigan), not uuids. */
export const OfficeId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9-]+$' });
const InseeCode = Type.String({ minLength: 5, maxLength: 5, pattern: '^[0-9][0-9AB][0-9]{3}$' });
const Phone = Type.String({ minLength: L.phoneMin, maxLength: L.phone, pattern: '^[0-9+(). -]+$' });
/** Only http(s) links: a `javascript:` URL would run in the page that shows it. */
const Website = Type.String({ minLength: L.websiteMin, maxLength: L.website, format: 'uri', pattern: '^https?://' });

export const EmailPreferencesSchema = Type.Object(
  { newsletter: Type.Boolean(), news: Type.Boolean(), trainings: Type.Boolean(), documents: Type.Boolean(), figures: Type.Boolean() },
  { additionalProperties: false },
);

// ---------- me ----------

export const MeSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  language: LanguageSchema,
  emailPreferences: EmailPreferencesSchema,
  establishment: NullableRef,
  office: NullableRef,
});
export type Me = Static<typeof MeSchema>;
export const UserEnvelope = Type.Object({ user: MeSchema });

export const UpdateMeBody = Type.Object(
  {
    name: Type.Optional(Name(L.userName)),
    language: Type.Optional(LanguageSchema),
    emailPreferences: Type.Optional(
      Type.Object(
        { newsletter: Type.Optional(Type.Boolean()), news: Type.Optional(Type.Boolean()), trainings: Type.Optional(Type.Boolean()), documents: Type.Optional(Type.Boolean()), figures: Type.Optional(Type.Boolean()) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type UpdateMe = Static<typeof UpdateMeBody>;

export const ChangePasswordBody = Type.Object({ currentPassword: PasswordInput, newPassword: PasswordInput }, { additionalProperties: false });
export const EraseMeBody = Type.Object({ password: PasswordInput }, { additionalProperties: false });

/** The RGPD export: every section held about the user (other features add sections). */
export const MeExportSchema = Type.Object(
  {
    exportedAt: DateTime,
    profile: Type.Object({
      id: Type.String(), email: Type.String(), name: Type.String(), role: RoleSchema, status: UserStatusSchema, language: LanguageSchema,
      emailPreferences: EmailPreferencesSchema, createdAt: DateTime, updatedAt: DateTime,
      lastLoginAt: Type.Union([DateTime, Type.Null()]), passwordChangedAt: Type.Union([DateTime, Type.Null()]),
    }),
    establishment: Type.Union([Type.Unknown(), Type.Null()]),
    office: Type.Union([Type.Unknown(), Type.Null()]),
    /** Log-ins: browser, IP address, when opened, last used, ended. */
    logins: Type.Array(Type.Object({
      createdAt: DateTime, lastUsedAt: DateTime, expiresAt: DateTime, revokedAt: Type.Union([DateTime, Type.Null()]),
      revokedReason: Type.Union([Type.String(), Type.Null()]), userAgent: Type.Union([Type.String(), Type.Null()]), ip: Type.Union([Type.String(), Type.Null()]),
    })),
    oneTimeTokens: Type.Array(Type.Object({ purpose: Type.String(), createdAt: DateTime, expiresAt: DateTime, usedAt: Type.Union([DateTime, Type.Null()]) })),
    auditLog: Type.Array(Type.Object({
      action: Type.String(), targetType: Type.String(), targetId: Type.Union([Type.String(), Type.Null()]), byThisUser: Type.Boolean(),
      details: Type.Unknown(), ip: Type.Union([Type.String(), Type.Null()]), createdAt: DateTime,
    })),
    mails: Type.Array(Type.Object({
      template: Type.String(), toAddress: Type.String(), status: Type.String(), createdAt: DateTime, sentAt: Type.Union([DateTime, Type.Null()]),
    })),
    /** Registrations, survey answers and calendar feed (trainings feature). */
    trainings: Type.Optional(Type.Unknown()),
    /** Library visits and followed folders (documents feature). */
    documents: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: true },
);

// ---------- auth ----------

/** Log-in accepts any address with an @ (the default first administrator is admin@localhost, which the strict e-mail format refuses). */
export const LoginEmail = Type.String({ format: 'login-email', minLength: 3, maxLength: L.email });
export const LoginBody = Type.Object({ email: LoginEmail, password: PasswordInput }, { additionalProperties: false });
export const ForgotBody = Type.Object({ email: LoginEmail }, { additionalProperties: false });
/** One-time tokens are HMAC-SHA256 in base64url (43 characters). */
export const OneTimeToken = Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });
export const TokenPurposeSchema = OneOf(TOKEN_PURPOSES);
export const TokenParams = Type.Object({ token: OneTimeToken }, { additionalProperties: false });
export const TokenQuery = Type.Object({ purpose: TokenPurposeSchema }, { additionalProperties: false });
export const TokenInfoSchema = Type.Object({ purpose: TokenPurposeSchema, email: Type.String(), name: Type.String() });
export type TokenInfo = Static<typeof TokenInfoSchema>;
export const ResetBody = Type.Object({ token: OneTimeToken, password: PasswordInput }, { additionalProperties: false });
export const AcceptInvitationBody = Type.Object({ token: OneTimeToken, password: PasswordInput, name: Type.Optional(Name(L.userName)) }, { additionalProperties: false });

// ---------- users ----------

export const UserListItemSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  status: UserStatusSchema,
  language: LanguageSchema,
  establishment: NullableRef,
  office: NullableRef,
  lastLoginAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
});
export type UserListItem = Static<typeof UserListItemSchema>;
export const UserListSchema = Paginated(UserListItemSchema);
export type UserList = Static<typeof UserListSchema>;

export const UserListQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: SEARCH_MAX_LENGTH })),
    role: Type.Optional(RoleSchema),
    status: Type.Optional(UserStatusSchema),
    establishmentId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type UserListFilters = Static<typeof UserListQuery>;

export const InviteBody = Type.Object(
  {
    email: Email,
    name: Name(L.userName),
    role: RoleSchema,
    establishmentId: Type.Optional(Uuid),
    officeId: Type.Optional(OfficeId),
    language: Type.Optional(LanguageSchema),
  },
  { additionalProperties: false },
);
export type Invite = Static<typeof InviteBody>;
export const CreatedId = Type.Object({ id: Type.String() });

export const UpdateUserBody = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
    role: Type.Optional(RoleSchema),
    establishmentId: Type.Optional(Nullable(Uuid)),
    officeId: Type.Optional(Nullable(OfficeId)),
  },
  { additionalProperties: false },
);
export type UpdateUser = Static<typeof UpdateUserBody>;

// ---------- establishments ----------

/** What a partner may edit on its own establishment (shown publicly). */
export const publicEstablishmentFields = ['address', 'phone', 'email', 'website', 'description'] as const;

const establishmentProps = {
  id: Type.String(),
  name: Type.String(),
  category: Type.String(),
  subcategory: Type.Union([Type.String(), Type.Null()]),
  communeInsee: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  labels: Type.Array(Type.String()),
  membershipYear: Type.Union([Type.Integer(), Type.Null()]),
  status: EstablishmentStatusSchema,
  createdAt: DateTime,
  updatedAt: DateTime,
};
export const EstablishmentSchema = Type.Object(establishmentProps);
export type Establishment = Static<typeof EstablishmentSchema>;
/** A new establishment, and those of the same name already in its commune (a warning: a duplicate is likely a double entry). */
export const CreatedEstablishmentSchema = Type.Object({ ...establishmentProps, sameNameInCommune: Type.Array(Ref) });
export type CreatedEstablishment = Static<typeof CreatedEstablishmentSchema>;
export const EstablishmentListItemSchema = Type.Object({ ...establishmentProps, communeName: Type.String(), userCount: Type.Integer() });
export type EstablishmentListItem = Static<typeof EstablishmentListItemSchema>;
export const EstablishmentListSchema = Paginated(EstablishmentListItemSchema);
export type EstablishmentList = Static<typeof EstablishmentListSchema>;

export const EstablishmentListQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: SEARCH_MAX_LENGTH })),
    category: Type.Optional(Type.String({ maxLength: 64 })),
    communeInsee: Type.Optional(InseeCode),
    communauteId: Type.Optional(Type.String({ maxLength: 64 })),
    label: Type.Optional(Type.String({ maxLength: 200 })),
    membershipYear: Type.Optional(Type.Integer({ minimum: L.yearMin, maximum: L.yearMax })),
    status: Type.Optional(EstablishmentStatusSchema),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type EstablishmentFilters = Static<typeof EstablishmentListQuery>;

const establishmentInput = {
  name: Name(L.establishmentName),
  category: Type.String({ minLength: 1, maxLength: 64 }),
  subcategory: Nullable(Type.String({ minLength: 1, maxLength: 64 })),
  communeInsee: InseeCode,
  address: Nullable(Type.String({ maxLength: L.address })),
  phone: Nullable(Phone),
  email: Nullable(Email),
  website: Nullable(Website),
  description: Nullable(Type.String({ maxLength: L.description, ...MULTILINE })),
  labels: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: L.labels, uniqueItems: true }),
  membershipYear: Nullable(Type.Integer({ minimum: L.yearMin, maximum: L.yearMax })),
  status: EstablishmentStatusSchema,
};
/** PATCH: any subset of the fields. */
export const UpdateEstablishmentBody = Type.Partial(Type.Object(establishmentInput), { additionalProperties: false });
export type UpdateEstablishment = Static<typeof UpdateEstablishmentBody>;
/** Creation: the same fields, of which name, category and commune are required. */
export const CreateEstablishmentBody = Type.Object(
  {
    ...UpdateEstablishmentBody.properties,
    name: establishmentInput.name,
    category: establishmentInput.category,
    communeInsee: establishmentInput.communeInsee,
  },
  { additionalProperties: false },
);
export type CreateEstablishment = Static<typeof CreateEstablishmentBody>;

// ---------- territory ----------

export const OfficeSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  communeInsee: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  seasonal: Type.Boolean(),
  verified: Type.Boolean(),
  active: Type.Boolean(),
});
export type Office = Static<typeof OfficeSchema>;

export const TerritorySchema = Type.Object({
  communautes: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), shortName: Type.String() })),
  communes: Type.Array(Type.Object({
    inseeCode: Type.String(), name: Type.String(), postalCode: Type.Union([Type.String(), Type.Null()]), departmentCode: Type.String(),
    departmentName: Type.String(), population: Type.Union([Type.Integer(), Type.Null()]), communauteId: Type.String(),
  })),
  offices: Type.Array(OfficeSchema),
  categories: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), subcategories: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })) })),
  labels: Type.Array(Type.String()),
});
export type Territory = Static<typeof TerritorySchema>;

export const OfficeParams = Type.Object({ id: OfficeId }, { additionalProperties: false });
export const UpdateOfficeBody = Type.Object(
  {
    name: Type.Optional(Name(160)),
    communeInsee: Type.Optional(Nullable(InseeCode)),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    phone: Type.Optional(Nullable(Phone)),
    seasonal: Type.Optional(Type.Boolean()),
    verified: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateOffice = Static<typeof UpdateOfficeBody>;
