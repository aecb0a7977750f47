import type { FastifyInstance } from 'fastify';
import type { Tx } from '../../db/client';
import { subjectAddress } from '../../db/queries/accounts';
import type { Effects } from '../../workers/jobs';
import type { DataSubject, PersonalDataPart } from '../feature';
import { features } from '../features';
import { Problem } from '../plugins/errors';

/** Every feature's part, in the order of server/features.ts. */
export const personalDataParts: readonly PersonalDataPart[] = features.flatMap((f) => (f.personalData ? [f.personalData] : []));

/** Who asks: the signed-in person and where from; the service reads the rest of the subject. */
export type SubjectRequest = Pick<DataSubject, 'userId' | 'ip'>;

/**
 * The subject as it is before any part runs: the accounts part comes first
 * and rewrites the address, which later parts match on. An account gone or
 * already erased is a log-in that has expired.
 */
async function subjectOf(tx: Tx, who: SubjectRequest, lock: boolean): Promise<DataSubject> {
  const email = await subjectAddress(tx, who.userId, { lock });
  if (email === null) throw new Problem(401, 'error.sessionExpired');
  return { ...who, email };
}

/**
 * RGPD export: every feature's sections, read in one transaction. Repeatable
 * read gives all sections one snapshot (a registration cannot appear in one
 * section and be missing from another). The accounts part records the export
 * in the audit log, in the same transaction.
 */
export async function exportPersonalData(app: FastifyInstance, who: SubjectRequest, parts = personalDataParts): Promise<{ exportedAt: string } & Record<string, unknown>> {
  return app.db.transaction(async (tx) => {
    const subject = await subjectOf(tx, who, false);
    const document: { exportedAt: string } & Record<string, unknown> = { exportedAt: new Date().toISOString() };
    for (const part of parts) {
      for (const [section, value] of Object.entries(await part.export(tx, subject))) {
        // Two features writing the same section would lose one of them in the file.
        if (section in document) throw new Error(`personal-data export: section "${section}" given twice`);
        document[section] = value;
      }
    }
    return document;
  }, { isolationLevel: 'repeatable read' });
}

/**
 * RGPD erasure: every feature's part in one transaction, so a failure in any
 * of them (or a refusal, such as the last administrator) leaves the person
 * and everything they hold as it was: no anonymised account keeping seats.
 * What the parts call for (offers to the next people waiting, their mails)
 * is enqueued once the transaction has committed.
 */
export async function erasePersonalData(app: FastifyInstance, who: SubjectRequest, parts = personalDataParts): Promise<void> {
  const effects = await app.db.transaction(async (tx) => {
    // Locked: the address the parts match on cannot change under the erasure.
    const subject = await subjectOf(tx, who, true);
    const all: Effects[] = [];
    for (const part of parts) {
      const fx = await part.erase(tx, subject);
      if (fx) all.push(fx);
    }
    return all;
  });
  for (const fx of effects) await app.enqueueEffects(fx);
}
