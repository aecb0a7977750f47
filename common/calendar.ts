import { createEvents, type EventAttributes } from 'ics';

/**
 * iCalendar (RFC 5545) files of training sessions, made with the `ics`
 * package: one VEVENT per time slot, stable UIDs and a SEQUENCE that grows
 * with each change of time or place, so Google, Apple and Outlook calendars
 * update the event they already have instead of adding a copy.
 */
export interface CalendarSession {
  id: string;
  /** What the UID names (default 'training'): each feature's events keep their own UIDs in a shared feed. */
  uidPrefix?: string;
  title: string;
  summary: string;
  slots: { startsAt: Date | string; endsAt: Date | string }[];
  /** Readable place ("Bureau d'information touristique — Le Vigan, Place du Marché, 30120 Le Vigan"), or null. */
  location: string | null;
  /** Meeting link of an online session (only for confirmed participants). */
  onlineUrl: string | null;
  /** Page of the session in Espace Pro. */
  pageUrl: string;
  revision: number;
  cancelled: boolean;
  lat?: number | null;
  lon?: number | null;
}

const PRODUCT_ID = '-//Office de Tourisme Sud Cevennes//Espace Pro//FR';
const UID_DOMAIN = 'espace-pro.sud-cevennes';

function events(session: CalendarSession): EventAttributes[] {
  return session.slots.map((slot, i) => {
    const description = [session.summary, session.onlineUrl ? `Lien de connexion / Meeting link: ${session.onlineUrl}` : null, session.pageUrl].filter(Boolean).join('\n\n');
    return {
      uid: `${session.uidPrefix ?? 'training'}-${session.id}-${i}@${UID_DOMAIN}`,
      sequence: session.revision,
      start: new Date(slot.startsAt).getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: new Date(slot.endsAt).getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: session.slots.length > 1 ? `${session.title} (${i + 1}/${session.slots.length})` : session.title,
      description,
      ...(session.location || session.onlineUrl ? { location: session.location ?? session.onlineUrl! } : {}),
      url: session.onlineUrl ?? session.pageUrl,
      ...(session.lat != null && session.lon != null && session.location ? { geo: { lat: session.lat, lon: session.lon } } : {}),
      status: session.cancelled ? 'CANCELLED' : 'CONFIRMED',
      busyStatus: 'BUSY',
      productId: PRODUCT_ID,
    } satisfies EventAttributes;
  });
}

function build(list: EventAttributes[], calName?: string): string {
  if (list.length === 0) {
    // `ics` refuses an empty list; an empty calendar is still a valid feed.
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODUCT_ID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...(calName ? [`X-WR-CALNAME:${calName}`] : []), 'END:VCALENDAR', ''].join('\r\n');
  }
  const { error, value } = createEvents(list, { productId: PRODUCT_ID, method: 'PUBLISH', ...(calName ? { calName } : {}) });
  if (error || !value) throw error ?? new Error('ics: empty calendar');
  return value;
}

/** The .ics of one session (download and mail attachment). */
export function sessionCalendar(session: CalendarSession): string {
  return build(events(session));
}

/** A user's private feed of confirmed sessions. */
export function feedCalendar(sessions: CalendarSession[], calName: string): string {
  return build(sessions.flatMap(events), calName);
}
