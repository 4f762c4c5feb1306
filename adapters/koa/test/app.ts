import { join } from 'node:path';
import { Readable } from 'node:stream';
import Koa3 from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { warden, type KoaWardenOptions, type WardenMiddleware } from '../src/index.js';
import { serveTestApp, sleep, tempDir, STREAM_CHUNK, STREAM_CHUNKS, writeChunkedStream, type Flavour, type TestApp } from '@session-warden/adapter-test-suite';

type KoaClass = typeof Koa3;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Koa2: KoaClass = require('koa2');

/** A small site behind `app.use(warden(...))`, with SQLite in a temp dir. */
export async function startApp(Koa: KoaClass, options: KoaWardenOptions = {}): Promise<TestApp> {
  const tmp = tempDir('warden-koa-');
  const middleware = warden({ storage: { type: 'sqlite', database: join(tmp.dir, 'warden.db') }, useModels: false, flushIntervalMs: 10, ...options });
  const hits: Record<string, number> = {};
  const stream: TestApp['stream'] = {};
  const hit = (name: string) => { hits[name] = (hits[name] ?? 0) + 1; };

  const app = new Koa();
  app.silent = true; // the thrown test error is expected; don't print it
  const router = new Router();
  router.get('/hello', (ctx) => { hit('hello'); ctx.body = 'Hello'; });
  router.get('/products/:id', (ctx) => { hit('product'); ctx.body = { id: ctx.params.id, name: 'Blue shoes' }; });
  router.post('/login', (ctx) => {
    hit('login');
    ctx.status = 401;
    ctx.body = `Wrong password for ${String((ctx.request as { body?: { username?: string } }).body?.username)}`;
  });
  router.get('/boom', () => { hit('boom'); throw new Error('handler failed'); });
  router.get('/refuse', (ctx) => { hit('refuse'); ctx.throw(422, 'not this'); });
  router.get('/slow', async (ctx) => { hit('slow'); await sleep(400); ctx.body = 'late'; });
  router.get('/stream', (ctx) => {
    hit('stream');
    ctx.respond = false; // the handler writes the raw response itself
    writeChunkedStream(ctx.res, stream);
  });
  router.get('/readable', (ctx) => {
    hit('readable');
    ctx.type = 'application/octet-stream';
    ctx.body = Readable.from((function* () { for (let i = 0; i < STREAM_CHUNKS; i++) yield STREAM_CHUNK; })());
  });
  app.use(middleware);
  app.use(bodyParser());
  app.use(router.routes());

  return serveTestApp({ handler: app.callback(), middleware, tmp, hits, stream });
}

/** Every suite runs on both major versions. */
export const FLAVOURS: readonly Flavour[] = [
  { name: 'Koa 3', start: (options) => startApp(Koa3, options) },
  { name: 'Koa 2', start: (options) => startApp(Koa2, options) },
];
