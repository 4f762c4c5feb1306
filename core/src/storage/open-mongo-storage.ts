import { WardenConfigError } from '../errors.js';
import type { Storage } from '../ports/stores.js';
import { maskUrl } from './mask-url.js';
import type { StorageInternals } from './open-storage.js';

interface MongoModule {
  openMongoStorage(url: string, internals?: StorageInternals): Promise<Storage>;
}

/**
 * MongoDB support lives in `./mongo/open-mongo.js` and needs the `mongodb` driver. The specifier is
 * computed so the build compiles without that file; a missing file or driver becomes a config error.
 */
export async function openMongo(url: string, internals: StorageInternals): Promise<Storage> {
  const specifier = ['.', 'mongo', 'open-mongo.js'].join('/');
  let mongo: MongoModule;
  try {
    mongo = (await import(specifier)) as MongoModule;
  } catch (error) {
    if (!isModuleNotFound(error)) throw error;
    throw new WardenConfigError(
      `Storage mongodb ${maskUrl(url)}: MongoDB support is not installed (${(error as Error).message}). `
      + 'Install the "mongodb" package next to @session-warden/core, or use sqlite, postgres or mysql storage.',
      'WARDEN_MONGODB_MISSING',
    );
  }
  return mongo.openMongoStorage(url, internals);
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}
