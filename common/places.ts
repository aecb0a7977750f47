import type { Locale } from './format';
import type { PlaceKind } from './trainings';

/** Where a session takes place, as stored (office resolved). */
export interface PlaceInfo {
  kind: PlaceKind;
  officeName: string | null;
  address: string | null;
  communeName: string | null;
  postalCode: string | null;
  lat: number | null;
  lon: number | null;
}

/** One readable line: "Bureau d'information touristique — Le Vigan, Place du Marché, 30120 Le Vigan". */
export function placeLine(p: PlaceInfo, locale: Locale = 'fr'): string {
  if (p.kind === 'online') return locale === 'fr' ? 'En ligne (visioconférence)' : 'Online (video conference)';
  const town = [p.postalCode, p.communeName].filter(Boolean).join(' ');
  return [p.kind === 'office' ? p.officeName : null, p.address, town || null].filter(Boolean).join(', ');
}

/**
 * An OpenStreetMap link to the place (search on the address, else the
 * commune's coordinates): the one map link of the product. The session list
 * builds the same link in SQL (db/queries/trainings/session-list.ts) for speed.
 */
export function mapUrl(p: PlaceInfo): string | null {
  if (p.kind === 'online') return null;
  if (p.address || p.communeName) {
    const query = [p.address, [p.postalCode, p.communeName].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
  }
  if (p.lat != null && p.lon != null) return `https://www.openstreetmap.org/?mlat=${p.lat}&mlon=${p.lon}#map=15/${p.lat}/${p.lon}`;
  return null;
}
