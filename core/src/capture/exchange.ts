import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestFlags, RequestRecord } from '../ports/records.js';
import { createRequestClientIpResolver, type ClientIp } from './client-ip.js';
import { compileCaptureOptions, type CaptureOptions } from './capture-options.js';
import { sanitiseBody } from './body-sanitiser.js';
import { redactUrlText, sanitiseUrl } from './url-sanitiser.js';
import { countRequestBody, requestHeadBytes } from './byte-counts.js';
import { watchResponse, type ResponseWatch } from './response-ends.js';

/** A captured request, before the runtime gives it a session. */
export type CapturedRecord = Omit<RequestRecord, 'sessionID'>;

/** What the adapter knows about one exchange that Node's request/response do not say. */
export interface ExchangeInput {
  clientIp: ClientIp;
  /** The URL as the client sent it (Express rewrites `req.url` inside routers; pass `originalUrl`). */
  url?: string;
  /** Reads the parsed body once the response is over (body parsers run after this middleware). */
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
 * One exchange in flight: what `track` saw on arrival, read again when the response is over.
 * It is its own response watch and the adapter's handle too: one object per request.
 */
class Exchange implements TrackedExchange, ResponseWatch {
  readonly startedAt = Date.now();
  readonly startedHr = performance.now();
  readonly requestBody: () => number;
  failed = false;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly input: ExchangeInput,
    readonly url: string,
    private readonly finish: (exchange: Exchange, responseBytes: number, finished: boolean) => CapturedRecord,
  ) {
    this.requestBody = countRequestBody(req);
  }

  markFailed(): void {
    this.failed = true;
  }

  ended(responseBytes: number, finished: boolean): void {
    try {
      this.input.onRecord(this.finish(this, responseBytes, finished));
    } catch {
      // Recording must never break the app.
    }
  }
}

/**
 * Framework-neutral capture over Node's IncomingMessage/ServerResponse, which Express and Koa
 * both run on. Options are compiled once; `track` is called per request.
 */
export function createExchangeCapture(options: CaptureOptions = {}) {
  const compiled = compileCaptureOptions(options);
  /** The client IP of a request (socket peer unless a trusted proxy says otherwise). */
  const clientIpOf = createRequestClientIpResolver(compiled);

  /**
   * Starts timing a request on arrival and, when it ends — finished, aborted by the client or
   * closed without a response — hands exactly one record to `input.onRecord`.
   */
  function track(req: IncomingMessage, res: ServerResponse, input: ExchangeInput): TrackedExchange {
    const exchange = new Exchange(req, res, input, input.url ?? req.url ?? '/', buildRecord);
    watchResponse(req, res, exchange);
    return exchange;
  }

  /** The record of an exchange that has ended; built once, handed on as is. */
  function buildRecord(exchange: Exchange, responseBytes: number, finished: boolean): CapturedRecord {
    const { req, res, input, url } = exchange;
    const status = res.statusCode;
    const target = sanitiseUrl(url, compiled);
    const record: CapturedRecord = {
      clientIP: input.clientIp.ip,
      ipSource: input.clientIp.source,
      method: req.method ?? 'GET',
      path: target.path,
      query: target.query,
      statusCode: status,
      timestamp: new Date(exchange.startedAt),
      durationMs: Math.round((performance.now() - exchange.startedHr) * 1000) / 1000,
      requestBytes: requestHeadBytes(req, url) + exchange.requestBody(),
      responseBytes,
    };
    const headers = req.headers;
    const userAgent = headerValue(headers['user-agent']);
    const rawReferer = headerValue(headers.referer);
    const contentType = headerValue(headers['content-type']);
    if (userAgent !== undefined) record.userAgent = userAgent;
    if (rawReferer !== undefined) record.referer = redactUrlText(rawReferer, compiled);
    if (contentType !== undefined) record.contentType = contentType;
    let bodyTruncated = false;
    if (input.readBody) {
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
    if (flags) record.flags = flags;
    return record;
  }

  return { options: compiled, clientIpOf, track };
}

export type ExchangeCapture = ReturnType<typeof createExchangeCapture>;
