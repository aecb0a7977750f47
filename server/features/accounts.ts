import type { FastifyInstance } from 'fastify';
import authRoutes from '../routes/auth';
import establishmentRoutes from '../routes/establishments';
import meRoutes from '../routes/me';
import userRoutes from '../routes/users';
import { defineServerFeature } from '../feature';
import { accountsPersonalData } from '../services/accounts';

/** Log-in, my account, users, establishments and offices. */
export const accounts = defineServerFeature({
  name: 'accounts',
  routes: async (app: FastifyInstance) => {
    await app.register(authRoutes);
    await app.register(meRoutes);
    await app.register(userRoutes);
    await app.register(establishmentRoutes);
  },
  personalData: accountsPersonalData,
});
