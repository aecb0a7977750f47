import { mkdtemp, rm, utimes } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export interface TestS3 {
  /** S3_URL for the app's configuration: path-style, s3rver's fixed credentials. */
  url: string;
  bucket: string;
  /** A client of this server, for what the storage interface does not do (e.g. start a multipart upload and leave it). */
  client: S3Client;
  /** Dates an object as written at `when`: s3rver reports its file's mtime as Last-Modified (what a sweeper reads as its age). */
  backdate(key: string, when: Date): Promise<void>;
  close(): Promise<void>;
}

/** A real S3-protocol server (s3rver) in this process, on a free port, with one empty bucket. */
export async function startTestS3(bucket = 'espace-pro-test'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'ep-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const address = (await server.run()) as AddressInfo;
  const client = new S3Client({
    endpoint: `http://127.0.0.1:${address.port}`, region: 'us-east-1', forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    url: `http://S3RVER:S3RVER@127.0.0.1:${address.port}/${bucket}?region=us-east-1`,
    bucket,
    client,
    async backdate(key, when) {
      // s3rver's layout: <directory>/<bucket>/<key's folders>/<key's last segment>._S3rver_object
      await utimes(join(directory, bucket, `${key}._S3rver_object`), when, when);
    },
    async close() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
