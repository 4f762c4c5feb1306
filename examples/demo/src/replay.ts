import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DemoClient, PlannedRequest } from './clients.js';
import type { TrafficCounters } from './traffic-counters.js';

interface Answer { status: number; retryAfter?: string }

function send(agent: http.Agent, base: URL, client: DemoClient, r: PlannedRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'user-agent': client.userAgent, 'x-forwarded-for': client.ip, accept: 'text/html,*/*' };
    if (r.contentType) headers['content-type'] = r.contentType;
    const req = http.request({ host: base.hostname, port: base.port, path: r.url, method: r.method, agent, headers, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(r.body);
  });
}

/**
 * Plays one client's requests at their planned times over its own keep-alive connection, one at
 * a time like a browser tab or a simple tool: a client that falls behind sends as fast as answers come.
 */
export async function replayClient(base: URL, client: DemoClient, startedAt: number, counters: TrafficCounters, signal: AbortSignal): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (const r of client.requests) {
      const wait = startedAt + r.atMs - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal }).catch(() => undefined);
      if (signal.aborted) return;
      counters.sent++;
      try {
        const answer = await send(agent, base, client, r);
        counters.answered++;
        if (answer.status === 403 && answer.retryAfter) counters.noteRefused(client.ip, Date.now() - startedAt);
      } catch {
        counters.failed++;
      }
    }
  } finally {
    agent.destroy();
  }
}
