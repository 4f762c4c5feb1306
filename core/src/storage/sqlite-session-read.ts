import type { DataSource, EntitySchema } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { RequestRecord } from '../ports/records.js';
import type { HttpLogRow } from './entities.js';
import { escapedTable } from './insert-target.js';
import { betterSqliteConnection, type SqliteStatement } from './sqlite-connection.js';

/** The table's columns. */
const FIELDS = [
  'id', 'clientIP', 'ipSource', 'sessionID', 'method', 'path', 'query', 'statusCode', 'timestamp', 'durationMs',
  'requestBytes', 'responseBytes', 'userAgent', 'referer', 'contentType', 'body', 'flags',
] as const satisfies readonly (keyof HttpLogRow)[];
/** Columns in the order the SELECT returns them: all but `sessionID`, which equals the one asked for. */
const SELECTED = FIELDS.filter((field) => field !== 'sessionID');
const [ID, CLIENT_IP, IP_SOURCE, METHOD, PATH, QUERY, STATUS, TIMESTAMP, DURATION,
  REQUEST_BYTES, RESPONSE_BYTES, USER_AGENT, REFERER, CONTENT_TYPE, BODY, FLAGS] = SELECTED.map((_, i) => i);

/**
 * A session's `httplogs` rows read with a prepared SELECT on the connection TypeORM holds, and
 * turned straight into request records.
 *
 * Why: classifying a closed session re-reads its rows (up to `maxReqsPerSess`) on the
 * application's event loop; TypeORM's query builder, its per-value hydration and a second pass
 * from row to record cost several µs per row, more than the query. The result is exactly what
 * `fromHttpLogRow` makes of TypeORM's `getMany` rows: datetimes read as TypeORM's SQLite driver
 * reads them (the usual `YYYY-MM-DD HH:mm:ss.SSS` UTC text directly, any other text through the
 * driver), NULL optional fields left out, JSON fields parsed.
 */
export class SqliteSessionRead {
  private constructor(
    /** In `id` order, which the `sessionID` index gives without sorting. */
    private readonly byId: SqliteStatement,
    /** In `(timestamp, id)` order, sorted by SQLite: for the rare session whose rows were not written in time order. */
    private readonly byTime: SqliteStatement,
    private readonly timestampColumn: ColumnMetadata,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Null unless the DataSource is better-sqlite3 and the table has exactly the columns this file
   * knows (other databases and schemas keep TypeORM's path).
   */
  static create(dataSource: DataSource, target: EntitySchema<HttpLogRow>): SqliteSessionRead | null {
    const db = betterSqliteConnection(dataSource);
    if (!db) return null;
    const metadata = dataSource.getMetadata(target);
    const byProperty = new Map(metadata.columns.map((column) => [column.propertyName, column]));
    if (metadata.columns.length !== FIELDS.length || FIELDS.some((field) => !byProperty.has(field))) return null;
    const timestamp = byProperty.get('timestamp')!;
    if (timestamp.type !== 'datetime') return null;
    const escape = (name: string) => dataSource.driver.escape(name);
    const column = (field: (typeof FIELDS)[number]) => escape(byProperty.get(field)!.databaseName);
    const table = escapedTable(dataSource, metadata);
    // Rows as arrays (`raw`): building an object per row costs better-sqlite3 about as much again as the query.
    const select = `SELECT ${SELECTED.map(column).join(', ')} FROM ${table} WHERE ${column('sessionID')} = ? ORDER BY `;
    const byId = db.prepare(`${select}${column('id')} ASC`).raw(true);
    const byTime = db.prepare(`${select}${column('timestamp')} ASC, ${column('id')} ASC`).raw(true);
    return new SqliteSessionRead(byId, byTime, timestamp, dataSource);
  }

  /**
   * Oldest first (ties by insertion order), as `findBySession` promises. Synchronous. Rows are
   * nearly always written in time order, so they are read in `id` order (no sort in SQLite) and
   * checked; only when a timestamp is out of order, or not in the text form whose order JS string
   * comparison matches SQLite's, does SQLite sort them.
   */
  records(sessionID: string): RequestRecord[] {
    let rows = this.byId.all<unknown[]>(sessionID);
    if (!inTimeOrder(rows)) rows = this.byTime.all<unknown[]>(sessionID);
    const out = new Array<RequestRecord>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = this.record(rows[i]!, sessionID);
    return out;
  }

  private record(raw: unknown[], sessionID: string): RequestRecord {
    const record: RequestRecord = {
      id: String(raw[ID]),
      clientIP: raw[CLIENT_IP] as string,
      ipSource: raw[IP_SOURCE] as RequestRecord['ipSource'],
      sessionID,
      method: raw[METHOD] as string,
      path: raw[PATH] as string,
      query: raw[QUERY] as string,
      statusCode: raw[STATUS] as number,
      timestamp: this.date(raw[TIMESTAMP]),
      durationMs: raw[DURATION] as number,
      requestBytes: raw[REQUEST_BYTES] as number,
      responseBytes: raw[RESPONSE_BYTES] as number,
    };
    if (raw[USER_AGENT] !== null) record.userAgent = raw[USER_AGENT] as string;
    if (raw[REFERER] !== null) record.referer = raw[REFERER] as string;
    if (raw[CONTENT_TYPE] !== null) record.contentType = raw[CONTENT_TYPE] as string;
    if (raw[BODY] !== null) record.body = JSON.parse(raw[BODY] as string);
    if (raw[FLAGS] !== null) record.flags = JSON.parse(raw[FLAGS] as string);
    return record;
  }

  /**
   * `YYYY-MM-DD HH:mm:ss.SSS` (what this store writes) read as UTC, as TypeORM does, from its digits
   * (half the cost of parsing the text); anything else, years before 100 (which `Date.UTC` would
   * move to the 1900s) and out-of-range fields through the driver.
   */
  private date(value: unknown): Date {
    if (typeof value === 'string' && isSqliteDateTime(value)) {
      const year = digits(value, 0, 4);
      const month = digits(value, 5, 2);
      const day = digits(value, 8, 2);
      const hour = digits(value, 11, 2);
      const minute = digits(value, 14, 2);
      const second = digits(value, 17, 2);
      // Out-of-range fields: Date.UTC would roll them over where text parsing gives an invalid date.
      if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59) {
        return new Date(Date.UTC(year, month - 1, day, hour, minute, second, digits(value, 20, 3)));
      }
    }
    return this.dataSource.driver.prepareHydratedValue(value, this.timestampColumn) as Date;
  }
}

/** True when every row's timestamp is `YYYY-MM-DD HH:mm:ss.SSS` text and none is earlier than the one before. */
function inTimeOrder(rows: readonly unknown[][]): boolean {
  let previous = '';
  for (const row of rows) {
    const text = row[TIMESTAMP];
    if (typeof text !== 'string' || !isSqliteDateTime(text) || text < previous) return false;
    previous = text;
  }
  return true;
}

/** Where `YYYY-MM-DD HH:mm:ss.SSS` has its separators; every other place holds a digit. */
const SEPARATORS: Record<number, number> = { 4: 45, 7: 45, 10: 32, 13: 58, 16: 58, 19: 46 };

function isSqliteDateTime(text: string): boolean {
  if (text.length !== 23) return false;
  for (let i = 0; i < 23; i++) {
    const code = text.charCodeAt(i);
    const separator = SEPARATORS[i];
    if (separator !== undefined ? code !== separator : code < 48 || code > 57) return false;
  }
  return true;
}

function digits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}
