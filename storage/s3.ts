import { Transform, type Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand,
  ListObjectsV2Command, S3Client, S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertKey, assertPrefix, StorageNotFoundError, type ByteRange, type Storage, type StorageOptions, type StoredObject } from './contract';

type S3Options = Extract<StorageOptions, { driver: 's3' }>;

/** 8 MiB parts, two in flight: at most ~16 MiB of an upload in memory, whatever the file size. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;

/** S3-compatible object storage (AWS, MinIO, Garage, Scaleway, OVHcloud, Outscale...). */
export function createS3Storage(options: S3Options): Storage {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    // SDK versions since 3.729 add CRC32 checksums to every upload by default;
    // several S3-compatible servers refuse or ignore them. Only when required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = options.bucket;
  const full = (key: string) => {
    assertKey(key);
    return options.prefix + key;
  };

  const notFound = (err: unknown) =>
    err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound');

  return {
    kind: 's3',
    async put(key, body, putOptions) {
      let size = 0;
      const counted = body.pipe(new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          done(null, chunk);
        },
      }));
      // pipe() does not forward errors: a failing source must fail the upload.
      body.once('error', (err) => counted.destroy(err));
      const upload = new Upload({
        client,
        params: { Bucket, Key: full(key), Body: counted, ContentType: putOptions?.contentType ?? 'application/octet-stream' },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (err) {
        body.destroy();
        counted.destroy();
        throw err;
      }
      return { size };
    },
    async get(key, range?: ByteRange) {
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: full(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
        return res.Body as Readable;
      } catch (err) {
        if (notFound(err)) throw new StorageNotFoundError(key);
        throw err;
      }
    },
    async stat(key) {
      try {
        const res = await client.send(new HeadObjectCommand({ Bucket, Key: full(key) }));
        return { key, size: res.ContentLength ?? 0, modifiedAt: res.LastModified ?? new Date(0) };
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: full(key) }));
    },
    async *list(prefix): AsyncGenerator<StoredObject> {
      assertPrefix(prefix);
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: options.prefix + prefix, ContinuationToken }));
        for (const o of page.Contents ?? []) {
          if (o.Key) yield { key: o.Key.slice(options.prefix.length), size: o.Size ?? 0, modifiedAt: o.LastModified ?? new Date(0) };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async sweepIncomplete(olderThan) {
      // Parts of a multipart upload that a crashed process never completed nor
      // aborted are invisible to `list` but billed. A bucket lifecycle rule
      // (AbortIncompleteMultipartUpload) does the same where the provider has it.
      let res;
      try {
        res = await client.send(new ListMultipartUploadsCommand({ Bucket, Prefix: options.prefix }));
      } catch (err) {
        // Some S3-compatible servers (s3rver among them) answer NotImplemented: no upload this
        // sweep can see, so nothing to sweep; the bucket's lifecycle rule, where there is one, still does it.
        if (err instanceof S3ServiceException && (err.name === 'NotImplemented' || err.$metadata.httpStatusCode === 501 || err.$metadata.httpStatusCode === 405)) return 0;
        throw err;
      }
      let removed = 0;
      for (const u of res.Uploads ?? []) {
        if (u.Key && u.UploadId && u.Initiated && u.Initiated < olderThan) {
          await client.send(new AbortMultipartUploadCommand({ Bucket, Key: u.Key, UploadId: u.UploadId }));
          removed++;
        }
      }
      return removed;
    },
    async close() {
      client.destroy();
    },
  };
}
