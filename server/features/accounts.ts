import authRoutes from '../routes/auth';
import establishmentRoutes from '../routes/establishments';
import meRoutes from '../routes/me';
import userRoutes from '../routes/users';
import { defineServerFeature } from '../feature';
import { accountsPersonalData } from '../services/accounts';

/** Log-in, my account, users, establishments and offices. */
export const accounts = defineServerFeature({
  name: 'accounts',
  routes: [authRoutes, meRoutes, userRoutes, establishmentRoutes],
  personalData: accountsPersonalData,
});
