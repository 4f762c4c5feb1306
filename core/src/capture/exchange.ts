import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks'; // the global `performance` is a lazy getter, dearer per request
import type { RequestFlags, RequestRecord } from '../ports/records.js';
import { createRequestClientIpResolver, type ClientIp } from './client-ip.js';
import { compileCaptureOptions, type CaptureOptions } from './capture-options.js';
import { sanitiseBody } from './body-sanitiser.js';
import { redactUrlText, sanitiseUrl } from './url-sanitiser.js';
import { requestHeadBytes } from './byte-counts.js';
import { pendingWatchOf, watchResponse, type ResponseWatch } from './response-ends.js';
import { Arrival, noteArrivalsThrough, takeArrival } from './request-arrivals.js';

/** A captured request, before the runtime gives it a session. */
export type CapturedRecord = Omit<RequestRecord, 'sessionID'>;

/** What the adapter knows about one exchange that Node's request/response do not say. */
export interface ExchangeInput {
  clientIp: ClientIp;
  /**
   * The URL as the client sent it, when the adapter knows it better than the request did on
   * arrival (read then, before any router rewrote `req.url`; Express's `originalUrl` otherwise).
   */
  url?: string;
  /**
   * Reads the parsed body once the response is over (body parsers run after this middleware);
   * called only for a request that declares a body.
   */
  readBody?: () => unknown;
  /** Called once per request with its record; exceptions are swallowed. */
  onRecord: (record: CapturedRecord) => void;
  /** Refused by the blocklist: the handler never ran. */
  blocked?: boolean;
}

/** The running exchange; the adapter marks a failure its framework reported. */
export interface TrackedExchange {
  markFailed(): void;
}

const HEADER_TEXT_LIMIT = 1024;

function headerValue(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text.length > HEADER_TEXT_LIMIT ? text.slice(0, HEADER_TEXT_LIMIT) : text;
}

/**
 * One exchange in flight: what arrived, read again when the response is over. It is its own
 * response watch and the adapter's handle too: one object per request.
 */
class Exchange implements TrackedExchange, ResponseWatch {
  failed = false;

  constructor(
    readonly arrival: Arrival,
    readonly res: ServerResponse,
    readonly input: ExchangeInput,
    private readonly finish: (exchange: Exchange, responseBytes: number | null, finished: boolean) => CapturedRecord,
  ) {}

  markFailed(): void {
    this.failed = true;
  }

  /** Called by response-ends.ts, which catches what this throws: recording never breaks the app. */
  ended(responseBytes: number | null, finished: boolean): void {
    this.input.onRecord(this.finish(this, responseBytes, finished));
  }
}

/** A request whose arrival was not noted (see request-arrivals.ts): read from the request now. */
function lateArrival(req: IncomingMessage): Arrival {
  const socket = req.socket as Socket | null;
  noteArrivalsThrough(socket);
  // Express keeps the URL as sent in `originalUrl` once a router has rewritten `url`.
  return new Arrival(req, socket, (req as { originalUrl?: string }).originalUrl);
}

/**
 * Framework-neutral capture over Node's IncomingMessage/ServerResponse, which Express and Koa
 * both run on. Options are compiled once; `clientIpOf` and `track` are called per request.
 */
export function createExchangeCapture(options: CaptureOptions = {}) {
  const compiled = compileCaptureOptions(options);
  const resolveClientIp = createRequestClientIpResolver(compiled);
  /** The arrival `clientIpOf` looked up, kept for the `track` of the same request. */
  let current: Arrival | null = null;

  function arrivalFor(req: IncomingMessage): Arrival {
    if (current === null || current.req !== req) current = takeArrival(req) ?? lateArrival(req);
    return current;
  }

  /** The client IP of a request (socket peer unless a trusted proxy says otherwise). */
  function clientIpOf(req: IncomingMessage): ClientIp {
    return resolveClientIp(arrivalFor(req));
  }

  /**
   * Times a request from its arrival and, when it ends — finished, aborted by the client or
   * closed without a response — hands exactly one record to `input.onRecord`.
   */
  function track(req: IncomingMessage, res: ServerResponse, input: ExchangeInput): TrackedExchange {
    const arrival = arrivalFor(req);
    current = null;
    const exchange = new Exchange(arrival, res, input, buildRecord);
    watchResponse(arrival.socket, res, exchange);
    return exchange;
  }

  /**
   * Flags the tracked exchange of `res` failed, for an adapter that learns of a failure from the
   * response alone; does nothing once that exchange has ended or when it is not tracked.
   */
  function markFailed(res: ServerResponse): void {
    const watch = pendingWatchOf(res);
    if (watch instanceof Exchange) watch.markFailed();
  }

  /** The record of an exchange that has ended; built once, handed on as is. */
  function buildRecord(exchange: Exchange, responseBytes: number | null, finished: boolean): CapturedRecord {
    const { arrival, res, input } = exchange;
    const url = input.url ?? arrival.url;
    const status = res.statusCode;
    const target = sanitiseUrl(url, compiled);
    const record: CapturedRecord = {
      clientIP: input.clientIp.ip,
      ipSource: input.clientIp.source,
      method: arrival.method,
      path: target.path,
      query: target.query,
      statusCode: status,
      timestamp: new Date(arrival.startedAt),
      durationMs: Math.round((performance.now() - arrival.startedHr) * 1000) / 1000,
      requestBytes: requestHeadBytes(arrival.method, url, arrival.rawHeaders) + (arrival.bodyBytes?.() ?? 0),
      responseBytes: responseBytes ?? 0,
    };
    const headers = arrival.headers;
    const userAgent = headerValue(headers['user-agent']);
    const rawReferer = headerValue(headers.referer);
    const contentType = headerValue(headers['content-type']);
    if (userAgent !== undefined) record.userAgent = userAgent;
    if (rawReferer !== undefined) record.referer = redactUrlText(rawReferer, compiled);
    if (contentType !== undefined) record.contentType = contentType;
    let bodyTruncated = false;
    // Without a declared body no parser ran, so the body is not read: on an Express request every
    // property read is a cache miss (see request-arrivals.ts).
    if (input.readBody && arrival.bodyBytes) {
      let parsed: unknown;
      try {
        parsed = input.readBody();
      } catch {
        parsed = undefined;
      }
      if (parsed !== undefined && !(typeof parsed === 'object' && parsed !== null && !Buffer.isBuffer(parsed) && Object.keys(parsed).length === 0)) {
        const kept = sanitiseBody(parsed, { ...compiled, maxBytes: compiled.maxBodyBytes });
        if (kept.value !== undefined) record.body = kept.value;
        bodyTruncated = kept.truncated;
      }
    }
    // Most requests carry no flag: the object is only made when one is set.
    let flags: RequestFlags | undefined;
    if (!finished) (flags ??= {}).aborted = true;
    if (exchange.failed || status >= 500) (flags ??= {}).failed = true;
    if (input.blocked) (flags ??= {}).blocked = true;
    if (target.truncated) (flags ??= {}).urlTruncated = true;
    if (bodyTruncated) (flags ??= {}).bodyTruncated = true;
    if (responseBytes === null) (flags ??= {}).bytesUncounted = true;
    if (flags) record.flags = flags;
    return record;
  }

  return { options: compiled, clientIpOf, track, markFailed };
}

export type ExchangeCapture = ReturnType<typeof createExchangeCapture>;
