import * as mongodb from 'mongodb';
import { DataSource } from 'typeorm';
import { StorageUnavailableError, ValidationError } from '../../errors.js';
import { LEGACY_INDEXES, legacyCollections, type MongoCollections } from './collections.js';
import { MongoStorage } from './mongo-storage.js';
import { isMongoUrl, maskMongoUrl } from './mongo-url.js';
import { type MisfitHandler, warnOncePerCollection } from './misfit-report.js';

export { MongoStorage } from './mongo-storage.js';

export interface MongoStorageOptions {
  /** Prepended to the collection names (`httplogs` …); empty for the older tools' own collections. */
  tablePrefix?: string;
  /** How long to look for a reachable server before giving up. Default 2000 ms. */
  serverSelectionTimeoutMS?: number;
  /** End of blocks the older middleware wrote (it stored only their start), in seconds. Default 60, its default. */
  legacyBlockDuration?: number;
  /** Creates the stores' (non-unique) indexes when missing. Default true. */
  createIndexes?: boolean;
  /** Called for each stored document a store skips because it does not fit. Default: one warning per collection. */
  onMisfit?: MisfitHandler;
}

/**
 * TypeORM rebuilds a MongoDB URL from its parts and drops what it does not know (several hosts
 * without replicaSet, most query options such as w, retryWrites, serverSelectionTimeoutMS). The
 * driver handed to TypeORM therefore connects with the URL exactly as the user wrote it.
 */
function driverUsing(url: string): typeof mongodb {
  const MongoClient = {
    connect: (_rebuiltUrl: string, options: mongodb.MongoClientOptions) => mongodb.MongoClient.connect(url, options),
  };
  return { ...mongodb, MongoClient } as unknown as typeof mongodb;
}

/** Removes the URL's password from a driver message, in case one ever quotes it. */
function scrub(message: string, url: string): string {
  const password = /^[a-z+]+:\/\/[^:/?#@]*:([^/?#]*)@/i.exec(url)?.[1];
  return password ? message.split(password).join('***').split(decodeURIComponent(password)).join('***') : message;
}

/** Opens the MongoDB storage: `httplogs`, `sesfeatures` and `clientips` in the older tools' shapes. */
export async function openMongoStorage(url: string, opts: MongoStorageOptions = {}): Promise<MongoStorage> {
  const description = maskMongoUrl(String(url));
  if (typeof url !== 'string' || !isMongoUrl(url)) {
    throw new ValidationError(`"${description}" is not a MongoDB URL; expected mongodb://host:port/database or mongodb+srv://…`);
  }
  const prefix = opts.tablePrefix ?? '';
  if (!/^[A-Za-z0-9_]*$/.test(prefix)) {
    throw new ValidationError(`tablePrefix "${prefix}" may hold only letters, digits and underscores.`);
  }
  // A timeout written in the URL wins over the short default: the driver lets options override the URL.
  const inUrl = /[?&]serverSelectionTimeoutMS=(\d+)/i.exec(url)?.[1];
  const timeout = opts.serverSelectionTimeoutMS ?? (inUrl !== undefined ? Number(inUrl) : 2000);
  const collections = legacyCollections(prefix);
  const dataSource = new DataSource({
    type: 'mongodb',
    url,
    driver: driverUsing(url),
    entities: Object.values(collections),
    synchronize: false,
    logging: false,
    extra: { serverSelectionTimeoutMS: timeout, connectTimeoutMS: timeout },
  });
  try {
    await dataSource.initialize();
  } catch (err) {
    throw new StorageUnavailableError(`Cannot connect to MongoDB at ${description} within ${timeout} ms: ${scrub((err as Error).message, url)}. `
      + 'Check that the server runs, that this host may reach it, and the URL\'s host, port, user, password and database.', err);
  }
  if (opts.createIndexes !== false) {
    try {
      for (const name of Object.keys(collections) as (keyof MongoCollections)[]) {
        await dataSource.mongoManager.createCollectionIndexes(collections[name], LEGACY_INDEXES[name]);
      }
    } catch (err) {
      await dataSource.destroy();
      throw new StorageUnavailableError(`MongoDB at ${description} refused to create the stores' indexes: ${scrub((err as Error).message, url)}. `
        + 'Grant the user createIndex on the database, or open with createIndexes: false and create them yourself (see the MongoDB storage README).', err);
    }
  }
  return new MongoStorage(description, dataSource, collections, {
    onMisfit: opts.onMisfit ?? warnOncePerCollection(),
    legacyBlockDurationSec: opts.legacyBlockDuration ?? 60,
  });
}
