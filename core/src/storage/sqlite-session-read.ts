import type { DataSource, EntitySchema } from 'typeorm';
import { backgroundTurn } from '../background-turn.js';
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
 * Rows read and turned into records per turn of the event loop: 180 rows with 8 KB bodies held it
 * for 3–5 ms in one go on a 2-core machine (the SELECT and the bodies' JSON.parse about equally).
 */
export const PAGE_ROWS = 60;

/** Runs one synchronous read on the shared connection, queued with the store's other operations. */
export type GuardedRead = <T>(read: () => T) => Promise<T>;

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
    /** The first `PAGE_ROWS` in `id` order, which the `sessionID` index gives without sorting. */
    private readonly firstById: SqliteStatement,
    /** The next `PAGE_ROWS` in `id` order after a given `id`. */
    private readonly nextById: SqliteStatement,
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
    const where = `FROM ${table} WHERE ${column('sessionID')} = ?`;
    const columns = `SELECT ${SELECTED.map(column).join(', ')}`;
    const page = `ORDER BY ${column('id')} ASC LIMIT ${PAGE_ROWS}`;
    const firstById = db.prepare(`${columns} ${where} ${page}`).raw(true);
    const nextById = db.prepare(`${columns} ${where} AND ${column('id')} > ? ${page}`).raw(true);
    const byTime = db.prepare(`${columns} ${where} ORDER BY ${column('timestamp')} ASC, ${column('id')} ASC`).raw(true);
    return new SqliteSessionRead(firstById, nextById, byTime, sqliteDateReader(dataSource, timestamp));
  }

  /**
   * Oldest first (ties by insertion order), as `findBySession` promises. Rows are nearly always
   * written in time order, so they are read in `id` order (no sort in SQLite), `PAGE_ROWS` at a
   * time, each page in a background turn of its own after the first (see backgroundTurn), and
   * checked; only when a timestamp is out of order, or not in the text form whose order JS string
   * comparison matches SQLite's, does SQLite sort them, in one read. Each read runs through `guard`.
   */
  async records(sessionID: string, guard: GuardedRead): Promise<RequestRecord[]> {
    const out: RequestRecord[] = [];
    let previous = '';
    let page = await guard(() => this.firstById.all<unknown[]>(sessionID));
    for (;;) {
      for (const row of page) {
        const text = row[TIMESTAMP];
        if (typeof text !== 'string' || !isSqliteDateTime(text) || text < previous) return this.sortedBySqlite(sessionID, guard);
        previous = text;
        out.push(this.record(row, sessionID));
      }
      if (page.length < PAGE_ROWS) return out;
      await backgroundTurn();
      const lastId = page[page.length - 1]![ID];
      page = await guard(() => this.nextById.all<unknown[]>(sessionID, lastId));
    }
  }

  private async sortedBySqlite(sessionID: string, guard: GuardedRead): Promise<RequestRecord[]> {
    const rows = await guard(() => this.byTime.all<unknown[]>(sessionID));
    return rows.map((row) => this.record(row, sessionID));
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
