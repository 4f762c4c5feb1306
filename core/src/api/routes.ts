import { isIP } from 'node:net';
import { Router } from '@koa/router';
import { ValidationError } from '../errors.js';
import { checkSessionId } from '../pipeline/classifier-service.js';
import { normaliseIp } from '../capture/ip-address.js';
import type { Warden } from '../runtime/warden.js';
import { requireApiKey } from './auth.js';
import { readJsonBody } from './json-body.js';
import { classificationBody, sessionBody } from './views.js';

export const MAX_API_BODY_BYTES = 16 * 1024;

function sesIdFrom(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('The body must be a JSON object such as {"sesID": "..."}.', 'WARDEN_BAD_JSON');
  }
  if (!('sesID' in body)) throw new ValidationError('The body has no "sesID"; send {"sesID": "<session id>"}.', 'WARDEN_BAD_SESSION_ID');
  return checkSessionId((body as { sesID: unknown }).sesID);
}

function ipParam(raw: string): string {
  const ip = normaliseIp(raw);
  if (!ip || !isIP(ip)) throw new ValidationError(`"${raw.slice(0, 64)}" is not an IP address.`, 'WARDEN_BAD_IP');
  return ip;
}

/** The classifier API: the older Flask API's `POST /api`, plus admin endpoints behind the API key. */
export function apiRoutes(warden: Warden, apiKey: string | undefined): Router {
  const router = new Router();
  const admin = requireApiKey(apiKey);

  router.post('/api', async (ctx) => {
    const sesID = sesIdFrom(await readJsonBody(ctx.req, MAX_API_BODY_BYTES));
    const result = await warden.classifyNow(sesID);
    if (!result) {
      ctx.status = 404;
      ctx.body = { error: 'not_found', message: `No requests are recorded for session "${sesID}".` };
      return;
    }
    ctx.body = classificationBody(result);
  });

  router.get('/api/sessions/:id', admin, async (ctx) => {
    const row = await warden.storage.sessions.get(checkSessionId(ctx.params.id));
    if (!row) {
      ctx.status = 404;
      ctx.body = { error: 'not_found', message: `Session "${ctx.params.id}" has not been classified.` };
      return;
    }
    ctx.body = sessionBody(row);
  });

  router.get('/api/blocklist', admin, async (ctx) => {
    const entries = await warden.storage.blocklist.listActive(new Date());
    ctx.body = { blocked: entries.map((e) => ({ ...e, blockedAt: e.blockedAt.toISOString(), blockedUntil: e.blockedUntil.toISOString() })) };
  });

  router.delete('/api/blocklist/:ip', admin, async (ctx) => {
    const ip = ipParam(ctx.params.ip!);
    if (!(await warden.unblock(ip))) {
      ctx.status = 404;
      ctx.body = { error: 'not_found', message: `${ip} is not on the blocklist.` };
      return;
    }
    ctx.body = { unblocked: ip };
  });

  router.get('/healthz', async (ctx) => {
    try {
      await warden.storage.ping();
      ctx.body = { status: 'ok', database: 'up', storage: warden.storage.description };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'degraded', database: 'down', storage: warden.storage.description };
    }
  });

  return router;
}
