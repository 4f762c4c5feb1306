import type { DataSource } from 'typeorm';
import type { SesFeaturesRow } from './entities.js';
import type { KeepInactiveUpsert } from './keep-inactive-upsert.js';
import { betterSqliteConnection } from './sqlite-connection.js';

/**
 * SQLite: classified sessions saved with the keep-inactive upsert as a prepared statement on the
 * connection TypeORM holds, several rows per transaction.
 *
 * Why: each commit writes the touched pages of the table and its three indexes to the WAL, tens of
 * µs on the application's event loop; sessions closing together share one commit here. TypeORM's
 * query runner (statement lookup, result wrapping) is skipped as well; values are still converted
 * by the driver (`KeepInactiveUpsert.params`).
 */
export class SqliteSessionUpsert {
  private constructor(private readonly writeAll: (rows: readonly SesFeaturesRow[]) => boolean[]) {}

  /** Null unless the DataSource is better-sqlite3. */
  static create(dataSource: DataSource, upsert: KeepInactiveUpsert): SqliteSessionUpsert | null {
    const db = betterSqliteConnection(dataSource);
    if (!db) return null;
    const statement = db.prepare(upsert.sql);
    const writeAll = db.transaction((rows: readonly SesFeaturesRow[]) =>
      rows.map((row) => upsert.storedActive(statement.all(upsert.params(row)))));
    return new SqliteSessionUpsert(writeAll);
  }

  /**
   * All rows in one transaction, or none; resolves with each row's stored `active`. Synchronous;
   * callers run it inside the store's guard, so no TypeORM transaction is open meanwhile.
   */
  run(rows: readonly SesFeaturesRow[]): boolean[] {
    return this.writeAll(rows);
  }
}
