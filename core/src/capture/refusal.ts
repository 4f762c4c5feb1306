import type { ServerResponse } from 'node:http';

/** The short body a blocked client gets; says what happened and when to come back, nothing more. */
export function refusalText(status: number, retryAfterSec: number): string {
  const what = status === 429 ? 'Too Many Requests' : 'Forbidden';
  return `${what}: requests from your address are temporarily blocked. Retry after ${retryAfterSec} seconds.\n`;
}

/** Answers a blocked request on the raw response: status, Retry-After, short text body. */
export function refuseBlocked(res: ServerResponse, status: number, retryAfterSec: number): void {
  const body = refusalText(status, retryAfterSec);
  res.statusCode = status;
  res.setHeader('Retry-After', String(retryAfterSec));
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}
