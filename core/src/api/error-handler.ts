import type { Middleware } from 'koa';
import { StorageUnavailableError, ValidationError } from '../errors.js';
import { BodyTooLargeError } from './json-body.js';

/** Every failure becomes `{ error, message }` with a status that says whose fault it is; nothing crashes the server. */
export const errorHandler: Middleware = async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      ctx.status = 413;
      ctx.body = { error: 'body_too_large', message: err.message };
    } else if (err instanceof ValidationError) {
      ctx.status = 400;
      ctx.body = { error: 'bad_request', message: err.message };
    } else if (err instanceof StorageUnavailableError) {
      ctx.status = 503;
      ctx.set('Retry-After', '5');
      ctx.body = { error: 'storage_unavailable', message: 'The database is not reachable; try again shortly.' };
    } else {
      ctx.status = 500;
      ctx.body = { error: 'internal', message: 'The classifier failed on this request; see the server log.' };
      ctx.app.emit('error', err, ctx);
    }
  }
};
