import type { DataSource } from 'typeorm';

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
