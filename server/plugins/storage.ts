import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { createStorage, storageOptionsFromConfig, type Storage } from '../../storage';

declare module 'fastify' {
  interface FastifyInstance {
    /** Uploaded files (storage/): local disk under DATA_DIR/files, or S3-compatible storage when configured. */
    storage: Storage;
  }
}

/** Opens the file storage the configuration names; closed with the app. */
export default fp(
  async function storagePlugin(app: FastifyInstance) {
    const storage = await createStorage(storageOptionsFromConfig(app.config));
    app.decorate('storage', storage);
    app.addHook('onClose', async () => storage.close());
  },
  { name: 'storage', dependencies: ['db'] },
);
