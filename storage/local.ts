import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertKey, assertPrefix, StorageNotFoundError, type ByteRange, type Storage, type StoredObject } from './contract';

/** Files written here first, renamed into place when complete (a rename within one file system is atomic). */
const TMP = '.tmp';

/** Local disk under `root` (DATA_DIR/files by default). */
export function createLocalStorage(rootDir: string): Storage {
  const root = resolve(rootDir);
  // Directories are made at the first write: an app that never stores a file leaves no trace on disk.

  function pathOf(key: string): string {
    assertKey(key);
    const path = resolve(root, key);
    // The key pattern already forbids it; this is the second lock on the door.
    if (!path.startsWith(root + sep)) throw new Error(`Storage key escapes the root: ${key}`);
    return path;
  }

  async function* walk(dir: string): AsyncGenerator<StoredObject> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === root && entry.name === TMP) continue;
        yield* walk(path);
      } else if (entry.isFile()) {
        const s = await stat(path).catch(() => null);
        if (s) yield { key: relative(root, path).split(sep).join('/'), size: s.size, modifiedAt: s.mtime };
      }
    }
  }

  return {
    kind: 'local',
    async put(key, body: Readable) {
      const target = pathOf(key);
      await mkdir(join(root, TMP), { recursive: true });
      const tmp = join(root, TMP, randomUUID());
      const out = createWriteStream(tmp, { flags: 'wx' });
      try {
        await pipeline(body, out);
        await mkdir(dirname(target), { recursive: true });
        await rename(tmp, target);
      } catch (err) {
        body.destroy();
        // A body that fails before the file is open leaves the stream opening it: removing it before its
        // 'close' would let the open create it afterwards (a stray temporary file, seen under load).
        if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
        await rm(tmp, { force: true });
        throw err;
      }
      return { size: out.bytesWritten };
    },
    async get(key, range?: ByteRange) {
      const path = pathOf(key);
      let handle;
      try {
        handle = await open(path, 'r');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new StorageNotFoundError(key);
        throw err;
      }
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    },
    async stat(key) {
      try {
        const s = await stat(pathOf(key));
        return s.isFile() ? { key, size: s.size, modifiedAt: s.mtime } : null;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    list(prefix) {
      assertPrefix(prefix);
      return walk(prefix ? join(root, prefix) : root);
    },
    async sweepIncomplete(olderThan) {
      let removed = 0;
      const names = await readdir(join(root, TMP)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [];
        throw err;
      });
      for (const name of names) {
        const path = join(root, TMP, name);
        const s = await stat(path).catch(() => null);
        // A temporary file still being written has a fresh mtime: only stalled ones are removed.
        if (s && s.mtime < olderThan) {
          await rm(path, { force: true });
          removed++;
        }
      }
      return removed;
    },
    async close() {},
  };
}
