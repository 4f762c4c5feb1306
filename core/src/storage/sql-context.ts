import type { DataSource } from 'typeorm';
import type { StorageEntities } from './entities.js';
import type { SqlDialect } from './sql-dialect.js';
import type { StorageGuard } from './storage-guard.js';

/** What the three SQL stores share: one connected DataSource, its tables and its error guard. */
export interface SqlContext {
  readonly dataSource: DataSource;
  readonly entities: StorageEntities;
  readonly dialect: SqlDialect;
  readonly guard: StorageGuard;
}
