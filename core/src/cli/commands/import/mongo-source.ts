import type { RawDocument } from '../../../storage/mongo/mongo-storage.js';
import { clientIpToBlock } from '../../../storage/mongo/legacy-clientips.js';
import { httpLogToRecord } from '../../../storage/mongo/legacy-httplog.js';
import { sesFeaturesToSession } from '../../../storage/mongo/legacy-sesfeatures.js';
import type { MapResult } from '../../../storage/mongo/map-result.js';
import type { CollectionItem, CollectionName, ImportSource, ScannedItem } from './import-source.js';

/** What the MongoDB storage offers an import beyond the Storage port (see MongoStorage). */
export interface RawDocumentStorage {
  readonly description: string;
  scanDocuments(collection: CollectionName, afterKey: string | undefined, limit: number): Promise<RawDocument[]>;
  countDocuments(collection: CollectionName): Promise<number>;
}

export function isRawDocumentStorage(value: unknown): value is RawDocumentStorage {
  return typeof (value as RawDocumentStorage).scanDocuments === 'function' && typeof (value as RawDocumentStorage).countDocuments === 'function';
}

/** Reads the older tools' documents (or ours) from MongoDB in `_id` order, mapping each with the legacy mappers. */
export function mongoSource(storage: RawDocumentStorage, legacyBlockDurationSec: number): ImportSource {
  const mappers: { [C in CollectionName]: (doc: unknown) => MapResult<CollectionItem[C]> } = {
    httplogs: httpLogToRecord,
    sesfeatures: sesFeaturesToSession,
    clientips: (doc) => clientIpToBlock(doc, legacyBlockDurationSec),
  };
  return {
    description: storage.description,
    total: (collection) => storage.countDocuments(collection),
    async scan<C extends CollectionName>(collection: C, afterKey: string | undefined, limit: number): Promise<ScannedItem<C>[]> {
      const docs = await storage.scanDocuments(collection, afterKey, limit);
      const map = mappers[collection] as (doc: unknown) => MapResult<CollectionItem[C]>;
      return docs.map(({ key, doc }) => ({ key, result: map(doc) }));
    },
  };
}
