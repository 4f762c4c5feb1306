import type { DependencyContainer } from 'tsyringe';
import type { ResolvedOptions, WardenOptions } from '../config/options.js';
import { resolveOptions } from '../config/validate.js';
import { registerPlugins } from '../plugin/registry.js';
import { createWardenContainer } from '../plugin/container.js';
import type { BlockEntry, RequestRecord, SessionClosed, Sessionizer, Storage } from '../ports/index.js';
import { isAllowedIp } from '../pipeline/allow-list.js';
import { BlocklistCache } from '../pipeline/blocklist-cache.js';
import { BudgetedTurns } from '../pipeline/budgeted-turns.js';
import { ClassifierService } from '../pipeline/classifier-service.js';
import { maxAbnormalPolicy } from '../pipeline/max-abnormal-policy.js';
import { OneATurn, yieldToRequests } from '../pipeline/one-a-turn.js';
import { OpenSessionRecords } from '../pipeline/open-session-records.js';
import { Recorder } from '../pipeline/recorder.js';
import { classifyRemotely } from '../pipeline/remote-classifier.js';
import { TaskQueue } from '../pipeline/task-queue.js';
import { openStorage } from '../storage/index.js';
import { TOKENS } from '../tokens.js';
import { defaultPlugins } from './default-plugins.js';
import { log } from './log.js';

/** The session ID the older tools store for requests that are not grouped into sessions. */
export const UNGROUPED_SESSION = 'newRequest';

/**
 * How long a closed session waits for others to share its batch, and the largest batch. A batch
 * has a fixed cost on the event loop whatever its size (a timer, turns, one call per model, one
 * verdict write posted to the writer thread, and on a busy server cold caches for code that runs
 * once a batch). With sessions of 180 requests closing every 14 ms (`npm run bench:record`),
 * sessions and classification added 2.5 µs of event loop per request with a 20 ms window and
 * 1.4 µs with this one. A verdict is at most this much later for it, against sessions that last
 * seconds to minutes.
 */
const CLASSIFY_BATCH_WINDOW_MS = 200;
const CLASSIFY_MAX_BATCH = 256;
/**
 * Closed sessions waiting to be classified at most. Those waiting with their records are bounded
 * apart (OpenSessionRecords); the rest are a few hundred bytes each, so a sweep that closes tens of
 * thousands of sessions at once loses none.
 */
const CLASSIFY_QUEUE_LIMIT = 200_000;
/**
 * How long the sessions starting in one turn of the event loop may hold it before the rest wait a
 * turn, and how many may start in one: when their shared model call returns, each finishes its
 * verdict in that same turn (tens of µs each).
 */
const CLASSIFY_TURN_BUDGET_MS = 2;
const CLASSIFY_TURN_SESSIONS = 64;

/** A closed session waiting to be classified, with its records when they were all still in memory. */
interface ClosedSession {
  event: SessionClosed;
  held?: RequestRecord[];
}

function resolveAll<T>(container: DependencyContainer, token: symbol): T[] {
  return container.isRegistered(token, true) ? container.resolveAll<T>(token) : [];
}

/** Builds the DI container: storage, then listed plugins, then installed defaults for empty ports. */
async function buildContainer(options: ResolvedOptions): Promise<DependencyContainer> {
  const container = createWardenContainer();
  container.register(TOKENS.Options, { useValue: options });
  const plugins = [...options.plugins, ...(await defaultPlugins(options.plugins, options))];
  await registerPlugins(container, plugins, options);
  if (!container.isRegistered(TOKENS.Storage, true)) {
    container.register(TOKENS.Storage, { useValue: await openStorage(options.storage, { legacyBlockDuration: options.blockDuration }) });
  }
  if (!container.isRegistered(TOKENS.BlacklistPolicy, true)) {
    container.register(TOKENS.BlacklistPolicy, { useValue: maxAbnormalPolicy(options.maxAbnormal, options.blockDuration) });
  }
  return container;
}

/**
 * One running Session Warden: records requests, groups them into sessions, classifies closed
 * sessions off the request path and keeps the in-memory blocklist. Adapters and the API server share it.
 */
export class Warden {
  readonly classifier: ClassifierService;
  private readonly recorder: Recorder;
  private readonly blocklist: BlocklistCache;
  private readonly sessionizer?: Sessionizer;
  private readonly classifications: TaskQueue<ClosedSession>;
  private readonly classifyTurns = new BudgetedTurns(CLASSIFY_TURN_BUDGET_MS, CLASSIFY_TURN_SESSIONS);
  /** Closed sessions whose records were not held are read back one a turn (each read parses up to 180 rows). */
  private readonly sessionReads = new OneATurn();
  /** In-process classification only: the open sessions' records, so a closing one is not read back. */
  private readonly openRecords?: OpenSessionRecords;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly callbacks = new Set<Promise<unknown>>();
  private closing?: Promise<void>;

