import type { DataSource, EntitySchema } from 'typeorm';
import type { RequestRecord } from '../ports/records.js';
import type { HttpLogRow } from './entities.js';
import { preparedPathTable, sqliteDateReader, type SqliteStatement } from './sqlite-connection.js';
import { isSqliteDateTime } from './sqlite-datetime.js';

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
    private readonly date: (value: unknown) => Date,
  ) {}

  /**
   * Null unless the DataSource is better-sqlite3 and the table has exactly the columns this file
   * knows (other databases and schemas keep TypeORM's path).
   */
  static create(dataSource: DataSource, target: EntitySchema<HttpLogRow>): SqliteSessionRead | null {
    const known = preparedPathTable(dataSource, target as EntitySchema<never>, FIELDS);
    if (!known) return null;
    const { db, byProperty, table, column } = known;
    const timestamp = byProperty.get('timestamp')!;
    if (timestamp.type !== 'datetime') return null;
    // Rows as arrays (`raw`): building an object per row costs better-sqlite3 about as much again as the query.
    const select = `SELECT ${SELECTED.map(column).join(', ')} FROM ${table} WHERE ${column('sessionID')} = ? ORDER BY `;
    const byId = db.prepare(`${select}${column('id')} ASC`).raw(true);
    const byTime = db.prepare(`${select}${column('timestamp')} ASC, ${column('id')} ASC`).raw(true);
    return new SqliteSessionRead(byId, byTime, sqliteDateReader(dataSource, timestamp));
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
