import { subscribe } from 'node:diagnostics_channel';
import { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** A response being watched until it ends. */
export interface ResponseWatch {
  readonly res: ServerResponse;
  /**
   * Called exactly once: with the bytes this response put on the wire (interim 1xx responses,
   * status line, headers, body, chunked framing), or null when they cannot be counted (see
   * watchResponse), and whether it finished (false: its connection closed first).
   */
  ended(responseBytes: number | null, finished: boolean): void;
}

/** Watched responses of one connection, in request order, and where the last one's bytes ended. */
interface Connection {
  pending: ResponseWatch[];
  /** The socket's `bytesWritten` when the last response on it finished (or where the first watched one began). */
  written: number;
}

const CONNECTION = Symbol('session-warden.connection');
type WatchedSocket = Socket & { [CONNECTION]?: Connection };

let subscribed = false;

/**
 * Calls `watch.ended` once the response has finished or its connection (`socket`) has closed.
 *
 * Node publishes every finished response of an HTTP(S) server on the 'http.server.response.finish'
 * channel, before the connection's next response may write. One subscriber for the process and one
 * 'close' listener per connection replace listeners on each response: on Express's re-prototyped
 * responses those cost about as much as the rest of the capture. A response's bytes are the growth
 * of its socket's `bytesWritten` since the response before it on the same connection finished, so
 * keep-alive and pipelined neighbours never mix.
 */
export function watchResponse(socket: Socket | null, res: ServerResponse, watch: ResponseWatch): void {
  if (!(res instanceof ServerResponse) || !socket) {
    // Not a node:http response (an HTTP/2 stream through the compatibility API), or one with no
    // socket. A stream's frames share the session's socket with every other stream, and Node
    // counts no stream's own bytes (its only per-stream figure is DATA payload, and only for a
    // process-wide 'http2' performance observer): reported as not counted rather than guessed.
    let ended = false;
    res.on('close', () => { if (!ended) { ended = true; notify(watch, null, finishedAtClose(res)); } });
    return;
  }
  if (socket.destroyed) {
    notify(watch, 0, false); // the client left before the app saw the request
    return;
  }
  if (!subscribed) {
    subscribe('http.server.response.finish', onResponseFinish);
    subscribed = true;
  }
  const watched = socket as WatchedSocket;
  let connection = watched[CONNECTION];
  if (!connection) {
    connection = { pending: [], written: bytesWrittenOf(socket) - interimBytesWritten(res) };
    watched[CONNECTION] = connection;
    socket.on('close', onConnectionClose);
  }
  connection.pending.push(watch);
}

/** The watch still waiting for `res` to end, if its connection is watched. */
export function pendingWatchOf(res: ServerResponse): ResponseWatch | undefined {
  const connection = (res.socket as WatchedSocket | null)?.[CONNECTION];
  return connection?.pending.find((watch) => watch.res === res);
}

function onResponseFinish(message: unknown): void {
  const { response, socket } = message as { response: ServerResponse; socket: WatchedSocket };
  const connection = socket?.[CONNECTION];
  if (!connection) return;
  // Every finish moves the mark, a response the warden did not watch included (routes before it).
  const written = bytesWrittenOf(socket);
  const bytes = written - connection.written;
  connection.written = written;
  const pending = connection.pending;
  for (let i = 0; i < pending.length;) {
    const watch = pending[i]!;
    if (watch.res !== response) { i++; continue; }
    // Mostly the only one (a request at a time per connection): pop() costs a tenth of splice().
    if (i === pending.length - 1) pending.pop();
    else pending.splice(i, 1);
    notify(watch, bytes, true);
  }
}

function onConnectionClose(this: WatchedSocket): void {
  const connection = this[CONNECTION];
  if (!connection) return;
  const pending = connection.pending.splice(0);
  // Only the first in line can have written before the client went away.
  const bytes = Math.max(0, bytesWrittenOf(this) - connection.written);
  for (const watch of pending) notify(watch, watch.res === pending[0]!.res ? bytes : 0, false);
}

/**
 * Whether a response outside node:http finished before it closed. An HTTP/2 stream did when the
 * app ended it and it closed without a reset: one the client cancelled reads as
 * `writableFinished` too, but carries the reset's code.
 */
function finishedAtClose(res: ServerResponse): boolean {
  const stream = (res as ServerResponse & { stream?: { rstCode?: number } }).stream;
  return stream ? res.writableEnded && stream.rstCode === 0 : res.writableFinished;
}

const CONTINUE_BYTES = Buffer.byteLength('HTTP/1.1 100 Continue\r\n\r\n');

/**
 * Bytes `res` had already written when its connection was first watched: the interim
 * `100 Continue` Node writes to an `Expect: 100-continue` request before the app sees it (or a
 * 'checkContinue' handler did). On later requests of a connection the mark set at the previous
 * finish already precedes it; here it has to be taken back, so every exchange counts its own. Read
 * once per connection, never per request.
 */
function interimBytesWritten(res: ServerResponse): number {
  return (res as ServerResponse & { _sent100?: boolean })._sent100 === true ? CONTINUE_BYTES : 0;
}

/** A subscriber's exception would be rethrown as uncaught: recording must never break the app. */
function notify(watch: ResponseWatch, bytes: number | null, finished: boolean): void {
  try {
    watch.ended(bytes, finished);
  } catch {
    // the watcher's own failure; nothing to undo here
  }
}

/**
 * The socket's `bytesWritten`: bytes handed to the OS plus any still queued. The public getter
 * copies the write queue on every read, which costs more than the rest of a response's end; with
 * nothing queued (always so when a response has finished: its last write has completed) Node's
 * own running total is the same number, so it is read directly when present.
 */
function bytesWrittenOf(socket: Socket): number {
  const dispatched = (socket as Socket & { _bytesDispatched?: unknown })._bytesDispatched;
  if (typeof dispatched === 'number' && socket.writableLength === 0) return dispatched;
  return socket.bytesWritten ?? 0; // undefined once the socket is gone
}
