import { Type, type Static } from 'typebox';
import { AUDIENCE_KINDS } from '../../common/documents';
import { OneOf } from './common';

const Ids = (pattern: string, maxItems: number) =>
  Type.Array(Type.String({ pattern, maxLength: 64 }), { maxItems, uniqueItems: true });

/**
 * Who may see a piece of content (documents, news, newsletter segments).
 * `partners` may be narrowed by what they are (categories, sub-categories) and
 * where they are (communes by INSEE code, communautés, offices); empty lists
 * do not narrow. The server stores the lists only for `partners`.
 */
export const AudienceSchema = Type.Object(
  {
    kind: OneOf(AUDIENCE_KINDS),
    categories: Ids('^[a-z_]+$', 20),
    subcategories: Ids('^[a-z_]+$', 60),
    communes: Ids('^[0-9][0-9AB][0-9]{3}$', 60),
    communautes: Ids('^[a-z0-9-]+$', 10),
    offices: Ids('^[a-z0-9-]+$', 20),
  },
  { additionalProperties: false },
);
export type AudienceBody = Static<typeof AudienceSchema>;
