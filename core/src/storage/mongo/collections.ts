import { EntitySchema } from 'typeorm';

/**
 * The three collections, under the older tools' names (optionally prefixed, e.g. per test run).
 * Documents keep the older, partly free-form shapes (a `sesfeatures` document has one top-level
 * field per feature), so the stores read and write them through TypeORM's MongoEntityManager
 * document methods and map them with the pure functions in legacy-*.ts, rather than as entity
 * columns: only `_id` is declared.
 */
export interface MongoCollections {
  httplogs: EntitySchema;
  sesfeatures: EntitySchema;
  clientips: EntitySchema;
}

function collection(name: string, prefix: string): EntitySchema {
  return new EntitySchema({
    name: `${prefix}${name}`,
    tableName: `${prefix}${name}`,
    columns: { _id: { type: 'varchar', objectId: true, primary: true } },
  });
}

export function legacyCollections(prefix = ''): MongoCollections {
  return {
    httplogs: collection('httplogs', prefix),
    sesfeatures: collection('sesfeatures', prefix),
    clientips: collection('clientips', prefix),
  };
}

/** Non-unique on purpose: data written by the older tools may hold duplicates, and must still open. */
export const LEGACY_INDEXES: Record<keyof MongoCollections, { key: Record<string, 1 | -1>; name: string }[]> = {
  httplogs: [
    { key: { sessionID: 1, timestamp: 1 }, name: 'warden_session_time' },
    { key: { timestamp: 1 }, name: 'warden_time' },
  ],
  sesfeatures: [
    { key: { sessionID: 1 }, name: 'warden_session' },
    { key: { clientIP: 1, active: 1, behavior: 1 }, name: 'warden_client_active' },
    { key: { endTimestamp: 1 }, name: 'warden_end' },
  ],
  clientips: [{ key: { clientIP: 1 }, name: 'warden_client' }],
};
