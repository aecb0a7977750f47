import { useMemo } from 'react';
import type { Crumb } from '../../../components/PageBreadcrumbs';
import type { Folder } from '../types';

/**
 * The folder tree, built in the browser from the flat list the server gives
 * (every folder the reader may see). A folder whose parent is hidden from the
 * reader hangs from the root, so nothing visible is unreachable.
 */
export function useFolderTree(folders: Folder[] | undefined) {
  return useMemo(() => {
    const byId = new Map((folders ?? []).map((f) => [f.id, f]));
    const children = new Map<string | null, Folder[]>();
    for (const folder of folders ?? []) {
      const parent = folder.parentId && byId.has(folder.parentId) ? folder.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), folder]);
    }
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    for (const list of children.values()) list.sort((a, b) => collator.compare(a.name, b.name));

    /** The folders from the root down to `id` (included). */
    const path = (id: string | null | undefined): Folder[] => {
      const out: Folder[] = [];
      const seen = new Set<string>();
      let current = id ? byId.get(id) : undefined;
      while (current && !seen.has(current.id)) {
        seen.add(current.id);
        out.unshift(current);
        current = current.parentId ? byId.get(current.parentId) : undefined;
      }
      return out;
    };

    /** `id` and every folder under it: where a folder may not be moved. */
    const subtree = (id: string): Set<string> => {
      const out = new Set<string>([id]);
      const stack = [id];
      while (stack.length) for (const child of children.get(stack.pop()!) ?? []) if (!out.has(child.id)) (out.add(child.id), stack.push(child.id));
      return out;
    };

    /** Every folder, depth first, with its depth: the options of a « dossier » select. */
    const flat = (): { folder: Folder; depth: number }[] => {
      const out: { folder: Folder; depth: number }[] = [];
      const walk = (parent: string | null, depth: number) => {
        for (const f of children.get(parent) ?? []) {
          out.push({ folder: f, depth });
          walk(f.id, depth + 1);
        }
      };
      walk(null, 0);
      return out;
    };

    return { byId, children: (id: string | null) => children.get(id) ?? [], path, subtree, flat };
  }, [folders]);
}

export type FolderTree = ReturnType<typeof useFolderTree>;

export const folderLink = (id: string | null) => (id ? `/documents/dossiers/${id}` : '/documents');

/** Breadcrumb links from the library down to the parent of `id`. */
export function crumbsTo(tree: FolderTree, id: string | null, rootLabel: string, includeLast = false): Crumb[] {
  const path = tree.path(id);
  const shown = includeLast ? path : path.slice(0, -1);
  return [{ to: '/documents', label: rootLabel }, ...shown.map((f) => ({ to: folderLink(f.id), label: f.name }))];
}

/** Options of a folder select, indented by depth (the root first when `rootLabel` is given). */
export function folderOptions(tree: FolderTree, rootLabel?: string, exclude?: Set<string>) {
  const options = tree
    .flat()
    .filter(({ folder }) => !exclude?.has(folder.id))
    .map(({ folder, depth }) => ({ value: folder.id, label: `${'\u2003'.repeat(depth)}${folder.name}` }));
  return rootLabel ? [{ value: 'root', label: rootLabel }, ...options] : options;
}