  private constructor(readonly options: ResolvedOptions, readonly storage: Storage, container: DependencyContainer) {
    // A store writing on the event loop (SQLite without its writer thread, e.g. in memory): keep
    // each append to ~2 ms so requests never wait long behind one.
    const onLoop = storage.requests.writesOnEventLoop === true;
    this.recorder = new Recorder(storage.requests, { ...options, writeBudgetMs: onLoop ? 2 : undefined });
    this.blocklist = new BlocklistCache(storage.blocklist);
    this.classifier = new ClassifierService({
      storage, options,
      extractors: resolveAll(container, TOKENS.FeatureExtractor as symbol),
      textClassifiers: resolveAll(container, TOKENS.TextClassifier as symbol),
      featureClassifiers: resolveAll(container, TOKENS.FeatureClassifier as symbol),
      policy: container.resolve(TOKENS.BlacklistPolicy),
      onBlocked: (entry) => this.blocked(entry),
    });
    this.sessionizer = options.custGroupToSess
      ?? (options.groupToSessions && container.isRegistered(TOKENS.Sessionizer, true) ? container.resolve(TOKENS.Sessionizer) : undefined);
    // In process, sessions closing close together are classified as one batch, whose sessions
    // starting in the same turn share one call per model and one write for their verdicts, where
    // each alone would pay a model call's fixed cost (on a busy server mostly reloading the model's
    // weights into the CPU's caches). A remote classifier is asked one session per call, so there
    // a batch is one session.
    const inProcess = options.classifier === 'in-process';
    this.classifications = new TaskQueue((closed) => this.classifyClosed(closed), {
      concurrency: options.classifyConcurrency,
      limit: CLASSIFY_QUEUE_LIMIT,
      batchWindowMs: inProcess ? CLASSIFY_BATCH_WINDOW_MS : 0,
      maxBatch: inProcess ? CLASSIFY_MAX_BATCH : 1,
      onError: (err, { event }) => log.warnOnce('classify', `Could not classify session ${event.sessionID}: ${(err as Error).message}`),
    });
    if (this.sessionizer && inProcess) this.openRecords = new OpenSessionRecords();
    this.sessionizer?.onSessionClosed((event) => {
      const held = this.openRecords?.take(event.sessionID, event.requestCount);
      if (!this.classifications.push({ event, held }) && held) this.openRecords!.release(held);
    });
  }

  /** Resolves options, opens storage, registers plugins and starts the background timers. */
  static async start(input: WardenOptions = {}): Promise<Warden> {
    const options = resolveOptions(input);
    const container = await buildContainer(options);
    const warden = new Warden(options, container.resolve(TOKENS.Storage), container);
    await warden.startTimers();
    return warden;
  }

  private async startTimers(): Promise<void> {
    await this.blocklist.start();
    if (this.sessionizer) this.every(1000, () => this.sessionizer!.sweep(new Date()));
    if (this.options.retentionDays) this.every(3600_000, () => this.purge(), true);
    if (this.options.handleSignals) {
      const onSignal = () => void this.close().finally(() => process.exit(0));
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
    }
  }

  private every(ms: number, job: () => unknown, runNow = false): void {
    const safe = () => { Promise.resolve().then(job).catch((err) => log.warnOnce(`timer:${ms}`, (err as Error).message)); };
    if (runNow) safe();
    const timer = setInterval(safe, ms);
    timer.unref();
    this.timers.push(timer);
  }

  /** In-memory check on the request path; null when the client may pass. */
  blockedFor(clientIP: string, now?: number): { retryAfterSec: number; reason: string } | null {
    if (this.options.mode === 'monitor' || isAllowedIp(clientIP, this.options.allowIPs)) return null;
    const entry = this.blocklist.isBlocked(clientIP, now);
    if (!entry) return null;
    return { retryAfterSec: Math.max(1, Math.ceil((entry.blockedUntil.getTime() - (now ?? Date.now())) / 1000)), reason: entry.reason };
  }

  /** Removes a block from the store and from memory; false when the IP was not blocked. */
  async unblock(clientIP: string): Promise<boolean> {
    const removed = await this.storage.blocklist.unblock(clientIP);
    this.blocklist.remove(clientIP);
    return removed;
  }

