import { join } from 'node:path';
import { assertPrefix, type Storage, type StorageOptions } from './contract';

export * from './contract';

/** The part of the app's configuration the storage reads (structural: storage does not import the app). */
export interface StorageConfig {
  dataDir: string;
  S3_URL?: string;
  S3_BUCKET?: string;
}

/**
 * `S3_URL=https://KEY:SECRET@s3.fr-par.example.net/bucket[/prefix]?region=fr-par`
 * (path-style addressing, what MinIO, Garage and French providers accept), or
 * `S3_BUCKET` with the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
 * AWS_REGION / AWS_ENDPOINT_URL_S3 variables; otherwise local disk under DATA_DIR/files.
 */
export function storageOptionsFromConfig(config: StorageConfig, env: NodeJS.ProcessEnv = process.env): StorageOptions {
  if (config.S3_URL) {
    const url = new URL(config.S3_URL);
    const [bucket, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!bucket) throw new Error('S3_URL must name the bucket: https://KEY:SECRET@host/bucket');
    const prefix = rest.length ? `${rest.join('/')}/` : '';
    if (prefix) assertPrefix(prefix);
    const accessKeyId = decodeURIComponent(url.username);
    const secretAccessKey = decodeURIComponent(url.password);
    return {
      driver: 's3',
      endpoint: `${url.protocol}//${url.host}`,
      region: url.searchParams.get('region') ?? env.AWS_REGION ?? 'us-east-1',
      bucket,
      prefix,
      forcePathStyle: url.searchParams.get('pathStyle') !== 'false',
      ...(accessKeyId ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    };
  }
  if (config.S3_BUCKET) {
    return {
      driver: 's3',
      endpoint: env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL,
      region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
      bucket: config.S3_BUCKET,
      prefix: '',
      forcePathStyle: env.AWS_S3_FORCE_PATH_STYLE !== 'false',
    };
  }
  return { driver: 'local', root: join(config.dataDir, 'files') };
}

export async function createStorage(options: StorageOptions): Promise<Storage> {
  if (options.driver === 'local') {
    const { createLocalStorage } = await import('./local');
    return createLocalStorage(options.root);
  }
  const { createS3Storage } = await import('./s3');
  return createS3Storage(options);
}
