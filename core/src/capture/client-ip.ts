import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import type { IpSource } from '../ports/records.js';
import type { TrustProxy } from '../config/options.js';
import { ipFromHop, normaliseIp } from './ip-address.js';
import { compileTrustProxy, type IpMatcher } from './ip-matcher.js';
import { parseForwardedFor } from './forwarded-header.js';

export interface ClientIp {
  ip: string;
  source: IpSource;
}

export interface ClientIpOptions {
  /** Peers whose forwarding headers are believed; none by default. */
  trustProxy?: TrustProxy;
  /** A header that carries the client IP (e.g. set by your load balancer); matched case-insensitively. */
  customIPHeader?: string;
}

/** What a request with no usable peer address (socket already destroyed) is recorded as. */
export const UNKNOWN_IP = 'unknown';

/** Headers that carry one client address, set by the proxy or CDN in front of the app; checked in this order. */
const SINGLE_VALUE_HEADERS: readonly (readonly [string, IpSource])[] = [
  ['x-real-ip', 'x-real-ip'],
  ['cf-connecting-ip', 'cf-connecting-ip'],
  ['true-client-ip', 'true-client-ip'],
  ['fastly-client-ip', 'fastly-client-ip'],
  ['x-client-ip', 'x-client-ip'],
  ['x-cluster-client-ip', 'x-cluster-client-ip'],
];

function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  let value = headers[name];
  if (value === undefined && name !== name.toLowerCase()) value = headers[name.toLowerCase()];
  if (value === undefined) {
    // Node lower-cases header names; a hand-built headers object may not have.
    for (const key of Object.keys(headers)) if (key.toLowerCase() === name) { value = headers[key]; break; }
  }
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Walks a hop list from the right (the nearest proxy) past trusted proxies; the first untrusted
 * hop is the client. When every hop is trusted, the leftmost is the client. A hop that is not an
 * IP stops the walk: nothing to its left can be believed, so the last good hop is taken.
 * Null when not even the rightmost hop is an IP.
 */
function walkHops(hops: readonly string[], trusted: IpMatcher): string | null {
  let candidate: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = ipFromHop(hops[i]!);
    if (!ip) return candidate;
    candidate = ip;
    if (!trusted(ip)) return ip;
  }
  return candidate;
}

type ClientIpResolver = (peerAddress: string | undefined, headers: IncomingHttpHeaders) => ClientIp;

/** A client-IP resolver with `trustProxy` compiled once; call it per request. */
export function createClientIpResolver(options: ClientIpOptions = {}): ClientIpResolver {
  return resolverTrusting(compileTrustProxy(options.trustProxy), options.customIPHeader);
}

/** The resolver over an already compiled `trustProxy`, so a caller that needs the matcher too compiles it once. */
function resolverTrusting(trusted: IpMatcher, customIPHeader: string | undefined): ClientIpResolver {
  const custom = customIPHeader?.toLowerCase();
  return (peerAddress, headers) => {
    const peer = normaliseIp(peerAddress) ?? UNKNOWN_IP;
    // Forwarding headers are anyone's to write: only a trusted proxy's are believed.
    if (peer === UNKNOWN_IP || !trusted(peer)) return { ip: peer, source: 'socket' };

    if (custom) {
      const value = headerText(headers, custom);
      const ip = value === undefined ? null : walkHops(value.split(','), trusted);
      if (ip) return { ip, source: 'custom-header' };
    }
    const forwarded = headerText(headers, 'forwarded');
    if (forwarded !== undefined) {
      const hops = parseForwardedFor(forwarded);
      const ip = hops ? walkHops(hops, trusted) : null;
      if (ip) return { ip, source: 'forwarded' };
    }
    const xff = headerText(headers, 'x-forwarded-for');
    if (xff !== undefined) {
      const ip = walkHops(xff.split(','), trusted);
      if (ip) return { ip, source: 'x-forwarded-for' };
    }
    for (const [name, source] of SINGLE_VALUE_HEADERS) {
      const value = headers[name];
      if (value === undefined) continue;
      const ip = ipFromHop(Array.isArray(value) ? value[0]! : value.split(',')[0]!);
      if (ip) return { ip, source };
    }
    return { ip: peer, source: 'socket' };
  };
}

/** The part of a request the client IP is read from. */
export interface ClientIpSource {
  readonly socket: Socket | null;
  readonly headers: IncomingHttpHeaders;
}

/**
 * Per-request resolver that remembers, for each connection from a peer that is not a trusted
 * proxy, the answer it gave: such a peer's headers are never read, so every request on that
 * keep-alive connection has the same client IP. A trusted proxy's requests are resolved each time.
 */
export function createRequestClientIpResolver(options: ClientIpOptions = {}): (request: ClientIpSource) => ClientIp {
  const trusted = compileTrustProxy(options.trustProxy);
  const resolve = resolverTrusting(trusted, options.customIPHeader);
  const bySocket = new WeakMap<Socket, ClientIp>();
  return ({ socket, headers }) => {
    if (!socket) return resolve(undefined, headers);
    const known = bySocket.get(socket);
    if (known) return known;
    const answer = resolve(socket.remoteAddress, headers);
    if (answer.source === 'socket' && answer.ip !== UNKNOWN_IP && !trusted(answer.ip)) bySocket.set(socket, Object.freeze(answer));
    return answer;
  };
}

/**
 * The client IP of one request: the socket peer, unless the peer is a trusted proxy and a
 * forwarding header names someone else. Prefer `createClientIpResolver` on a hot path.
 */
export function resolveClientIp(peerAddress: string | undefined, headers: IncomingHttpHeaders, options: ClientIpOptions = {}): ClientIp {
  return createClientIpResolver(options)(peerAddress, headers);
}
