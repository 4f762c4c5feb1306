import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestRecord } from '../../src/ports/records.js';
import type { Storage } from '../../src/ports/stores.js';
import { openStorage } from '../../src/storage/index.js';

/** A real SQLite storage in a fresh temp directory; `dispose` closes and deletes it. */
export async function tempSqlite(): Promise<{ storage: Storage; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-pipeline-'));
  const storage = await openStorage({ type: 'sqlite', database: join(dir, 'warden.db') });
  return {
    storage,
    async dispose() {
      await storage.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let serial = 0;
export function record(overrides: Partial<RequestRecord> = {}): RequestRecord {
  serial++;
  return {
    clientIP: '198.51.100.7', ipSource: 'socket', sessionID: 'sess-1', method: 'GET', path: `/p/${serial}`, query: '',
    statusCode: 200, timestamp: new Date(1_700_000_000_000 + serial), durationMs: 1.5, requestBytes: 100, responseBytes: 200,
    ...overrides,
  };
}

/** Collects warnings instead of printing them. */
export function collectingLogger(): { warn(m: string): void; messages: string[] } {
  const messages: string[] = [];
  return { messages, warn: (m) => messages.push(m) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}
