import type { DataSourceOptions } from 'typeorm';
import type { StorageEntities } from './entities.js';
import type { SqlDialect } from './sql-dialect.js';

/** A SQL storage target after normalisation. */
export type SqlTarget =
  | { dialect: 'sqlite'; database: string }
  | { dialect: 'postgres' | 'mysql'; type: 'postgres' | 'mysql' | 'mariadb'; url: string };

const CONNECT_TIMEOUT_MS = 10_000;

/** TypeORM options per database. Tables are synchronised by `openStorage` once the server is known. */
export function dataSourceOptions(target: SqlTarget, entities: StorageEntities, tablePrefix?: string): DataSourceOptions {
  const common = {
    entities: [entities.httpLogs, entities.sesFeatures, entities.clientIps],
    entityPrefix: tablePrefix,
    synchronize: false,
    logging: false,
  };
  switch (target.dialect) {
    case 'sqlite':
      return {
        ...common,
        type: 'better-sqlite3',
        database: target.database,
        enableWAL: true,
        // WAL + NORMAL: a commit is durable once the WAL is checkpointed; a power cut may lose the
        // last transactions but never corrupts the file. Much faster than FULL for request logs.
        prepareDatabase: (db: { pragma(sql: string): unknown }) => { db.pragma('synchronous = NORMAL'); },
      };
    case 'postgres':
      return {
        ...common,
        type: 'postgres',
        url: target.url,
        applicationName: tablePrefix ? `session-warden:${tablePrefix}` : 'session-warden',
        connectTimeoutMS: CONNECT_TIMEOUT_MS,
      };
    case 'mysql':
      return {
        ...common,
        type: target.type === 'mariadb' ? 'mariadb' : 'mysql',
        url: target.url,
        charset: 'utf8mb4',
        // Dates go over the wire as UTC, so rows read the same whatever the server's or app's zone.
        timezone: 'Z',
        connectTimeout: CONNECT_TIMEOUT_MS,
      };
  }
}

export function dialectOf(type: 'postgres' | 'mysql' | 'mariadb'): SqlDialect {
  return type === 'postgres' ? 'postgres' : 'mysql';
}
