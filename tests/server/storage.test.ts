import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertKey, createStorage, newObjectKey, storageOptionsFromConfig, StorageNotFoundError, type Storage,
} from '../../storage';
import { startTestS3, type TestS3 } from '../helpers/s3';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `total` pseudo-random bytes produced in 64 KiB chunks (never held whole), and their SHA-256. */
function generated(total: number, seed = 1): { stream: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  let sent = 0;
  let counter = seed;
  const stream = new Readable({
    read() {
      if (sent >= total) return this.push(null);
      const size = Math.min(65_536, total - sent);
      const chunk = createHash('sha512').update(String(counter++)).digest();
      const buf = Buffer.alloc(size);
      for (let i = 0; i < size; i += chunk.length) chunk.copy(buf, i);
      hash.update(buf);
      sent += size;
      this.push(buf);
    },
  });
  return { stream, sha256: () => hash.digest('hex') };
}

/** A stream that sends `before` bytes then fails, as a client disconnecting mid-upload does. */
function failingAfter(before: number): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(randomBytes(before));
      } else {
        this.destroy(new Error('client went away'));
      }
    },
  });
}

async function keys(storage: Storage, prefix: string): Promise<string[]> {
  const out: string[] = [];
  for await (const o of storage.list(prefix)) out.push(o.key);
  return out;
}

let s3: TestS3;
let localRoot: string;
const drivers: Record<'local' | 's3', Storage> = {} as never;

beforeAll(async () => {
  s3 = await startTestS3();
  localRoot = await mkdtemp(join(tmpdir(), 'ep-storage-'));
  drivers.local = await createStorage(storageOptionsFromConfig({ dataDir: localRoot }));
  drivers.s3 = await createStorage(storageOptionsFromConfig({ dataDir: localRoot, S3_URL: s3.url }));
});

afterAll(async () => {
  await drivers.local?.close();
  await drivers.s3?.close();
  await s3?.close();
  await rm(localRoot, { recursive: true, force: true });
});

