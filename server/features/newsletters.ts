import newsletterRoutes from '../routes/newsletters';
import { defineServerFeature } from '../feature';
import { newslettersPersonalData } from '../services/newsletters/personal-data';

/** Newsletters: campaigns sent by the workers with per-recipient records, topics and consent, one-click unsubscribe. */
export const newsletters = defineServerFeature({
  name: 'newsletters',
  routes: [newsletterRoutes],
  personalData: newslettersPersonalData,
});
