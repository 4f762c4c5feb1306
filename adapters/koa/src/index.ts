import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createExchangeCapture, createWardenHandle, resolveOptions, refusalText,
  type Warden, type WardenHandle, type WardenOptions,
} from '@session-warden/core';

/** The adapter takes exactly core's options (redaction included). */
export type KoaWardenOptions = WardenOptions;

/** The part of a Koa 2 or 3 context this middleware touches. */
export interface KoaContext {
  req: IncomingMessage;
  res: ServerResponse;
  originalUrl: string;
  request: { body?: unknown };
  status: number;
  body: unknown;
  type: string;
  set(field: string, value: string): void;
}

export interface WardenMiddleware {
  (ctx: KoaContext, next: () => Promise<unknown>): Promise<void>;
  /** Resolves once storage is open and plugins are registered. */
  readonly ready: Promise<Warden>;
  readonly handle: WardenHandle;
  /** Flushes queued records, closes open sessions and the database. */
  close(): Promise<void>;
}

const noValue = (): void => {};

/**
 * `app.use(warden(options))`: refuses blocked clients before any later middleware runs, and
 * records every other exchange when it ends. Put it first, before body parsers and routes.
 */
export function warden(options: KoaWardenOptions = {}): WardenMiddleware {
  // Options are checked (and trustProxy and redaction compiled) before the Warden starts, so a typo fails here, at once.
  const { blockStatus, ...resolved } = resolveOptions(options);
  const capture = createExchangeCapture(resolved);
  const handle = createWardenHandle(options);
  const record = handle.record.bind(handle);

  // Not an async function: one `then` on the rest of the chain costs less than an async frame and its await.
  const middleware = (ctx: KoaContext, next: () => Promise<unknown>): Promise<void> => {
    const clientIp = capture.clientIpOf(ctx.req);
    const block = handle.blockedFor(clientIp.ip);
    if (block) {
      capture.track(ctx.req, ctx.res, { clientIp, url: ctx.originalUrl, blocked: true, onRecord: record });
      handle.countRefused(clientIp.ip);
      ctx.status = blockStatus;
      ctx.set('Retry-After', String(block.retryAfterSec));
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/plain';
      ctx.body = refusalText(blockStatus, block.retryAfterSec);
      return Promise.resolve();
    }
    const exchange = capture.track(ctx.req, ctx.res, { clientIp, url: ctx.originalUrl, readBody: () => ctx.request.body, onRecord: record });
    return next().then(noValue, (err: unknown) => {
      exchange.markFailed(); // Koa turns the error into a response after this; the record keeps the fact
      throw err;
    });
  };

  return Object.assign(middleware, {
    ready: handle.ready,
    handle,
    close: () => handle.close(),
  });
}

export default warden;
