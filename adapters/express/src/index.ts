import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createExchangeCapture, createWardenHandle, resolveOptions, refuseBlocked,
  type Warden, type WardenHandle, type WardenOptions,
} from '@session-warden/core';

/** The adapter takes exactly core's options (redaction included). */
export type ExpressWardenOptions = WardenOptions;

/** The shape Express 4 and 5 both call: (req, res, next). */
type Request = IncomingMessage & { originalUrl?: string; body?: unknown };
type Next = (err?: unknown) => void;
/** The part of the Express app (`req.app`) this middleware touches. */
type App = { use(handler: (err: unknown, req: Request, res: ServerResponse, next: Next) => void): unknown };

export interface WardenMiddleware {
  (req: Request, res: ServerResponse, next: Next): void;
  /** Resolves once storage is open and plugins are registered. */
  readonly ready: Promise<Warden>;
  readonly handle: WardenHandle;
  /** Flushes queued records, closes open sessions and the database. */
  close(): Promise<void>;
}

/**
 * `app.use(warden(options))`: refuses blocked clients before any route runs, and records
 * every other exchange when it ends. Put it first, before body parsers and routes.
 */
export function warden(options: ExpressWardenOptions = {}): WardenMiddleware {
  // Options are checked (and trustProxy and redaction compiled) before the Warden starts, so a typo fails here, at once.
  const { blockStatus, ...resolved } = resolveOptions(options);
  const capture = createExchangeCapture(resolved);
  const handle = createWardenHandle(options);
  const record = handle.record.bind(handle);

  // An error passed to next(err) that no handler of the app deals with is answered by Express's
  // final handler, often with a 4xx (a body parser's 400 or 413): the record must still say the
  // request failed. An error handler appended to the app on its first request (its routes exist
  // by then) sees such errors last, flags the exchange and passes the error on untouched. One
  // warden(...) per app, as `app.use(warden(...))` makes it: a second app would not get it.
  const flagUnhandled = (err: unknown, _req: Request, res: ServerResponse, next: Next): void => {
    capture.markFailed(res);
    next(err);
  };
  let flaggingErrors = false;

  const middleware = (req: Request, res: ServerResponse, next: Next): void => {
    // Nothing else is read from req or res here: Express re-prototypes both, which makes every
    // property read cost about a microsecond; core reads them as they arrived, before Express saw them.
    if (!flaggingErrors) {
      flaggingErrors = true;
      (req as Request & { app?: App }).app?.use(flagUnhandled);
    }
    const clientIp = capture.clientIpOf(req);
    const block = handle.blockedFor(clientIp.ip);
    if (block) {
      capture.track(req, res, { clientIp, blocked: true, onRecord: record });
      handle.countRefused(clientIp.ip);
      refuseBlocked(res, blockStatus, block.retryAfterSec);
      return;
    }
    // Body parsers run after this middleware, so the body is read when the response is over.
    capture.track(req, res, { clientIp, readBody: () => req.body, onRecord: record });
    next();
  };

  return Object.assign(middleware, {
    ready: handle.ready,
    handle,
    close: () => handle.close(),
  });
}

export default warden;
