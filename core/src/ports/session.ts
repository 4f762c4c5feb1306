import type { RequestRecord } from './records.js';

export type MaybePromise<T> = T | Promise<T>;

/** The part of a request a sessionizer needs to decide its session. */
export interface SessionizerInput {
  clientIP: string;
  timestamp: Date;
  method: string;
  path: string;
  userAgent?: string;
}

export type SessionCloseReason = 'gap' | 'cap' | 'idle' | 'evicted' | 'shutdown';

/** Emitted once per session when no further request can join it. */
export interface SessionClosed {
  sessionID: string;
  clientIP: string;
  reason: SessionCloseReason;
  requestCount: number;
  firstAt: Date;
  lastAt: Date;
}

/**
 * Gives each request a session ID and says when a session closes.
 * `assign` sits on the request path: it must be O(1) and never touch a database.
 */
export interface Sessionizer {
  readonly name: string;
  assign(input: SessionizerInput): MaybePromise<string>;
  /** Subscribe to closed sessions; returns an unsubscribe function. */
  onSessionClosed(listener: (event: SessionClosed) => void): () => void;
  /** Close sessions idle for longer than the gap; called periodically. */
  sweep(now?: Date): MaybePromise<void>;
  /** Close every open session (shutdown). */
  closeAll(): MaybePromise<void>;
}

/** One text input of a session: where it came from (`?q` for a query value, `user.name` for a body field) and its value. */
export interface SessionInput {
  field: string;
  value: string;
}

/** A session's requests, loaded once and shared by every feature extractor and classifier. */
export interface SessionView {
  readonly sessionID: string;
  readonly clientIP: string;
  /** Sorted by timestamp. */
  readonly requests: readonly RequestRecord[];
  /** The requests' query values and flattened body fields, in request order (bounded). */
  readonly inputs: readonly SessionInput[];
}
