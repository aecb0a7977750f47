import { eq } from 'drizzle-orm';
import { visitContacts, visitTotals } from '../../../db/schema';
import type { PersonalDataPart } from '../../feature';

/**
 * RGPD, visits part. Contacts hold nothing about the visitor; they name the
 * member of staff who recorded them. Export: how many contacts they recorded.
 * Erasure: the contacts and totals stay (they are the office's figures) but
 * no longer name them.
 */
export const visitsPersonalData = {
  export: async (tx, { userId }) => ({ visits: { contactsRecorded: await tx.$count(visitContacts, eq(visitContacts.createdBy, userId)) } }),
  async erase(tx, { userId }) {
    await tx.update(visitContacts).set({ createdBy: null }).where(eq(visitContacts.createdBy, userId));
    await tx.update(visitTotals).set({ updatedBy: null }).where(eq(visitTotals.updatedBy, userId));
  },
} satisfies PersonalDataPart;
