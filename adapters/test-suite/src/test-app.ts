import type { ServerResponse } from 'node:http';
import type { Warden, WardenOptions } from '@session-warden/core';

/**
 * A small site behind `app.use(warden(...))`, with SQLite in a temp dir, as each adapter's tests
 * build it. Its routes: GET /hello, GET /products/:id, POST /login (401; JSON and form bodies
 * parsed after the warden), GET /boom (the handler throws), GET /refuse (an error the framework
 * answers with 422), GET /slow (answers after 400 ms), GET /stream (writeChunkedStream).
 */
export interface TestApp {
  url: string;
  warden: Warden;
  middleware: { readonly ready: Promise<Warden>; close(): Promise<void> };
  dir: string;
  /** How often each handler ran. */
  hits: Record<string, number>;
  /** What the streaming handler saw: res.end's return value was res, and write() applied backpressure. */
  stream: { endReturnedRes?: boolean; sawBackpressure?: boolean };
  /** Stops the server and the Warden (flushing records), keeping the database files. */
  stop(): Promise<void>;
  /** stop() and delete the temp dir. */
  close(): Promise<void>;
}

/** One framework version the suite runs on: its name and how to start the test site. */
export interface Flavour {
  name: string;
  start(options?: WardenOptions): Promise<TestApp>;
}

/** The streaming route writes this many chunks of this buffer. */
export const STREAM_CHUNKS = 256;
export const STREAM_CHUNK = Buffer.alloc(16 * 1024, 'abcdefghijklmnopqrstuvwxyz');

/**
 * What the `/stream` route of every test site does: writes STREAM_CHUNKS chunks by hand, waiting
 * for 'drain' when write() says so, and notes whether backpressure happened and end() returned res.
 */
export function writeChunkedStream(res: ServerResponse, seen: TestApp['stream']): void {
  res.setHeader('Content-Type', 'application/octet-stream');
  let sent = 0;
  const pump = () => {
    while (sent < STREAM_CHUNKS) {
      sent++;
      if (!res.write(STREAM_CHUNK)) {
        seen.sawBackpressure = true;
        res.once('drain', pump);
        return;
      }
    }
    seen.endReturnedRes = res.end() === res;
  };
  pump();
}
