import figuresRoutes from '../routes/figures';
import { defineServerFeature } from '../feature';

/**
 * Partners' monthly figures, their comparison with anonymised peers and the
 * « Observatoire ». Figures belong to establishments, not to people (the
 * user who last saved a month is only a reference, `updated_by`, to the
 * user row that erasure anonymises): no personal-data part.
 */
export const figures = defineServerFeature({ name: 'figures', routes: [figuresRoutes] });
