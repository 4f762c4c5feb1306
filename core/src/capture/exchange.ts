import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestFlags, RequestRecord } from '../ports/records.js';
import { createClientIpResolver, type ClientIp } from './client-ip.js';
import { compileCaptureOptions, type CaptureOptions } from './capture-options.js';
import { sanitiseBody } from './body-sanitiser.js';
import { redactUrlText, sanitiseUrl } from './url-sanitiser.js';
import { countRequestBody, countResponseBody, requestHeadBytes, responseHeadBytes } from './byte-counts.js';

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

/** Statuses and methods whose response carries no body on the wire. */
const bodiless = (method: string | undefined, status: number) => method === 'HEAD' || status === 204 || status === 304;

/**
 * Framework-neutral capture over Node's IncomingMessage/ServerResponse, which Express and Koa
 * both run on. Options are compiled once; `track` is called per request.
 */
export function createExchangeCapture(options: CaptureOptions = {}) {
  const compiled = compileCaptureOptions(options);
  const resolveIp = createClientIpResolver(compiled);

  /** The client IP of a request (socket peer unless a trusted proxy says otherwise). */
  function clientIpOf(req: IncomingMessage): ClientIp {
    return resolveIp(req.socket?.remoteAddress, req.headers);
  }

  /**
   * Starts timing a request on arrival and, when it ends — finished, aborted by the client or
   * closed without a response — hands exactly one record to `input.onRecord`.
   */
  function track(req: IncomingMessage, res: ServerResponse, input: ExchangeInput): TrackedExchange {
    const startedAt = Date.now();
    const startedHr = performance.now();
    const url = input.url ?? req.url ?? '/';
    const requestBody = countRequestBody(req);
    const responseBody = countResponseBody(res);
    let failed = false;
    let done = false;

    const finish = () => {
      if (done) return;
      done = true;
      res.removeListener('finish', finish);
      res.removeListener('close', finish);
      try {
        input.onRecord(buildRecord());
      } catch {
        // Recording must never break the app.
      }
    };

    const buildRecord = (): CapturedRecord => {
      const status = res.statusCode;
      const target = sanitiseUrl(url, compiled);
      let body: unknown;
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
          body = kept.value;
          bodyTruncated = kept.truncated;
        }
      }
      const flags: RequestFlags = {};
      if (!res.writableFinished) flags.aborted = true;
      if (failed || status >= 500) flags.failed = true;
      if (input.blocked) flags.blocked = true;
      if (target.truncated) flags.urlTruncated = true;
      if (bodyTruncated) flags.bodyTruncated = true;
      const record: CapturedRecord = {
        clientIP: input.clientIp.ip,
        ipSource: input.clientIp.source,
        method: req.method ?? 'GET',
        path: target.path,
        query: target.query,
        statusCode: status,
        timestamp: new Date(startedAt),
        durationMs: Math.round((performance.now() - startedHr) * 1000) / 1000,
        requestBytes: requestHeadBytes(req, url) + requestBody(),
        responseBytes: responseHeadBytes(res) + (bodiless(req.method, status) ? 0 : responseBody()),
      };
      const userAgent = headerValue(req.headers['user-agent']);
      const rawReferer = headerValue(req.headers.referer);
      const referer = rawReferer === undefined ? undefined : redactUrlText(rawReferer, compiled);
      const contentType = headerValue(req.headers['content-type']);
      if (userAgent !== undefined) record.userAgent = userAgent;
      if (referer !== undefined) record.referer = referer;
      if (contentType !== undefined) record.contentType = contentType;
      if (body !== undefined) record.body = body;
      if (Object.keys(flags).length > 0) record.flags = flags;
      return record;
    };

    res.on('finish', finish);
    res.on('close', finish);
    return { markFailed: () => { failed = true; } };
  }

  return { options: compiled, clientIpOf, track };
}

export type ExchangeCapture = ReturnType<typeof createExchangeCapture>;
