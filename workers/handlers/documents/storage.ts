import { createStorage, storageOptionsFromConfig, type Storage, type StorageConfig } from '../../../storage';

const opened = new WeakMap<StorageConfig, Promise<Storage>>();

/** The worker process's one storage handle per configuration (an S3 client keeps its connections). */
export function storageFor(config: StorageConfig): Promise<Storage> {
  let storage = opened.get(config);
  if (!storage) {
    storage = createStorage(storageOptionsFromConfig(config));
    opened.set(config, storage);
  }
  return storage;
}
