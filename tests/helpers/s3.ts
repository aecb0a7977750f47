import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface TestS3 {
  /** S3_URL for the app's configuration: path-style, s3rver's fixed credentials. */
  url: string;
  bucket: string;
  close(): Promise<void>;
}

/** A real S3-protocol server (s3rver) in this process, on a free port, with one empty bucket. */
export async function startTestS3(bucket = 'espace-pro-test'): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'ep-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const address = (await server.run()) as AddressInfo;
  return {
    url: `http://S3RVER:S3RVER@127.0.0.1:${address.port}/${bucket}?region=us-east-1`,
    bucket,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
