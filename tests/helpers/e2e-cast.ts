import { territory } from '../../db/seed/reference';
import { officeName } from '../../db/seed/territory';

/**
 * The place and the person the browser journeys (tests/e2e) share. Each
 * journey has its own database, so one address serves them all.
 */

const vigan = territory.information_offices.offices.find((o) => o.id === 'bit-le-vigan')!;

/** The Le Vigan information office, named as the seed names it (its option in the place pickers, its line on an event). */
export const JOURNEY_OFFICE = { id: vigan.id, name: officeName(vigan) };

/** The office's staff member who publishes, reviews and trains in the journeys: `createUser(server, 'staff', OFFICE_STAFF)`. */
export const OFFICE_STAFF = { name: 'Élodie Sabatier', email: 'elodie.sabatier@cevennes-tourisme.example', officeId: JOURNEY_OFFICE.id };
