import type { RequestRecord } from '../ports/records.js';
import type { HttpLogRow } from './entities.js';
import { checkClientIp, checkDate, checkSessionId } from './record-checks.js';

/** A record's body or flags as a row holds them: JSON text, or absent. */
export function toJsonText(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

/** Record → row; checks what SQL would otherwise reject for the whole batch, naming the record. */
export function toHttpLogRow(record: RequestRecord, index: number): HttpLogRow {
  const where = () => `RequestLogStore.append: record ${index}`; // named only for an error
  const row: HttpLogRow = {
    clientIP: checkClientIp(record.clientIP, where),
    ipSource: record.ipSource,
    sessionID: checkSessionId(record.sessionID, where),
    method: record.method,
    path: record.path,
    query: record.query,
    statusCode: record.statusCode,
    timestamp: checkDate(record.timestamp, () => `${where()}: timestamp`),
    durationMs: record.durationMs,
    requestBytes: record.requestBytes,
    responseBytes: record.responseBytes,
    userAgent: record.userAgent,
    referer: record.referer,
    contentType: record.contentType,
    body: toJsonText(record.body),
    flags: toJsonText(record.flags),
  };
  return row;
}

/** Rough size of a row's data, for statement budgets. */
export function httpLogRowSize(row: HttpLogRow): number {
  return 200 + row.path.length + row.query.length + (row.userAgent?.length ?? 0) + (row.referer?.length ?? 0)
    + (row.contentType?.length ?? 0) + (row.body?.length ?? 0) + (row.flags?.length ?? 0);
}

/** Row → record; optional fields that are NULL are left out rather than set to null. */
export function fromHttpLogRow(row: HttpLogRow): RequestRecord {
  const record: RequestRecord = {
    id: String(row.id),
    clientIP: row.clientIP,
    ipSource: row.ipSource,
    sessionID: row.sessionID,
    method: row.method,
    path: row.path,
    query: row.query,
    statusCode: row.statusCode,
    timestamp: row.timestamp,
    durationMs: row.durationMs,
    requestBytes: row.requestBytes,
    responseBytes: row.responseBytes,
  };
  if (row.userAgent !== undefined) record.userAgent = row.userAgent;
  if (row.referer !== undefined) record.referer = row.referer;
  if (row.contentType !== undefined) record.contentType = row.contentType;
  if (row.body !== undefined) record.body = JSON.parse(row.body);
  if (row.flags !== undefined) record.flags = JSON.parse(row.flags);
  return record;
}
