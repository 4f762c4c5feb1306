import type { SessionClosed, SessionCloseReason, Sessionizer, SessionizerInput } from '@session-warden/core';
import { newSessionId } from './session-id.js';

export interface TimeSessionizerOptions {
  /** Seconds of inactivity that end a session. */
  sessTimeThres: number;
  /** Requests after which a session is closed and the next request starts a new one. */
  maxReqsPerSess: number;
  /** Clients tracked at once; the least recently active one is closed when a new client arrives at the cap. */
  maxTrackedClients: number;
}

/**
 * Sessions one sweep closes at most; the rest close at the next sweep, a second later. Each close
 * costs the event loop a microsecond or two, so a burst of clients that went idle together would
 * otherwise hold it for tens of milliseconds in one go.
 */
export const SWEEP_LIMIT = 5000;

interface OpenSession {
  id: string;
  clientIP: string;
  count: number;
  firstAt: number;
  lastAt: number;
}

/**
 * Per-client sessions split on an idle gap or a request cap. `assign` is O(1): one Map lookup,
 * and the Map's insertion order doubles as the LRU order (a client is re-inserted when a request of
 * it follows another client's), so the sweep and the eviction only ever look at the oldest entries.
 */
export class TimeSessionizer implements Sessionizer {
  readonly name = 'sessionizer-time';
  private readonly open = new Map<string, OpenSession>();
  private readonly listeners = new Set<(event: SessionClosed) => void>();
  private readonly gapMs: number;
  /** The session last in the Map's order (the most recently active), while it is open. */
  private newest: OpenSession | undefined;

  constructor(private readonly options: TimeSessionizerOptions) {
    this.gapMs = options.sessTimeThres * 1000;
  }

  get openSessions(): number {
    return this.open.size;
  }

  assign(input: SessionizerInput): string {
    const now = input.timestamp.getTime();
    const current = this.open.get(input.clientIP);
    if (current) {
      const reason = this.closeReason(current, now);
      if (!reason) {
        current.count++;
        current.lastAt = Math.max(current.lastAt, now);
        // Already last in the LRU order when the previous request was this client's too (a page's
        // assets, a flood): moving it costs two Map operations and, over time, the Map's rehashing.
        if (this.newest !== current) {
          this.open.delete(input.clientIP);
          this.open.set(input.clientIP, current);
          this.newest = current;
        }
        return current.id;
      }
      this.open.delete(input.clientIP);
      this.emit(current, reason);
    } else if (this.open.size >= this.options.maxTrackedClients) {
      this.evictOldest();
    }
    const session: OpenSession = { id: newSessionId(now), clientIP: input.clientIP, count: 1, firstAt: now, lastAt: now };
    this.open.set(input.clientIP, session);
    this.newest = session;
    return session.id;
  }

  onSessionClosed(listener: (event: SessionClosed) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes sessions idle for longer than the gap (at most SWEEP_LIMIT), so a client's last session is classified too. */
  sweep(now: Date = new Date()): void {
    const cutoff = now.getTime() - this.gapMs;
    let closed = 0;
    for (const [ip, session] of this.open) {
      // Entries are in order of last activity; the first one still active ends the sweep.
      if (session.lastAt >= cutoff || closed === SWEEP_LIMIT) break;
      closed++;
      this.open.delete(ip);
      this.emit(session, 'idle');
    }
  }

  closeAll(): void {
    for (const session of this.open.values()) this.emit(session, 'shutdown');
    this.open.clear();
  }

  private closeReason(session: OpenSession, now: number): SessionCloseReason | undefined {
    if (now - session.lastAt > this.gapMs) return 'gap';
    if (session.count >= this.options.maxReqsPerSess) return 'cap';
    return undefined;
  }

  private evictOldest(): void {
    const oldest = this.open.entries().next().value;
    if (!oldest) return;
    this.open.delete(oldest[0]);
    this.emit(oldest[1], 'evicted');
  }

  private emit(session: OpenSession, reason: SessionCloseReason): void {
    const event: SessionClosed = {
      sessionID: session.id, clientIP: session.clientIP, reason, requestCount: session.count,
      firstAt: new Date(session.firstAt), lastAt: new Date(session.lastAt),
    };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener must not stop the others nor the request that triggered the close.
      }
    }
  }
}
