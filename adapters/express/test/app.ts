import { join } from 'node:path';
import express5 from 'express';
import { warden, type ExpressWardenOptions, type WardenMiddleware } from '../src/index.js';
import { serveTestApp, tempDir, writeChunkedStream, type Flavour, type TestApp } from '@session-warden/adapter-test-suite';

type Express = typeof express5;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const express4: Express = require('express4');

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
  app.get('/refuse', (_req, _res, next) => { hit('refuse'); next(Object.assign(new Error('not this'), { status: 422 })); });
  app.get('/slow', (_req, res) => { hit('slow'); setTimeout(() => { if (!res.destroyed) res.send('late'); }, 400); });
  app.get('/stream', (_req, res) => {
    hit('stream');
    writeChunkedStream(res, stream);
  });
  // Express 4 does not catch errors from this (it's sync here), so both versions answer 500 through their final handler.

  return serveTestApp({ handler: app, middleware, tmp, hits, stream });
}

/** Every suite runs on both major versions. */
export const FLAVOURS: readonly Flavour[] = [
  { name: 'Express 5', start: (options) => startApp(express5, options) },
  { name: 'Express 4', start: (options) => startApp(express4, options) },
];
