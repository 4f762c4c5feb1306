import type { Duplex } from 'node:stream';

/**
 * Reads HTTP/1.1 responses off a raw client socket (TCP or TLS) exactly as they arrived, so a
 * test can compare a record's byte count with what really came over the wire. Each call to `next`
 * returns one response, an interim 1xx one included; bodies must carry Content-Length.
 */
export class RawResponses {
  private received = Buffer.alloc(0);
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly socket: Duplex) {
    socket.on('data', (chunk: Buffer) => { this.received = Buffer.concat([this.received, chunk]); this.wake?.(); });
    socket.on('error', (error: Error) => { this.failure = error; this.wake?.(); });
    socket.on('close', () => { this.failure ??= new Error('connection closed before the response'); this.wake?.(); });
  }

  async next(): Promise<Buffer> {
    for (;;) {
      const response = this.take();
      if (response) return response;
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => { this.wake = resolve; });
      this.wake = null;
    }
  }

  /** Everything up to the end of the first complete response, when one has arrived. */
  private take(): Buffer | null {
    const headEnd = this.received.indexOf('\r\n\r\n');
    if (headEnd === -1) return null;
    const head = this.received.subarray(0, headEnd).toString('latin1');
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    const end = headEnd + 4 + length;
    if (this.received.length < end) return null;
    const response = Buffer.from(this.received.subarray(0, end));
    this.received = this.received.subarray(end);
    return response;
  }
}

/** The bytes of a request as a raw client sends them: head lines, blank line, body. */
export function rawRequest(method: string, path: string, headers: Record<string, string>, body = ''): string {
  const lines = Object.entries({ Host: '127.0.0.1', ...headers, ...(body ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) });
  return `${method} ${path} HTTP/1.1\r\n${lines.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`;
}
