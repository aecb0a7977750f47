import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Database } from '../../client';
import { documentFolders, documents } from '../../schema';
import { audienceValues, audienceVisible, type Audience, type AudienceViewer } from '../audience';

const folderColumns = {
  id: documentFolders.id, parentId: documentFolders.parentId, name: documentFolders.name,
  audienceKind: documentFolders.audienceKind, audienceCategories: documentFolders.audienceCategories,
  audienceSubcategories: documentFolders.audienceSubcategories, audienceCommunes: documentFolders.audienceCommunes,
  audienceCommunautes: documentFolders.audienceCommunautes, audienceOffices: documentFolders.audienceOffices,
};
export type FolderRow = SelectResultFields<typeof folderColumns>;

/** Every folder the viewer may see (the client builds the tree and breadcrumbs; a few hundred rows at most). */
export async function listFolders(db: Database, viewer: AudienceViewer): Promise<FolderRow[]> {
  return db.select(folderColumns).from(documentFolders).where(audienceVisible(documentFolders, viewer)).orderBy(asc(documentFolders.name));
}

export type CreateFolderResult = { ok: true; folder: FolderRow } | { ok: false; reason: 'parentNotFound' | 'nameTaken' };

export async function createFolder(db: Database, input: { actorId: string; parentId: string | null; name: string; audience: Audience }): Promise<CreateFolderResult> {
  return db.transaction(async (tx) => {
    if (input.parentId && !(await tx.$count(documentFolders, eq(documentFolders.id, input.parentId)))) return { ok: false as const, reason: 'parentNotFound' as const };
    const taken = await tx.$count(documentFolders, and(
      sql`coalesce(${documentFolders.parentId}, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(${input.parentId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`lower(${documentFolders.name}) = lower(${input.name})`,
    ));
    if (taken) return { ok: false as const, reason: 'nameTaken' as const };
    const [folder] = await tx
      .insert(documentFolders)
      .values({ parentId: input.parentId, name: input.name, ...audienceValues(input.audience), createdBy: input.actorId })
      .onConflictDoNothing()
      .returning(folderColumns);
    return folder ? { ok: true as const, folder } : { ok: false as const, reason: 'nameTaken' as const };
  });
}

export type UpdateFolderResult = { ok: true; folder: FolderRow } | { ok: false; reason: 'notFound' | 'parentNotFound' | 'nameTaken' | 'cycle' };

/**
 * Renames, moves or re-targets a folder. Moves take one transaction-scoped
 * advisory lock, so that two moves at once (A into B while B goes into A)
 * cannot build a cycle between them; the check walks the folder's subtree.
 */
export async function updateFolder(
  db: Database,
  id: string,
  patch: { name?: string; parentId?: string | null; audience?: Audience },
): Promise<UpdateFolderResult> {
  return db.transaction(async (tx) => {
    const moving = patch.parentId !== undefined;
    if (moving) await tx.execute(sql`select pg_advisory_xact_lock(hashtext('document_folders.move'))`);
    const [current] = await tx.select({ parentId: documentFolders.parentId, name: documentFolders.name }).from(documentFolders).where(eq(documentFolders.id, id)).for('update');
    if (!current) return { ok: false as const, reason: 'notFound' as const };
    const parentId = moving ? (patch.parentId ?? null) : current.parentId;
    if (moving && parentId) {
      if (!(await tx.$count(documentFolders, eq(documentFolders.id, parentId)))) return { ok: false as const, reason: 'parentNotFound' as const };
      const found = (await tx.execute(sql`
        with recursive sub(id) as (
          select ${id}::uuid
          union all
          select f.id from ${documentFolders} f join sub on f.parent_id = sub.id
        )
        select 1 as inside from sub where id = ${parentId}::uuid limit 1`)) as unknown;
      // postgres.js answers rows, PGlite { rows }.
      const rows = Array.isArray(found) ? found : (found as { rows: unknown[] }).rows;
      if (rows.length) return { ok: false as const, reason: 'cycle' as const };
    }
    const name = patch.name ?? current.name;
    const taken = await tx.$count(documentFolders, and(
      sql`coalesce(${documentFolders.parentId}, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(${parentId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`lower(${documentFolders.name}) = lower(${name})`,
      ne(documentFolders.id, id),
    ));
    if (taken) return { ok: false as const, reason: 'nameTaken' as const };
    const [folder] = await tx
      .update(documentFolders)
      .set({ name, parentId, ...(patch.audience ? audienceValues(patch.audience) : {}), updatedAt: new Date() })
      .where(eq(documentFolders.id, id))
      .returning(folderColumns);
    return { ok: true as const, folder: folder! };
  });
}

export type DeleteFolderResult = { ok: true } | { ok: false; reason: 'notFound' | 'notEmpty' };

/** Deletes an empty folder only: documents and sub-folders are never removed with it (the foreign keys refuse it too). */
export async function deleteFolder(db: Database, id: string): Promise<DeleteFolderResult> {
  return db.transaction(async (tx) => {
    const [folder] = await tx.select({ id: documentFolders.id }).from(documentFolders).where(eq(documentFolders.id, id)).for('update');
    if (!folder) return { ok: false as const, reason: 'notFound' as const };
    const [subfolders, docs] = await Promise.all([
      tx.$count(documentFolders, eq(documentFolders.parentId, id)),
      tx.$count(documents, eq(documents.folderId, id)),
    ]);
    if (subfolders || docs) return { ok: false as const, reason: 'notEmpty' as const };
    await tx.delete(documentFolders).where(eq(documentFolders.id, id));
    return { ok: true as const };
  });
}
