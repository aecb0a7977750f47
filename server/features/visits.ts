import visitRoutes from '../routes/visits';
import { defineServerFeature } from '../feature';
import { visitsPersonalData } from '../services/visits/personal-data';

/** Office visitor counts: the counter (offline-proof), bulk totals and CSV import, themes, the staff dashboard. */
export const visits = defineServerFeature({ name: 'visits', routes: [visitRoutes], personalData: visitsPersonalData });
