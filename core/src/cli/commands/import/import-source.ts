import type { BlockEntry, RequestRecord, SessionFeatures } from '../../../ports/records.js';
import type { MapResult } from '../../../storage/mongo/map-result.js';

export const COLLECTIONS = ['httplogs', 'sesfeatures', 'clientips'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** What each collection holds once mapped; a `clientips` entry is null when the IP is not blocked. */
export interface CollectionItem {
  httplogs: RequestRecord;
  sesfeatures: SessionFeatures;
  clientips: BlockEntry | null;
}

/** One stored row or document, mapped, with the key the source is ordered by. */
export interface ScannedItem<C extends CollectionName> {
  key: string;
  result: MapResult<CollectionItem[C]>;
}

/** A database read in key order, in batches, so a copy can stop anywhere and resume after the last key. */
export interface ImportSource {
  readonly description: string;
  total(collection: CollectionName): Promise<number>;
  /** Items after `afterKey` (exclusive), in key order, at most `limit`. */
  scan<C extends CollectionName>(collection: C, afterKey: string | undefined, limit: number): Promise<ScannedItem<C>[]>;
}