  countRefused(clientIP: string): void {
    this.blocklist.countRefused(clientIP);
  }

  /**
   * Assigns the session and queues the record; never throws, never waits. The record is handed
   * over: its session ID is set on it rather than on a copy (one object less per request).
   */
  record(record: Omit<RequestRecord, 'sessionID'>): void {
    try {
      const sessionID = this.assignSession(record);
      const withSession = record as RequestRecord;
      if (typeof sessionID === 'string') {
        withSession.sessionID = sessionID;
        this.queue(withSession);
      } else {
        sessionID.then((id) => { withSession.sessionID = id; }, () => { withSession.sessionID = UNGROUPED_SESSION; })
          .then(() => this.queue(withSession));
      }
    } catch (err) {
      log.warnOnce('record', `Could not record a request: ${(err as Error).message}`);
    }
  }

  private queue(record: RequestRecord): void {
    this.recorder.push(record);
    if (record.sessionID !== UNGROUPED_SESSION) this.openRecords?.add(record);
  }

  private assignSession(record: Omit<RequestRecord, 'sessionID'>): string | Promise<string> {
    // Refused requests are recorded, but they must not keep a blocked client's session alive.
    if (!this.sessionizer || record.flags?.blocked) return UNGROUPED_SESSION;
    return this.sessionizer.assign(record);
  }

  /** Classifies a session now (API, CLI); records still queued for it are written first. */
  async classifyNow(sessionID: string) {
    await this.recorder.flush();
    return this.classifier.classify(sessionID);
  }

  private async classifyClosed({ event, held }: ClosedSession): Promise<void> {
    // Held records (in process): the session starts in a coming turn, with as many others as fit it.
    if (held) return this.classifyInProcess(event.sessionID, held);
    // The close is noticed inside a request's 'close' handler: start after waiting I/O has run.
    await yieldToRequests();
    // Without held records (always so for a remote classifier) storage is read: only then must the
    // session's rows be written first. Flushing on every close would cut the recorder's batches
    // into one small append per closed session under steady traffic.
    await this.recorder.flush();
    if (this.options.classifier !== 'in-process') {
      await classifyRemotely(event.sessionID, this.options.classifier);
      // The classifier API wrote any block it decided: read the blocks made lately, not the whole list.
      await this.blocklist.refreshRecent();
      return;
    }
    await this.classifyInProcess(event.sessionID);
  }

  private async classifyInProcess(sessionID: string, held?: RequestRecord[]): Promise<void> {
    try {
      const records = held ?? await this.sessionReads.run(() => this.storage.requests.findBySession(sessionID));
      const result = await this.classifyTurns.run(() => this.classifier.classify(sessionID, records));
      if (result) this.notify(() => this.options.onVerdict?.(result.session));
    } finally {
      if (held) this.openRecords!.release(held);
    }
  }

  private blocked(entry: BlockEntry): void {
    this.blocklist.add(entry);
    this.notify(() => this.options.onBlock?.(entry));
  }

  /** Runs a user callback off the request path; its failure is logged, never thrown. */
  private notify(callback: () => unknown): void {
    const run = yieldToRequests()
      .then(callback)
      .catch((err) => log.warnOnce('callback', `onVerdict/onBlock callback failed: ${(err as Error).message}`))
      .finally(() => this.callbacks.delete(run));
    this.callbacks.add(run);
  }

  private async purge(): Promise<void> {
    const cutoff = new Date(Date.now() - this.options.retentionDays! * 86_400_000);
    await this.storage.requests.purgeOlderThan(cutoff);
    await this.storage.sessions.purgeOlderThan(cutoff);
  }

  /** Waits until every queued record is written and every closed session classified. */
  async settle(): Promise<void> {
    await this.recorder.flush();
    this.classifications.hurry();
    await this.classifications.idle();
  }

  stats() {
    return { recorder: this.recorder.stats(), classifications: { done: this.classifications.done, failed: this.classifications.failed, dropped: this.classifications.dropped, pending: this.classifications.pending } };
  }

  /** Closes open sessions (classifying them), flushes queued records, then closes storage. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.timers.forEach(clearInterval);
      await this.sessionizer?.closeAll();
      await this.recorder.flush();
      this.classifications.hurry();
      await this.classifications.idle();
      await Promise.all(this.callbacks);
      await this.recorder.close();
      await this.blocklist.close();
      await this.storage.close();
    })();
    return this.closing;
  }
}