// The same suite against both drivers: the S3 one talks to a real S3-protocol server (s3rver).
describe.each(['local', 's3'] as const)('storage driver %s', (name) => {
  const storage = () => drivers[name];

  it('stores a stream and gives it back whole, with its size', async () => {
    const key = newObjectKey('t-roundtrip');
    const body = Buffer.from('Carte PASS — été 2026, randonnées\n', 'utf8');
    expect(await storage().put(key, Readable.from([body]), { contentType: 'text/plain' })).toEqual({ size: body.length });
    expect((await readAll(await storage().get(key))).equals(body)).toBe(true);
    const s = await storage().stat(key);
    expect(s).toMatchObject({ key, size: body.length });
    expect(s!.modifiedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('gives back one byte range (inclusive, as HTTP Range)', async () => {
    const key = newObjectKey('t-range');
    const body = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz');
    await storage().put(key, Readable.from([body]));
    expect((await readAll(await storage().get(key, { start: 10, end: 19 }))).toString()).toBe('abcdefghij');
    expect((await readAll(await storage().get(key, { start: 30, end: 35 }))).toString()).toBe('uvwxyz');
  });

  it('streams a file larger than one multipart part (20 MiB) without changing a byte', async () => {
    const key = newObjectKey('t-large');
    const source = generated(20 * 1024 * 1024);
    expect((await storage().put(key, source.stream)).size).toBe(20 * 1024 * 1024);
    const hash = createHash('sha256');
    for await (const chunk of await storage().get(key)) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(source.sha256());
  });

  it('an absent object: get refuses with StorageNotFoundError, stat is null, delete is harmless', async () => {
    const key = newObjectKey('t-absent');
    await expect(storage().get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(await storage().stat(key)).toBeNull();
    await expect(storage().delete(key)).resolves.toBeUndefined();
  });

  it('deletes an object', async () => {
    const key = newObjectKey('t-delete');
    await storage().put(key, Readable.from([Buffer.from('x')]));
    await storage().delete(key);
    expect(await storage().stat(key)).toBeNull();
    expect(await keys(storage(), 't-delete/')).toEqual([]);
  });

  it('a stream that fails half-way (small or multipart) rejects and leaves no object behind', async () => {
    for (const size of [1000, 9 * 1024 * 1024]) {
      const key = newObjectKey('t-failing');
      await expect(storage().put(key, failingAfter(size))).rejects.toThrow(/client went away/);
      expect(await storage().stat(key)).toBeNull();
    }
    expect(await keys(storage(), 't-failing/')).toEqual([]);
  });

  it('lists the objects under a prefix only, with sizes and dates (for sweepers)', async () => {
    const a = newObjectKey('t-list');
    const b = newObjectKey('t-list');
    const other = newObjectKey('t-list-other');
    for (const k of [a, b, other]) await storage().put(k, Readable.from([Buffer.from(k)]));
    const listed = [];
    for await (const o of storage().list('t-list/')) listed.push(o);
    expect(listed.map((o) => o.key).sort()).toEqual([a, b].sort());
    expect(listed.every((o) => o.size === a.length && o.modifiedAt instanceof Date)).toBe(true);
  });

  it('refuses keys that are not server-made names (no path tricks reach a driver)', async () => {
    for (const bad of ['../etc/passwd', '/etc/passwd', 'a/../../b', '.hidden', 'a//b', 'a/', 'Docs/x', 'a\\b', '', 'a/\u0000b']) {
      await expect(storage().put(bad, Readable.from([Buffer.from('x')])), bad).rejects.toThrow(/Invalid storage key/);
      await expect(storage().get(bad), bad).rejects.toThrow(/Invalid storage key/);
    }
    await expect(keys(storage(), '../')).rejects.toThrow(/Invalid storage (prefix|key)/);
  });
});

describe('local driver specifics', () => {
  it('sweeps temporary files a crash left behind, not one being written', async () => {
    const tmp = join(localRoot, 'files', '.tmp');
    await mkdir(tmp, { recursive: true });
    await writeFile(join(tmp, 'stale'), 'half an upload');
    const old = new Date(Date.now() - 2 * 3_600_000);
    await utimes(join(tmp, 'stale'), old, old);
    await writeFile(join(tmp, 'fresh'), 'being written');
    expect(await drivers.local.sweepIncomplete(new Date(Date.now() - 3_600_000))).toBe(1);
    expect(await readdir(tmp)).toEqual(['fresh']);
    await rm(join(tmp, 'fresh'));
  });

  it('a failed upload leaves no temporary file either', async () => {
    await expect(drivers.local.put(newObjectKey('t-tmp'), failingAfter(50_000))).rejects.toThrow();
    expect(await readdir(join(localRoot, 'files', '.tmp'))).toEqual([]);
  });

  it('with nothing written yet there is no temporary area: nothing to sweep, and the sweep creates nothing on disk', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ep-storage-empty-'));
    const empty = await createStorage({ driver: 'local', root: join(root, 'files') });
    expect(await empty.sweepIncomplete(new Date())).toBe(0);
    expect(await readdir(root)).toEqual([]);
    await rm(root, { recursive: true, force: true });
  });
});

describe('s3 driver specifics (s3rver)', () => {
  it('s3rver cannot list unfinished multipart uploads (NotImplemented): the sweep finds nothing to sweep and a started upload stays', async () => {
    const Key = newObjectKey('t-multipart');
    const Bucket = s3.bucket;
    const { UploadId } = await s3.client.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const part = await s3.client.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: 1, Body: Buffer.from('half an upload') }));
    // A cut-off in the future: any upload the server listed would be aborted.
    expect(await drivers.s3.sweepIncomplete(new Date(Date.now() + 60_000))).toBe(0);
    await s3.client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }));
    expect(await drivers.s3.stat(Key)).toMatchObject({ size: 'half an upload'.length });
  });

  it('any other refusal fails the sweep, not taken for nothing to sweep (a bucket that does not exist)', async () => {
    const absent = await createStorage(storageOptionsFromConfig({ dataDir: localRoot, S3_URL: s3.url.replace(`/${s3.bucket}?`, '/absent-bucket?') }));
    await expect(absent.sweepIncomplete(new Date())).rejects.toMatchObject({ name: 'NoSuchBucket' });
    await absent.close();
  });
});

describe('storage configuration', () => {
  it('is local disk under DATA_DIR/files by default', () => {
    expect(storageOptionsFromConfig({ dataDir: '/srv/ep' }, {})).toEqual({ driver: 'local', root: '/srv/ep/files' });
  });

  it('reads S3_URL: endpoint, credentials, bucket, key prefix and region', () => {
    expect(storageOptionsFromConfig({ dataDir: '/d', S3_URL: 'https://AK%2F1:s%40cret@s3.fr-par.example.net/ep-files/prod?region=fr-par' }, {})).toEqual({
      driver: 's3', endpoint: 'https://s3.fr-par.example.net', region: 'fr-par', bucket: 'ep-files', prefix: 'prod/', forcePathStyle: true,
      credentials: { accessKeyId: 'AK/1', secretAccessKey: 's@cret' },
    });
    expect(() => storageOptionsFromConfig({ dataDir: '/d', S3_URL: 'https://host/' }, {})).toThrow(/bucket/);
  });

  it('or S3_BUCKET with the usual AWS_* variables (credentials left to the SDK chain)', () => {
    expect(storageOptionsFromConfig({ dataDir: '/d', S3_BUCKET: 'b' }, { AWS_REGION: 'eu-west-3', AWS_ENDPOINT_URL_S3: 'https://minio.local:9000' })).toEqual({
      driver: 's3', endpoint: 'https://minio.local:9000', region: 'eu-west-3', bucket: 'b', prefix: '', forcePathStyle: true,
    });
  });

  it('makes unique, valid object names', () => {
    const a = newObjectKey('documents', new Date('2026-11-30T12:00:00Z'));
    expect(a).toMatch(/^documents\/2026\/11\/[0-9a-f-]{36}$/);
    expect(() => assertKey(a)).not.toThrow();
    expect(newObjectKey('documents')).not.toBe(newObjectKey('documents'));
  });
});
