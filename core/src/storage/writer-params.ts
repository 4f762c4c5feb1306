import type { RequestRecord } from '../ports/records.js';
import type { HttpLogRow } from './entities.js';
import { toJsonText, toHttpLogRow } from './http-log-mapping.js';
import { isStorableClientIp, isStorableSessionId, isValidDate } from './record-checks.js';

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
 * closures in between (this runs on the event loop once per request). The checks are the same
 * predicates `toHttpLogRow` uses; a record they refuse goes through it, so it is refused with the
 * same error naming the record.
 */
export function pushRecordWriterParams(out: unknown[], record: RequestRecord, index: number): void {
  if (!(isStorableClientIp(record.clientIP) && isStorableSessionId(record.sessionID) && isValidDate(record.timestamp))) {
    const row = toHttpLogRow(record, index); // throws
    pushWriterParams(out, row, row.body, row.flags);
    return;
  }
  pushWriterParams(out, record, toJsonText(record.body), toJsonText(record.flags));
}
