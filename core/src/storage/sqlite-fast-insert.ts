import type { DataSource, EntitySchema } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils.js';
import type { HttpLogRow } from './entities.js';
import { escapedTable } from './insert-target.js';
import { betterSqliteConnection } from './sqlite-connection.js';

/** Row fields in the order the prepared INSERT binds them. */
const FIELDS = [
  'clientIP', 'ipSource', 'sessionID', 'method', 'path', 'query', 'statusCode', 'timestamp', 'durationMs',
  'requestBytes', 'responseBytes', 'userAgent', 'referer', 'contentType', 'body', 'flags',
] as const satisfies readonly (keyof HttpLogRow)[];

/**
 * A datetime as TypeORM's SQLite driver writes it: UTC, `YYYY-MM-DD HH:mm:ss.SSS`. Same text as
 * `DateUtils.mixedDateToUtcDatetimeString`, via `toISOString` (one native call instead of seven
 * getters and paddings); years outside 0–9999, where the ISO form differs, go through TypeORM's.
 */
export function sqliteDateTime(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return DateUtils.mixedDateToUtcDatetimeString(date) as string;
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** 10000-01-01T00:00:00Z: from here on (and before 1970) the per-second memory below is not used. */
const YEAR_10000_MS = 253_402_300_800_000;

/**
 * `sqliteDateTime` for epoch milliseconds, remembering the text of the last second: rows of one
 * batch mostly share their second, so most calls only append the milliseconds (about 20 ns
 * instead of 400 for `toISOString` and its slices, per row in the writer thread).
 */
export function sqliteDateTimeOfEpoch(): (epochMs: number) => string {
  let second = Number.NaN;
  let secondText = '';
  return (epochMs) => {
    if (!(epochMs >= 0 && epochMs < YEAR_10000_MS && Number.isInteger(epochMs))) return sqliteDateTime(new Date(epochMs));
    const at = Math.floor(epochMs / 1000);
    if (at !== second) {
      second = at;
      secondText = sqliteDateTime(new Date(at * 1000)).slice(0, 19);
    }
    const ms = epochMs - at * 1000;
    return secondText + (ms < 10 ? '.00' : ms < 100 ? '.0' : '.') + ms;
  };
}

/** Where the timestamp sits among a row's bind parameters. */
export const TIMESTAMP_PARAM = FIELDS.indexOf('timestamp');

/**
 * One row's values in the order the prepared INSERT binds them, converted as TypeORM's SQLite
 * driver does, except the timestamp: epoch milliseconds, for the writer thread to turn into text.
 */
export function httpLogWriterParams(row: HttpLogRow): unknown[] {
  return [
    row.clientIP, row.ipSource, row.sessionID, row.method, row.path, row.query, row.statusCode,
    row.timestamp.getTime(), row.durationMs, row.requestBytes, row.responseBytes,
    row.userAgent ?? null, row.referer ?? null, row.contentType ?? null, row.body ?? null, row.flags ?? null,
  ];
}

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
    if (columns.length !== FIELDS.length || FIELDS.some((field) => !byProperty.has(field))) return null;
    if (byProperty.get('timestamp')!.type !== 'datetime') return null;
    const escape = (name: string) => dataSource.driver.escape(name);
    const table = escapedTable(dataSource, metadata);
    const names = FIELDS.map((field) => escape(byProperty.get(field)!.databaseName)).join(', ');
    const sql = `INSERT INTO ${table} (${names}) VALUES (${FIELDS.map(() => '?').join(', ')})`;
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
