import { DOCUMENTS_SWEEP } from '../../../common/limits';
import { pendingExtractions, unreferencedKeys } from '../../../db/queries/documents';
import { requeue, type JobHandler } from '../../jobs';
import { storageFor } from './storage';

/**
 * What a crash can leave: temporary files and unfinished multipart uploads,
 * stored objects no version refers to (the process died between the storage
 * write and the commit, or after a delete), and versions whose extraction
 * job Redis lost. Safe to run any time, twice, or on several workers.
 */
export const sweepDocuments: JobHandler<'documents.sweep'> = async (_payload, ctx) => {
  const storage = await storageFor(ctx.config);
  const before = new Date(Date.now() - DOCUMENTS_SWEEP.graceMs);
  const incomplete = await storage.sweepIncomplete(before);
  let orphans = 0;
  for (const area of ['documents/', 'thumbnails/']) {
    let batch: string[] = [];
    const flush = async () => {
      for (const key of await unreferencedKeys(ctx.db, batch)) {
        await storage.delete(key);
        orphans++;
      }
      batch = [];
    };
    for await (const o of storage.list(area)) {
      if (o.modifiedAt < before) batch.push(o.key);
      if (batch.length >= DOCUMENTS_SWEEP.keysPerQuery) await flush();
    }
    await flush();
  }
  // Counted by what was added: a version whose job is still waiting is left alone (`requeue`), so a second run reports 0.
  let requeued = 0;
  for (const versionId of await pendingExtractions(ctx.db, new Date(Date.now() - DOCUMENTS_SWEEP.extractionLostAfterMs))) {
    if (await requeue(ctx.queues, 'documents.extract', { versionId })) requeued++;
  }
  return { incomplete, orphans, requeued };
};

/**
 * One object a committed write let go of: removed only if no version,
 * thumbnail or proposal refers to it (a key is never reused, so once
 * unreferenced it stays so). Twice is harmless: the second finds it gone.
 */
export const deleteDocumentObject: JobHandler<'documents.delete-object'> = async ({ key }, ctx) => {
  const [unreferenced] = await unreferencedKeys(ctx.db, [key]);
  const storage = await storageFor(ctx.config);
  if (!unreferenced || !(await storage.stat(key))) return { deleted: false };
  await storage.delete(key);
  return { deleted: true };
};
