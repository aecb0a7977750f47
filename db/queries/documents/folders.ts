import { and, asc, eq, sql } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Database } from '../../client';
import { documentFolders } from '../../schema';
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
