import type { DataSource, EntitySchema } from 'typeorm';
import type { HttpLogRow } from './entities.js';
import { escapedTable } from './insert-target.js';
import { sqliteDateTime } from './sqlite-datetime.js';
import { HTTP_LOG_FIELDS, httpLogWriterParams, TIMESTAMP_PARAM } from './writer-params.js';
import { betterSqliteConnection } from './sqlite-connection.js';

/** One row's values in bind order, converted as TypeORM's SQLite driver does. */
export function httpLogParams(row: HttpLogRow): unknown[] {
  const params = httpLogWriterParams(row);
  params[TIMESTAMP_PARAM] = sqliteDateTime(row.timestamp);
  return params;
}

/**
 * `httplogs` rows written with one prepared INSERT per row inside one better-sqlite3 transaction,
 * on the connection TypeORM already holds. Why: TypeORM's query path costs several µs more per
 * row (building and binding a multi-row statement, converting each value through column
 * metadata), all of it on the application's event loop. Values are converted exactly as TypeORM's
 * SQLite driver does for these columns (datetime → UTC text with ms; absent optional text → NULL;
 * the rest unchanged).
 */
export class SqliteFastInsert {
  private constructor(
    /** The INSERT for one row, for a writer thread that prepares it on its own connection. */
    readonly sql: string,
    /** The database file (null for an in-memory database, which no other connection can open). */
    readonly file: string | null,
    private readonly insertAll: (rows: readonly HttpLogRow[]) => void,
  ) {}

  /**
   * Null when the DataSource is not better-sqlite3 or the entity's columns are not the ones this
   * file knows (then the caller keeps TypeORM's path, which handles any schema).
   */
  static create(dataSource: DataSource, target: EntitySchema<HttpLogRow>): SqliteFastInsert | null {
    const db = betterSqliteConnection(dataSource);
    if (!db) return null;
    const metadata = dataSource.getMetadata(target);
    const columns = metadata.columns.filter((column) => !column.isGenerated);
    const byProperty = new Map(columns.map((column) => [column.propertyName, column]));
    if (columns.length !== HTTP_LOG_FIELDS.length || HTTP_LOG_FIELDS.some((field) => !byProperty.has(field))) return null;
    if (byProperty.get('timestamp')!.type !== 'datetime') return null;
    const escape = (name: string) => dataSource.driver.escape(name);
    const table = escapedTable(dataSource, metadata);
    const names = HTTP_LOG_FIELDS.map((field) => escape(byProperty.get(field)!.databaseName)).join(', ');
    const sql = `INSERT INTO ${table} (${names}) VALUES (${HTTP_LOG_FIELDS.map(() => '?').join(', ')})`;
    const statement = db.prepare(sql);
    const insertAll = db.transaction((rows: readonly HttpLogRow[]) => {
      for (const row of rows) statement.run(httpLogParams(row));
    });
    const database = (dataSource.driver.options as { database?: unknown }).database;
    const file = typeof database === 'string' && database !== '' && database !== ':memory:' && !database.startsWith('file:') ? database : null;
    return new SqliteFastInsert(sql, file, insertAll);
  }

  /**
   * All rows or none: synchronous, one transaction. Callers run it inside the store's guard, so no
   * TypeORM transaction is open on the shared connection meanwhile.
   */
  run(rows: readonly HttpLogRow[]): void {
    this.insertAll(rows);
  }
}
