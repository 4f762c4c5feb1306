import type { Storage } from '../ports/stores.js';
import type { StorageInternals } from './open-storage.js';

/** Loads the MongoDB store (and its driver) only when a `mongodb://` URL is configured. */
export async function openMongo(url: string, internals: StorageInternals): Promise<Storage> {
  const { openMongoStorage } = await import('./mongo/open-mongo.js');
  return openMongoStorage(url, internals);
}
