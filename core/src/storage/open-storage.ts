import { DataSource } from 'typeorm';
import type { StorageOptions } from '../config/options.js';
import { normaliseStorage } from '../config/validate.js';
import { StorageUnavailableError, WardenConfigError } from '../errors.js';
import type { Storage } from '../ports/stores.js';
import { dataSourceOptions, dialectOf, type SqlTarget } from './data-source-options.js';
import { storageEntities } from './entities.js';
import { maskUrl } from './mask-url.js';
import { openMongo } from './open-mongo-storage.js';
import { StorageGuard } from './storage-guard.js';
import { SqlStorage } from './sql-storage.js';

/** Options that are not user configuration: tests use a table prefix so parallel runs do not collide. */
export interface StorageInternals {
  /** Prepended to every table (and collection) name; letters, digits and `_` only. */
  tablePrefix?: string;
  /** MongoDB: how long a block written by the older middleware (blacklisted + blacklistTime) lasts, in seconds. */
  legacyBlockDuration?: number;
}

const SUPPORTED: readonly string[] = ['sqlite', 'postgres', 'mysql', 'mariadb', 'mongodb'];

/** Opens (and creates the tables of) the configured database. */
export async function openStorage(options: StorageOptions | string, internals: StorageInternals = {}): Promise<Storage> {
  const storage = normaliseStorage(options);
  const prefix = internals.tablePrefix;
  if (prefix !== undefined && !/^[A-Za-z0-9_]{1,32}$/.test(prefix)) {
    throw new WardenConfigError(`Storage tablePrefix "${prefix}" is not allowed; use 1 to 32 letters, digits or underscores.`);
  }
  if (!('type' in storage)) return openStorage(normaliseStorage(storage.url), internals);
  if (!SUPPORTED.includes(storage.type)) {
    throw new WardenConfigError(`Storage type ${JSON.stringify(storage.type)} is not supported; use one of ${SUPPORTED.join(', ')}.`);
  }
  if (storage.type === 'mongodb') return openMongo(storage.url, internals);
  const target: SqlTarget = storage.type === 'sqlite'
    ? { dialect: 'sqlite', database: storage.database ?? 'warden.db' }
    : { dialect: dialectOf(storage.type), type: storage.type, url: storage.url } as SqlTarget;
  return openSql(target, prefix);
}

async function openSql(target: SqlTarget, tablePrefix?: string): Promise<SqlStorage> {
  const kind = target.dialect === 'sqlite' ? 'sqlite' : target.type;
  const description = target.dialect === 'sqlite' ? `sqlite file ${target.database}` : `${kind} ${maskUrl(target.url)}`;
  const entities = storageEntities(target.dialect);
  let dataSource = new DataSource(dataSourceOptions(target, entities, tablePrefix));
  try {
    await dataSource.initialize();
    const flavour = target.dialect === 'mysql' ? await mysqlFlavour(dataSource) : undefined;
    if (target.dialect === 'mysql' && flavour !== target.type) {
      // TypeORM reads MariaDB's column defaults differently from MySQL's; told the wrong one (a
      // mysql:// URL for a MariaDB server is common) it would alter unchanged columns at every start.
      await dataSource.destroy();
      dataSource = new DataSource(dataSourceOptions({ ...target, type: flavour! }, entities, tablePrefix));
      await dataSource.initialize();
    }
    // Creates missing tables and indexes (no migrations yet). It also alters existing tables of the
    // same names to match the entities, so do not point it at tables another tool owns.
    await dataSource.synchronize();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    throw new StorageUnavailableError(startupMessage(target, description, error), error);
  }
  const guard = new StorageGuard(description, target.dialect === 'sqlite');
  return new SqlStorage(kind, description, { dataSource, entities, dialect: target.dialect, guard });
}

async function mysqlFlavour(dataSource: DataSource): Promise<'mysql' | 'mariadb'> {
  const rows: { version: string }[] = await dataSource.query('SELECT VERSION() AS version');
  return /mariadb/i.test(rows[0]?.version ?? '') ? 'mariadb' : 'mysql';
}

function startupMessage(target: SqlTarget, description: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const check = target.dialect === 'sqlite'
    ? 'Check that the directory exists and is writable, and that the file is a SQLite database.'
    : 'Check that the server is running and reachable from here, and that the host, port, user, password '
      + 'and database name in the URL are right (the database must already exist).';
  return `Cannot open storage ${description}: ${reason}. ${check}`;
}
