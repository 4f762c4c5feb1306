import type { IncomingMessage } from 'node:http';

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
