import { join } from 'node:path';
import express5 from 'express';
import type { Warden } from '@session-warden/core';
import { warden, type ExpressWardenOptions, type WardenMiddleware } from '../src/index.js';
import { listen, tempDir } from './http-helpers.js';

type Express = typeof express5;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const express4: Express = require('express4');

/** Every suite runs on both major versions. */
export const FLAVOURS: readonly (readonly [string, Express])[] = [['Express 5', express5], ['Express 4', express4]];

export interface TestApp {
  url: string;
  warden: Warden;
  middleware: WardenMiddleware;
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

export const STREAM_CHUNKS = 256;
export const STREAM_CHUNK = Buffer.alloc(16 * 1024, 'abcdefghijklmnopqrstuvwxyz');

/** A small site behind `app.use(warden(...))`, with SQLite in a temp dir. */
export async function startApp(express: Express, options: ExpressWardenOptions = {}): Promise<TestApp> {
  const tmp = tempDir('warden-express-');
  const middleware = warden({ storage: { type: 'sqlite', database: join(tmp.dir, 'warden.db') }, useModels: false, flushIntervalMs: 10, ...options });
  const hits: Record<string, number> = {};
  const stream: TestApp['stream'] = {};
  const hit = (name: string) => { hits[name] = (hits[name] ?? 0) + 1; };

  const app = express();
  app.set('env', 'test'); // keeps the final handler from printing the thrown test error
  app.use(middleware);
  app.use(express.json());
  app.use(express.urlencoded({ extended: false }));
  app.get('/hello', (_req, res) => { hit('hello'); res.send('Hello'); });
  app.get('/products/:id', (req, res) => { hit('product'); res.json({ id: req.params.id, name: 'Blue shoes' }); });
  app.post('/login', (req, res) => {
    hit('login');
    res.status(401).send(`Wrong password for ${String(req.body?.username)}`);
  });
  app.get('/boom', () => { hit('boom'); throw new Error('handler failed'); });
  app.get('/slow', (_req, res) => { hit('slow'); setTimeout(() => { if (!res.destroyed) res.send('late'); }, 400); });
  app.get('/stream', (_req, res) => {
    hit('stream');
    res.setHeader('Content-Type', 'application/octet-stream');
    let sent = 0;
    const pump = () => {
      while (sent < STREAM_CHUNKS) {
        sent++;
        if (!res.write(STREAM_CHUNK)) {
          stream.sawBackpressure = true;
          res.once('drain', pump);
          return;
        }
      }
      stream.endReturnedRes = res.end() === res;
    };
    pump();
  });
  // Express 4 does not catch errors from this (it's sync here), so both versions answer 500 through their final handler.

  const server = await listen(app);
  const running = await middleware.ready;
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    await server.close();
    await middleware.close();
  })());
  return {
    url: server.url, warden: running, middleware, dir: tmp.dir, hits, stream, stop,
    async close() {
      await stop();
      tmp.remove();
    },
  };
}
