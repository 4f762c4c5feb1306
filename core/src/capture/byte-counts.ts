import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Size of the request head as it came over the wire: request line, each header line, blank line.
 * Computed from this request's own raw headers, so requests sharing a keep-alive socket do not
 * mix their counts.
 */
export function requestHeadBytes(req: IncomingMessage, url: string): number {
  let size = (req.method?.length ?? 0) + 1 + url.length + 11 + 2; // "GET /x HTTP/1.1\r\n" + "\r\n"
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) size += raw[i]!.length + raw[i + 1]!.length + 4;
  return size;
}

function chunkBytes(chunk: unknown, encoding: unknown): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, typeof encoding === 'string' ? encoding as BufferEncoding : 'utf8');
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

const noBody = () => 0;

/** Counts body bytes this request delivers to the app; 0 for a request without a body. */
export function countRequestBody(req: IncomingMessage): () => number {
  const declared = req.headers['content-length'];
  if (declared === undefined && req.headers['transfer-encoding'] === undefined) return noBody;
  let received = 0;
  const push = req.push;
  // The HTTP parser hands every body chunk to push(); counting there sees the body whether or
  // not the app reads it, without adding a 'data' listener that would change the stream's mode.
  req.push = function countedPush(this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding) {
    if (chunk) received += chunkBytes(chunk, encoding);
    return push.call(this, chunk, encoding);
  };
  return () => received;
}

/**
 * Counts the bytes of this response on the wire (status line, headers, body and any chunked
 * framing) as the difference in its socket's `bytesWritten` from when the response got the
 * socket to when all its data was handed over ('prefinish'). Nothing is assigned onto `res`:
 * Express changes the prototype of every response, after which adding a property costs V8 µs.
 * A pipelined response gets the socket only once the one before it has finished ('socket'
 * event), and reads its end before the next one can write, so neighbours never mix.
 */
export function countResponseBytes(res: ServerResponse): () => number {
  let socket = res.socket;
  let start = socket ? bytesWrittenOf(socket) : 0;
  let end = -1;
  if (!socket) {
    res.on('socket', (assigned: Socket) => {
      socket = assigned;
      start = bytesWrittenOf(assigned);
    });
  }
  // Each is emitted once per response; `on` spares the bound wrapper `once` makes per request.
  res.on('prefinish', () => { if (socket && end < 0) end = bytesWrittenOf(socket); });
  // A response that never finished (client gone): what was written until its socket closed.
  return () => (socket ? (end >= 0 ? end : bytesWrittenOf(socket)) - start : 0);
}

/** `bytesWritten` counts data still queued in the socket too; it is undefined once the socket is gone. */
function bytesWrittenOf(socket: Socket): number {
  return socket.bytesWritten ?? 0;
}
