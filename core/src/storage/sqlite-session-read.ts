import type { DataSource, EntitySchema } from 'typeorm';
import type { HttpLogRow } from './entities.js';

interface SqliteStatement {
  all(...params: unknown[]): unknown[][];
  raw(toggle: boolean): SqliteStatement;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

/**
 * A session's `httplogs` rows read with one prepared SELECT on the connection TypeORM holds.
 * Why: closing a session re-reads its rows (up to `maxReqsPerSess`) on the application's event
 * loop, and TypeORM's query builder and entity hydration cost several µs per row. Each value is
 * still converted by the driver's own `prepareHydratedValue` (dates, NULL → absent), so rows come
 * back exactly as `getMany` returns them.
 */
export class SqliteSessionRead {
  private constructor(
    private readonly statement: SqliteStatement,
    private readonly hydrate: (raw: unknown[]) => HttpLogRow,
  ) {}

  /** Null unless the DataSource is better-sqlite3 (other databases keep TypeORM's path). */
  static create(dataSource: DataSource, target: EntitySchema<HttpLogRow>): SqliteSessionRead | null {
    if (dataSource.driver.options.type !== 'better-sqlite3') return null;
    const db = (dataSource.driver as unknown as { databaseConnection?: SqliteConnection }).databaseConnection;
    if (!db || typeof db.prepare !== 'function') return null;
    const metadata = dataSource.getMetadata(target);
    const escape = (name: string) => dataSource.driver.escape(name);
    const column = (property: string) => {
      const found = metadata.findColumnWithPropertyName(property);
      if (!found) throw new Error(`httplogs has no column for "${property}"`);
      return escape(found.databaseName);
    };
    const table = metadata.tablePath.split('.').map(escape).join('.');
    const columns = metadata.columns;
    // Rows as arrays (`raw`): building an object per row costs better-sqlite3 about as much again as the query.
    const statement = db.prepare(`SELECT ${columns.map((c) => escape(c.databaseName)).join(', ')} FROM ${table} `
      + `WHERE ${column('sessionID')} = ? ORDER BY ${column('timestamp')} ASC, ${column('id')} ASC`).raw(true);
    const driver = dataSource.driver;
    const hydrate = (raw: unknown[]): HttpLogRow => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) row[columns[i]!.propertyName] = driver.prepareHydratedValue(raw[i], columns[i]!);
      return row as unknown as HttpLogRow;
    };
    return new SqliteSessionRead(statement, hydrate);
  }

  /** Oldest first (ties by insertion order), as `findBySession` promises. Synchronous. */
  rows(sessionID: string): HttpLogRow[] {
    return this.statement.all(sessionID).map(this.hydrate);
  }
}
