import type { RequestRecord } from '../ports/records.js';
import { MAX_CLIENT_IP_LENGTH, MAX_SESSION_ID_LENGTH, type HttpLogRow } from './entities.js';
import { toHttpLogRow } from './http-log-mapping.js';

/** Row fields in the order the prepared INSERT binds them. */
export const HTTP_LOG_FIELDS = [
  'clientIP', 'ipSource', 'sessionID', 'method', 'path', 'query', 'statusCode', 'timestamp', 'durationMs',
  'requestBytes', 'responseBytes', 'userAgent', 'referer', 'contentType', 'body', 'flags',
] as const satisfies readonly (keyof HttpLogRow)[];

/** Where the timestamp sits among a row's bind parameters. */
export const TIMESTAMP_PARAM = HTTP_LOG_FIELDS.indexOf('timestamp');
/** Bind parameters per row. */
export const PARAMS_PER_ROW = HTTP_LOG_FIELDS.length;

/** The fields a row and a request record share: all but the body and flags, which a row holds as JSON text. */
type CommonFields = Omit<HttpLogRow, 'id' | 'body' | 'flags'>;

/**
 * Appends one row's values to `out` in the order the prepared INSERT binds them, converted as
 * TypeORM's SQLite driver does, except the timestamp: epoch milliseconds, for the writer thread
 * to turn into text.
 */
function pushWriterParams(out: unknown[], row: CommonFields, body: string | undefined, flags: string | undefined): void {
  out.push(
    row.clientIP, row.ipSource, row.sessionID, row.method, row.path, row.query, row.statusCode,
    row.timestamp.getTime(), row.durationMs, row.requestBytes, row.responseBytes,
    row.userAgent ?? null, row.referer ?? null, row.contentType ?? null, body ?? null, flags ?? null,
  );
}

/** One row's values for the writer thread (see pushWriterParams). */
export function httpLogWriterParams(row: HttpLogRow): unknown[] {
  const out: unknown[] = [];
  pushWriterParams(out, row, row.body, row.flags);
  return out;
}

/**
 * Appends a record's values for the writer thread to `out`: the values of
 * `httpLogWriterParams(toHttpLogRow(record, index))`, without the row object and the checks'
 * closures in between (this runs on the event loop once per request). A record `toHttpLogRow`
 * would refuse goes through it, so it is refused with the same error naming the record.
 */
export function pushRecordWriterParams(out: unknown[], record: RequestRecord, index: number): void {
  const { clientIP, sessionID, timestamp } = record;
  const valid = typeof clientIP === 'string' && clientIP.length <= MAX_CLIENT_IP_LENGTH
    && typeof sessionID === 'string' && sessionID.length <= MAX_SESSION_ID_LENGTH
    && timestamp instanceof Date && !Number.isNaN(timestamp.getTime());
  if (!valid) {
    const row = toHttpLogRow(record, index); // throws
    pushWriterParams(out, row, row.body, row.flags);
    return;
  }
  pushWriterParams(out, record,
    record.body === undefined ? undefined : JSON.stringify(record.body),
    record.flags === undefined ? undefined : JSON.stringify(record.flags));
}
