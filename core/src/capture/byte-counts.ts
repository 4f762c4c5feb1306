import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * Size of the request head as it came over the wire: request line, each header line, blank line.
 * Computed from this request's own raw headers, so requests sharing a keep-alive socket do not
 * mix their counts.
 */
export function requestHeadBytes(method: string, url: string, rawHeaders: readonly string[]): number {
  let size = method.length + 1 + url.length + 11 + 2; // "GET /x HTTP/1.1\r\n" + "\r\n"
  for (let i = 0; i < rawHeaders.length; i += 2) size += rawHeaders[i]!.length + rawHeaders[i + 1]!.length + 4;
  return size;
}

function chunkBytes(chunk: unknown, encoding: unknown): number {
  if (typeof chunk === 'string') return Buffer.byteLength(chunk, typeof encoding === 'string' ? encoding as BufferEncoding : 'utf8');
  if (chunk instanceof Uint8Array) return chunk.byteLength;
  return 0;
}

/** Whether the request says a body follows (as body parsers decide too). */
export function declaresBody(headers: IncomingHttpHeaders): boolean {
  return headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined;
}

/** Counts the body bytes a request that declares a body delivers to the app. */
export function countRequestBody(req: IncomingMessage): () => number {
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
