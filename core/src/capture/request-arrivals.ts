import { subscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks'; // the global `performance` is a lazy getter, dearer per request
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Server, Socket } from 'node:net';
import { countRequestBody, declaresBody } from './byte-counts.js';

/** What a request was when it arrived, read before any framework touched it. */
export class Arrival {
  readonly url: string;
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawHeaders: string[];
  /** Bytes of the body received so far; null when the request declares none. */
  readonly bodyBytes: (() => number) | null;
  readonly startedAt = Date.now();
  readonly startedHr = performance.now();

  /** `url`: the URL as the client sent it, when `req.url` may have been rewritten since (a late arrival). */
  constructor(readonly req: IncomingMessage, readonly socket: Socket | null, url?: string) {
    this.url = url ?? req.url ?? '/';
    this.method = req.method ?? 'GET';
    this.headers = req.headers;
    this.rawHeaders = req.rawHeaders;
    this.bodyBytes = declaresBody(this.headers) ? countRequestBody(req) : null;
  }
}

/** Servers whose requests are noted on arrival: those a capture has seen a request of. */
const servers = new WeakSet<Server>();
/** The server last found in `servers` (most processes have one): a WeakSet lookup per request costs more than this check. */
let lastNoted: Server | null = null;
/** The request that arrived last, if on such a server; an adapter placed first is called before the next one arrives. */
let latest: Arrival | null = null;
let subscribed = false;

/**
 * The request as it arrived, when it is the one that arrived last, and lets it go (the caller
 * keeps it); null otherwise, and then the caller reads the request itself. Why: Express gives
 * every request and response object a map of its own when it re-prototypes them, so each
 * property a middleware reads from them misses V8's caches and costs up to a microsecond, more
 * than the rest of the capture. Node publishes each request on the 'http.server.request.start'
 * channel just before the framework sees it; read there, the same properties cost nanoseconds.
 * Matching by identity reads nothing from the request.
 */
export function takeArrival(req: IncomingMessage): Arrival | null {
  const arrival = latest;
  if (arrival === null || arrival.req !== req) return null;
  latest = null;
  return arrival;
}

/** Notes the arrival of later requests to the server `socket` belongs to. */
export function noteArrivalsThrough(socket: Socket | null): void {
  const server = (socket as (Socket & { server?: Server }) | null)?.server;
  if (!server || servers.has(server)) return;
  servers.add(server);
  // The last server found is held strongly for speed; a closed one is let go.
  server.once('close', () => { if (lastNoted === server) lastNoted = null; });
  if (!subscribed) {
    subscribed = true;
    subscribe('http.server.request.start', onRequestStart);
  }
}

function onRequestStart(message: unknown): void {
  const { request, socket, server } = message as { request: IncomingMessage; socket: Socket; server: Server };
  try {
    if (server !== lastNoted) lastNoted = servers.has(server) ? server : null;
    latest = server === lastNoted ? new Arrival(request, socket) : null;
  } catch {
    latest = null; // a subscriber's exception would be rethrown as uncaught; the request is then read late
  }
}
