import { setTimeout as sleep } from 'node:timers/promises';
import type { ResolvedOptions, WardenOptions } from '../config/options.js';
import { resolveOptions } from '../config/validate.js';
import { WardenConfigError } from '../errors.js';
import type { RequestRecord } from '../ports/index.js';
import { log } from './log.js';
import { Warden } from './warden.js';

type PendingRecord = Omit<RequestRecord, 'sessionID'>;

/** What an adapter holds: usable at once, while the Warden starts in the background. */
export interface WardenHandle {
  readonly options: ResolvedOptions;
  /** Resolves when the Warden has started; rejects only on a configuration error. */
  readonly ready: Promise<Warden>;
  blockedFor(clientIP: string, now?: number): { retryAfterSec: number; reason: string } | null;
  record(record: PendingRecord): void;
  countRefused(clientIP: string): void;
  close(): Promise<void>;
}

/** Start-up retries: a database that is down at start must not take the app down with it. */
const MAX_START_DELAY_MS = 30_000;

/**
 * Synchronous, so `app.use(warden(options))` needs no await. Bad options throw here, at once.
 * Until the Warden is up, requests pass and their records wait in a bounded buffer.
 */
export function createWardenHandle(input: WardenOptions = {}): WardenHandle {
  const options = resolveOptions(input);
  let warden: Warden | undefined;
  let closed = false;
  let buffer: PendingRecord[] = [];
  let dropped = 0;

  const ready = (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        warden = await Warden.start(input);
        break;
      } catch (err) {
        if (err instanceof WardenConfigError || closed) throw err;
        log.warnOnce('start', `Session Warden could not start (${(err as Error).message}); requests are served and their records kept in memory while it retries.`);
        await sleep(Math.min(MAX_START_DELAY_MS, 500 * 2 ** attempt));
      }
    }
    for (const record of buffer) warden.record(record);
    buffer = [];
    if (dropped) log.warnOnce('start-dropped', `${dropped} request records were dropped while Session Warden was starting (queueLimit ${options.queueLimit}).`);
    return warden;
  })();
  ready.catch((err) => log.warnOnce('start-failed', `Session Warden is not running: ${(err as Error).message}`));

  return {
    options,
    ready,
    blockedFor: (ip, now) => warden?.blockedFor(ip, now) ?? null,
    record(record) {
      if (warden) warden.record(record);
      else if (buffer.length < options.queueLimit) buffer.push(record);
      else dropped++;
    },
    countRefused: (ip) => warden?.countRefused(ip),
    async close() {
      closed = true;
      if (warden) await warden.close();
    },
  };
}
