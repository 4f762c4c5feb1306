import type { DataSource, EntitySchema } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { RequestRecord } from '../ports/records.js';
import type { HttpLogRow } from './entities.js';

interface SqliteStatement {
  all(...params: unknown[]): unknown[][];
  raw(toggle: boolean): SqliteStatement;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

/** Columns in the order the SELECT returns them, and what each holds. */
const FIELDS = [
  'id', 'clientIP', 'ipSource', 'sessionID', 'method', 'path', 'query', 'statusCode', 'timestamp', 'durationMs',
  'requestBytes', 'responseBytes', 'userAgent', 'referer', 'contentType', 'body', 'flags',
] as const satisfies readonly (keyof HttpLogRow)[];
const [ID, CLIENT_IP, IP_SOURCE, SESSION_ID, METHOD, PATH, QUERY, STATUS, TIMESTAMP, DURATION,
  REQUEST_BYTES, RESPONSE_BYTES, USER_AGENT, REFERER, CONTENT_TYPE, BODY, FLAGS] = FIELDS.map((_, i) => i);

/**
 * A session's `httplogs` rows read with one prepared SELECT on the connection TypeORM holds, and
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
    private readonly statement: SqliteStatement,
    private readonly timestampColumn: ColumnMetadata,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Null unless the DataSource is better-sqlite3 and the table has exactly the columns this file
   * knows (other databases and schemas keep TypeORM's path).
   */
  static create(dataSource: DataSource, target: EntitySchema<HttpLogRow>): SqliteSessionRead | null {
    if (dataSource.driver.options.type !== 'better-sqlite3') return null;
    const db = (dataSource.driver as unknown as { databaseConnection?: SqliteConnection }).databaseConnection;
    if (!db || typeof db.prepare !== 'function') return null;
    const metadata = dataSource.getMetadata(target);
    const byProperty = new Map(metadata.columns.map((column) => [column.propertyName, column]));
    if (metadata.columns.length !== FIELDS.length || FIELDS.some((field) => !byProperty.has(field))) return null;
    const timestamp = byProperty.get('timestamp')!;
    if (timestamp.type !== 'datetime') return null;
    const escape = (name: string) => dataSource.driver.escape(name);
    const column = (field: (typeof FIELDS)[number]) => escape(byProperty.get(field)!.databaseName);
    const table = metadata.tablePath.split('.').map(escape).join('.');
    // Rows as arrays (`raw`): building an object per row costs better-sqlite3 about as much again as the query.
    const statement = db.prepare(`SELECT ${FIELDS.map(column).join(', ')} FROM ${table} `
      + `WHERE ${column('sessionID')} = ? ORDER BY ${column('timestamp')} ASC, ${column('id')} ASC`).raw(true);
    return new SqliteSessionRead(statement, timestamp, dataSource);
  }

  /** Oldest first (ties by insertion order), as `findBySession` promises. Synchronous. */
  records(sessionID: string): RequestRecord[] {
    const rows = this.statement.all(sessionID);
    const out = new Array<RequestRecord>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = this.record(rows[i]!);
    return out;
  }

  private record(raw: unknown[]): RequestRecord {
    const record: RequestRecord = {
      id: String(raw[ID]),
      clientIP: raw[CLIENT_IP] as string,
      ipSource: raw[IP_SOURCE] as RequestRecord['ipSource'],
      sessionID: raw[SESSION_ID] as string,
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

  /** `YYYY-MM-DD HH:mm:ss.SSS` (what this store writes) read as UTC, as TypeORM does; anything else through the driver. */
  private date(value: unknown): Date {
    if (typeof value === 'string' && value.length === 23 && value.charCodeAt(10) === 32 && value.charCodeAt(19) === 46) {
      return new Date(`${value.slice(0, 10)}T${value.slice(11)}Z`);
    }
    return this.dataSource.driver.prepareHydratedValue(value, this.timestampColumn) as Date;
  }
}
