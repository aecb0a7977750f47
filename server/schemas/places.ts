import { Type } from 'typebox';

const NullableText = Type.Union([Type.String(), Type.Null()]);

/**
 * A place as the API shows it, beside its `kind` (a training session's, a
 * news event's): its office and commune resolved to names, and `mapUrl`, an
 * OpenStreetMap link (common/places.ts mapUrl), null online. Each is null
 * where the kind does not use it.
 */
export const placeShownFields = {
  officeId: NullableText,
  officeName: NullableText,
  address: NullableText,
  communeInsee: NullableText,
  communeName: NullableText,
  onlineUrl: NullableText,
  mapUrl: NullableText,
};

export const OfficeId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9-]+$' });
export const InseeCode = Type.String({ minLength: 5, maxLength: 5, pattern: '^[0-9][0-9AB][0-9]{3}$' });

/**
 * What a place's form sends beside its `kind`, within the feature's limits:
 * each may be absent or null where the kind does not use it (the service
 * checks which the kind requires). Only https meeting links: a `javascript:`
 * URL would run in the page that shows it.
 */
export function placeInputFields(limits: { address: number; onlineUrl: number }) {
  const orNull = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));
  return {
    officeId: orNull(OfficeId),
    communeInsee: orNull(InseeCode),
    address: orNull(Type.String({ minLength: 1, maxLength: limits.address, pattern: '\\S' })),
    onlineUrl: orNull(Type.String({ minLength: 9, maxLength: limits.onlineUrl, format: 'uri', pattern: '^https://' })),
  };
}
