import { setTimeout as sleep } from 'node:timers/promises';

export interface RemoteClassifierOptions {
  url: string;
  timeoutMs?: number;
  retries?: number;
}

/**
 * Asks a classifier API (`POST {url}/api {"sesID"}`) to classify a session, as the older middleware
 * asked its Python API. Retries network errors and 5xx with backoff; a 4xx is final.
 */
export async function classifyRemotely(sessionID: string, options: RemoteClassifierOptions): Promise<unknown> {
  const endpoint = new URL('/api', options.url).href;
  const retries = options.retries ?? 2;
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(200 * 2 ** (attempt - 1));
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sesID: sessionID }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      const body = await res.json().catch(() => null);
      if (res.ok) return body;
      lastError = new Error(`classifier API ${endpoint} answered ${res.status}: ${JSON.stringify(body)}`);
      if (res.status < 500) break;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
