import type { IpSource, RequestFlags, RequestRecord } from '../../ports/records.js';
import { escapeKeys, unescapeKeys } from './escape-keys.js';
import { describeValue, fits, idString, isRecord, type MapResult, misfit, readDate, readNumber } from './map-result.js';

/** The older middleware's `sessionID` for a request not yet grouped into a session. */
export const NOT_GROUPED = 'newRequest';

/**
 * One `httplogs` document in the older middleware's shape. Fields the older tools did not have sit
 * under `warden`, which they ignore, so a record read back is the record written.
 */
export interface HttpLogDoc {
  _id?: unknown;
  /** Only safe headers: never cookies or authorization. */
  headers: Record<string, string>;
  method: string;
  clientIP: string;
  /** Path and query, as `req.originalUrl`. */
  url: string;
  /** The older middleware stored protocol://host + url; the host is not part of a record, so this is the url. */
  fullUrl: string;
  /** "METHOD url". */
  reqhttp: string;
  requestSize: number;
  /** The response content type is not recorded; `type` is null. */
  resContentType: { type: string | null };
  timestamp: Date;
  /** The parsed body with `$` and `.` in keys escaped; `{}` when there was none, as the older middleware wrote. */
  requestBody: unknown;
  statusCode: number;
  sessionID: string;
  warden: {
    ipSource: IpSource;
    path: string;
    query: string;
    durationMs: number;
    responseBytes: number;
    bodyAbsent?: true;
    flags?: RequestFlags;
  };
}

const IP_SOURCES: readonly IpSource[] = ['socket', 'forwarded', 'x-forwarded-for', 'x-real-ip', 'cf-connecting-ip',
  'true-client-ip', 'fastly-client-ip', 'x-client-ip', 'x-cluster-client-ip', 'custom-header'];

/** RequestRecord → `httplogs` document (without `_id`). */
export function recordToHttpLog(record: RequestRecord): HttpLogDoc {
  const url = record.query ? `${record.path}?${record.query}` : record.path;
  const headers: Record<string, string> = {};
  if (record.userAgent !== undefined) headers['user-agent'] = record.userAgent;
  if (record.referer !== undefined) headers.referer = record.referer;
  if (record.contentType !== undefined) headers['content-type'] = record.contentType;
  const warden: HttpLogDoc['warden'] = {
    ipSource: record.ipSource,
    path: record.path,
    query: record.query,
    durationMs: record.durationMs,
    responseBytes: record.responseBytes,
  };
  if (record.body === undefined) warden.bodyAbsent = true;
  if (record.flags && Object.keys(record.flags).length > 0) warden.flags = { ...record.flags };
  return {
    headers,
    method: record.method,
    clientIP: record.clientIP,
    url,
    fullUrl: url,
    reqhttp: `${record.method} ${url}`,
    requestSize: record.requestBytes,
    resContentType: { type: null },
    timestamp: record.timestamp,
    requestBody: record.body === undefined ? {} : escapeKeys(record.body),
    statusCode: record.statusCode,
    sessionID: record.sessionID,
    warden,
  };
}

/** Splits the older `url` (or `fullUrl`) into path and raw query. */
function splitUrl(doc: Record<string, unknown>): { path: string; query: string } | undefined {
  let url = typeof doc.url === 'string' && doc.url !== '' ? doc.url : undefined;
  if (url === undefined && typeof doc.fullUrl === 'string') {
    try {
      const parsed = new URL(doc.fullUrl);
      url = parsed.pathname + parsed.search;
    } catch {
      url = undefined;
    }
  }
  if (url === undefined && typeof doc.reqhttp === 'string') url = doc.reqhttp.split(' ')[1];
  if (url === undefined) return undefined;
  const q = url.indexOf('?');
  return q < 0 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `httplogs` document (ours or the older middleware's) → RequestRecord, or why it does not fit. */
export function httpLogToRecord(doc: unknown): MapResult<RequestRecord> {
  if (!isRecord(doc)) return misfit(`not a document (${describeValue(doc)})`);
  if (typeof doc.clientIP !== 'string' || doc.clientIP === '') return misfit(`clientIP is ${describeValue(doc.clientIP)}, expected a string`);
  if (typeof doc.method !== 'string' || doc.method === '') return misfit(`method is ${describeValue(doc.method)}, expected a string`);
  if (typeof doc.sessionID !== 'string') return misfit(`sessionID is ${describeValue(doc.sessionID)}, expected a string`);
  const timestamp = readDate(doc.timestamp);
  if (!timestamp) return misfit(`timestamp is ${describeValue(doc.timestamp)}, expected a Date`);
  const statusCode = readNumber(doc.statusCode);
  if (statusCode === undefined || !Number.isInteger(statusCode)) return misfit(`statusCode is ${describeValue(doc.statusCode)}, expected an integer`);

  const warden = isRecord(doc.warden) ? doc.warden : {};
  const split = typeof warden.path === 'string'
    ? { path: warden.path, query: typeof warden.query === 'string' ? warden.query : '' }
    : splitUrl(doc);
  if (!split) return misfit('url, fullUrl and reqhttp are all missing');
  const headers = isRecord(doc.headers) ? doc.headers : {};

  const record: RequestRecord = {
    clientIP: doc.clientIP,
    ipSource: IP_SOURCES.includes(warden.ipSource as IpSource) ? warden.ipSource as IpSource : 'socket',
    sessionID: doc.sessionID,
    method: doc.method.toUpperCase(),
    path: split.path,
    query: split.query,
    statusCode,
    timestamp,
    durationMs: readNumber(warden.durationMs) ?? 0,
    requestBytes: readNumber(doc.requestSize) ?? 0,
    responseBytes: readNumber(warden.responseBytes) ?? 0,
  };
  const id = idString(doc._id);
  if (id !== undefined) record.id = id;
  // Only these headers are carried over: the older middleware stored every header, cookies included.
  const userAgent = optionalString(headers['user-agent']);
  const referer = optionalString(headers.referer) ?? optionalString(headers.referrer);
  const contentType = optionalString(headers['content-type']);
  if (userAgent !== undefined) record.userAgent = userAgent;
  if (referer !== undefined) record.referer = referer;
  if (contentType !== undefined) record.contentType = contentType;
  if (warden.bodyAbsent !== true && doc.requestBody !== undefined) {
    record.body = unescapeKeys(doc.requestBody);
  }
  if (isRecord(warden.flags)) record.flags = { ...(warden.flags as RequestFlags) };
  return fits(record);
}
