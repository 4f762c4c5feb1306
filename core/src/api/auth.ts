import { createHash, timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Requires `Authorization: Bearer <key>` when a key is set; compares in constant time. */
export function requireApiKey(apiKey: string | undefined): Middleware {
  const expected = apiKey ? digest(apiKey) : undefined;
  return async (ctx, next) => {
    if (expected) {
      const match = /^Bearer (.+)$/.exec(ctx.get('authorization'));
      if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
        ctx.status = 401;
        ctx.set('WWW-Authenticate', 'Bearer');
        ctx.body = { error: 'unauthorized', message: 'Send Authorization: Bearer <WARDEN_API_KEY>.' };
        return;
      }
    }
    await next();
  };
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host) || host === '::ffff:127.0.0.1';
}
