import newsletterSegmentRoutes from '../routes/newsletter-segments';
import { defineServerFeature } from '../feature';

/**
 * Newsletter segments: saved filters over establishments and people. They
 * hold nothing about a person (their author's link is set to null when the
 * account goes; an erased account keeps no name), hence no personal-data part.
 */
export const newsletterSegments = defineServerFeature({ name: 'newsletter-segments', routes: [newsletterSegmentRoutes] });
