import type { DataSource, EntitySchema } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { escapedTable } from './insert-target.js';
import { utcOfSqliteDateTime } from './sqlite-datetime.js';

/** The part of a better-sqlite3 statement the prepared paths use (the package ships no types here). */
export interface SqliteStatement {
  run(...params: unknown[]): unknown;
  /** Rows as objects, or as arrays after `raw(true)`: the caller names which. */
  all<R = unknown>(...params: unknown[]): R[];
  raw(toggle: boolean): SqliteStatement;
}

/** The part of a better-sqlite3 connection the prepared paths use. */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  pragma(text: string): unknown;
  readonly open: boolean;
}

/**
 * The better-sqlite3 connection TypeORM holds, for statements prepared on it; null for any other
 * driver (or a connection that is not open), where the caller keeps TypeORM's own path.
 */
export function betterSqliteConnection(dataSource: DataSource): SqliteConnection | null {
  if (dataSource.driver.options.type !== 'better-sqlite3') return null;
  const db = (dataSource.driver as unknown as { databaseConnection?: Partial<SqliteConnection> }).databaseConnection;
  if (!db || typeof db.prepare !== 'function' || typeof db.transaction !== 'function') return null;
  return db as SqliteConnection;
}

/** What a prepared path needs of its table: the connection, its columns by property, and names escaped for SQL. */
export interface PreparedPathTable {
  db: SqliteConnection;
  byProperty: Map<string, ColumnMetadata>;
  /** The table's name, escaped. */
  table: string;
  /** A property's column name, escaped. */
  column(property: string): string;
}

/**
 * The connection and table for statements prepared by hand, when the DataSource is better-sqlite3
 * and the entity has exactly the columns `fields` (other databases and schemas keep TypeORM's path).
 */
export function preparedPathTable(dataSource: DataSource, target: EntitySchema<never>, fields: readonly string[]): PreparedPathTable | null {
  const db = betterSqliteConnection(dataSource);
  if (!db) return null;
  const metadata = dataSource.getMetadata(target);
  const byProperty = new Map(metadata.columns.map((column) => [column.propertyName, column]));
  if (metadata.columns.length !== fields.length || fields.some((field) => !byProperty.has(field))) return null;
  return {
    db, byProperty, table: escapedTable(dataSource, metadata),
    column: (property) => dataSource.driver.escape(byProperty.get(property)!.databaseName),
  };
}

/** Reads a `column` value as TypeORM's SQLite driver would: the usual text from its digits, anything else through the driver. */
export function sqliteDateReader(dataSource: DataSource, column: ColumnMetadata): (value: unknown) => Date {
  return (value) => (typeof value === 'string' ? utcOfSqliteDateTime(value) : null)
    ?? dataSource.driver.prepareHydratedValue(value, column) as Date;
}
