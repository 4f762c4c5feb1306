import { ObjectId, type Db, type MongoClient } from 'mongodb';
import type { DataSource, MongoEntityManager } from 'typeorm';
import { StorageUnavailableError, ValidationError } from '../../errors.js';
import type { BlocklistStore, RequestLogStore, SessionStore, Storage } from '../../ports/stores.js';
import type { MongoCollections } from './collections.js';
import { idString } from './map-result.js';
import type { MisfitHandler } from './misfit-report.js';
import { MongoBlocklistStore } from './mongo-blocklist-store.js';
import { MongoRequestLogStore } from './mongo-request-log-store.js';
import { MongoSessionStore } from './mongo-session-store.js';

export interface MongoStoreSettings {
  onMisfit: MisfitHandler;
  legacyBlockDurationSec: number;
}

/** A stored document as it is, with the key it is ordered by (its `_id` as hex). */
export interface RawDocument {
  key: string;
  doc: Record<string, unknown>;
}

/** The three stores on one TypeORM MongoDB DataSource. */
export class MongoStorage implements Storage {
  readonly kind = 'mongodb';
  readonly requests: RequestLogStore;
  readonly sessions: SessionStore;
  readonly blocklist: BlocklistStore;

  constructor(
    readonly description: string,
    private readonly dataSource: DataSource,
    private readonly collections: MongoCollections,
    settings: MongoStoreSettings,
  ) {
    const manager = dataSource.mongoManager;
    this.requests = new MongoRequestLogStore(manager, collections.httplogs, settings.onMisfit);
    this.sessions = new MongoSessionStore(manager, collections.sesfeatures, settings.onMisfit);
    this.blocklist = new MongoBlocklistStore(manager, collections.clientips, settings.onMisfit, settings.legacyBlockDurationSec);
  }

  async ping(): Promise<void> {
    try {
      await database(this.dataSource.mongoManager).command({ ping: 1 });
    } catch (err) {
      throw new StorageUnavailableError(`MongoDB at ${this.description} did not answer a ping: ${(err as Error).message}`, err);
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /**
   * Documents of a collection in `_id` order, after `afterKey` (exclusive), unmapped, so `warden import`
   * can report every document that does not fit instead of skipping it.
   */
  async scanDocuments(collection: keyof MongoCollections, afterKey: string | undefined, limit: number): Promise<RawDocument[]> {
    if (afterKey !== undefined && !/^[0-9a-f]{24}$/i.test(afterKey)) {
      throw new ValidationError(`Resume key "${afterKey}" is not an ObjectId; delete the import state file to start over.`);
    }
    const filter = afterKey === undefined ? {} : { _id: { $gt: new ObjectId(afterKey) } };
    const docs = await this.dataSource.mongoManager.createCursor(this.collections[collection], filter)
      .sort({ _id: 1 }).limit(limit).toArray();
    return docs.map((doc) => ({ key: idString(doc._id) ?? String(doc._id), doc }));
  }

  countDocuments(collection: keyof MongoCollections): Promise<number> {
    return this.dataSource.mongoManager.countDocuments(this.collections[collection], {});
  }
}

function database(manager: MongoEntityManager): Db {
  const runner = manager.mongoQueryRunner as unknown as { databaseConnection?: MongoClient } | undefined;
  const client = runner?.databaseConnection;
  if (!client) throw new StorageUnavailableError('The MongoDB connection is closed.');
  // The database named in the URL (the driver's default for db() without a name).
  return client.db();
}
