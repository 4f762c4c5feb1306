import { expect } from 'chai';
import { performance } from 'node:perf_hooks';
import { BlocklistCache } from '../../src/index.js';
import type { BlockEntry } from '../../src/ports/records.js';
import { collectingLogger, sleep, tempSqlite, until } from './sqlite-temp.js';

const entry = (ip: string, seconds: number, now = Date.now()): BlockEntry => ({
  clientIP: ip, blockedAt: new Date(now), blockedUntil: new Date(now + seconds * 1000), reason: 'test',
});

describe('pipeline: BlocklistCache (SQLite)', () => {
  let db: Awaited<ReturnType<typeof tempSqlite>>;
  let cache: BlocklistCache | undefined;
  beforeEach(async () => { db = await tempSqlite(); });
  afterEach(async () => { await cache?.close(); cache = undefined; await db.dispose(); });

  it('loads the active blocks on start', async () => {
    await db.storage.blocklist.block(entry('203.0.113.1', 60));
    await db.storage.blocklist.block(entry('203.0.113.2', -1));
    cache = new BlocklistCache(db.storage.blocklist);
    await cache.start();
    expect(cache.isBlocked('203.0.113.1')?.reason).to.equal('test');
    expect(cache.isBlocked('203.0.113.2')).to.equal(null);
    expect(cache.isBlocked('198.51.100.1')).to.equal(null);
  });

  it('sees a block or unblock written by someone else within the refresh interval', async () => {
    cache = new BlocklistCache(db.storage.blocklist, { refreshIntervalMs: 100 });
    await cache.start();
    await db.storage.blocklist.block(entry('203.0.113.9', 60));
    await until(() => cache!.isBlocked('203.0.113.9') !== null, 1000);
    await db.storage.blocklist.unblock('203.0.113.9');
    await until(() => cache!.isBlocked('203.0.113.9') === null, 1000);
  });

  it('applies in-process blocks at once, and a refresh running meanwhile does not lose them', async () => {
    cache = new BlocklistCache(db.storage.blocklist, { refreshIntervalMs: 60_000 });
    await cache.start();
    const refreshing = cache.refresh();
    cache.add(entry('203.0.113.5', 60));
    expect(cache.isBlocked('203.0.113.5')).not.to.equal(null);
    await refreshing;
    expect(cache.isBlocked('203.0.113.5')).not.to.equal(null);
  });

  it('lets a block expire by time, without a refresh', async () => {
    cache = new BlocklistCache(db.storage.blocklist, { refreshIntervalMs: 60_000 });
    await cache.start();
    const now = Date.now();
    cache.add(entry('203.0.113.6', 1, now));
    expect(cache.isBlocked('203.0.113.6', now + 999)).not.to.equal(null);
    expect(cache.isBlocked('203.0.113.6', now + 1000)).to.equal(null);
    expect(cache.size).to.equal(0);
  });

  it('writes refused counters to the store in batches', async () => {
    await db.storage.blocklist.block(entry('203.0.113.7', 60));
    cache = new BlocklistCache(db.storage.blocklist, { refreshIntervalMs: 50 });
    await cache.start();
    for (let i = 0; i < 7; i++) cache.countRefused('203.0.113.7');
    await until(async () => (await db.storage.blocklist.get('203.0.113.7'))?.refusedCount === 7, 1000);
    cache.countRefused('203.0.113.7');
    await cache.close();
    expect((await db.storage.blocklist.get('203.0.113.7'))?.refusedCount).to.equal(8);
  });

  it('writes at most 500 refused counters a refresh, letting requests through between groups, and the rest at close', async () => {
    const ips = Array.from({ length: 600 }, (_, i) => `198.51.${100 + (i >> 8)}.${i & 255}`);
    for (const ip of ips) await db.storage.blocklist.block(entry(ip, 60));
    cache = new BlocklistCache(db.storage.blocklist, { refreshIntervalMs: 60_000 });
    await cache.start();
    for (const ip of ips) cache.countRefused(ip);
    let waitingCallbackRan = false;
    setImmediate(() => { waitingCallbackRan = true; });
    await cache.flushRefused();
    expect(waitingCallbackRan).to.equal(true);
    const counted = async () => (await db.storage.blocklist.listActive(new Date())).filter((e) => e.refusedCount === 1).length;
    expect(await counted()).to.equal(500);
    await cache.close();
    cache = undefined;
    expect(await counted()).to.equal(600);
  });

  it('spaces full reads of a slow blocklist to twenty times their duration, and reads recent blocks in between (store made slow)', async () => {
    const slow = Object.create(db.storage.blocklist);
    const fullReadsAt: number[] = [];
    let recentReads = 0;
    slow.listActive = async (now: Date, blockedSince?: Date) => {
      if (blockedSince) recentReads++;
      else {
        fullReadsAt.push(performance.now());
        const busyUntil = performance.now() + 30;
        while (performance.now() < busyUntil) { /* a large blocklist being read on the event loop */ }
      }
      return db.storage.blocklist.listActive(now, blockedSince);
    };
    await db.storage.blocklist.block(entry('203.0.113.20', 60));
    cache = new BlocklistCache(slow, { refreshIntervalMs: 50 });
    await cache.start();
    // Blocked and unblocked by someone else: the block shows at the next read of recent blocks, the unblock at the next full read.
    await db.storage.blocklist.block(entry('203.0.113.21', 60));
    await db.storage.blocklist.unblock('203.0.113.20');
    await until(() => cache!.isBlocked('203.0.113.21') !== null, 1000);
    expect(fullReadsAt).to.have.length(1);
    expect(cache.isBlocked('203.0.113.20')).not.to.equal(null);
    await until(() => cache!.isBlocked('203.0.113.20') === null, 3000);
    expect(fullReadsAt).to.have.length(2);
    expect(fullReadsAt[1]! - fullReadsAt[0]!).to.be.at.least(20 * 30);
    expect(recentReads).to.be.greaterThan(3);
  });

  it('keeps the known blocks when the store fails, warning once (store made to fail)', async () => {
    const logger = collectingLogger();
    const failing = Object.create(db.storage.blocklist);
    let down = false;
    failing.listActive = async (now: Date) => { if (down) throw new Error('database is down (simulated)'); return db.storage.blocklist.listActive(now); };
    await db.storage.blocklist.block(entry('203.0.113.8', 60));
    cache = new BlocklistCache(failing, { refreshIntervalMs: 20, logger });
    await cache.start();
    down = true;
    await sleep(120);
    expect(cache.isBlocked('203.0.113.8')).not.to.equal(null);
    expect(logger.messages.filter((m) => m.includes('could not refresh'))).to.have.length(1);
  });

  it('answers isBlocked from memory, without touching the store', async () => {
    cache = new BlocklistCache(db.storage.blocklist, { refreshIntervalMs: 60_000 });
    await cache.start();
    for (let i = 0; i < 1000; i++) cache.add(entry(`10.0.${i >> 8}.${i & 255}`, 60));
    const calls: string[] = [];
    const store = db.storage.blocklist as unknown as Record<string, unknown>;
    const originals = ['get', 'listActive', 'block', 'unblock', 'addRefused'].map((name) => [name, store[name]] as const);
    for (const [name, fn] of originals) store[name] = (...args: unknown[]) => { calls.push(name); return (fn as (...a: unknown[]) => unknown).apply(db.storage.blocklist, args); };
    try {
      let hits = 0;
      for (let i = 0; i < 2000; i++) if (cache.isBlocked(`10.0.${(i >> 8) & 7}.${i & 255}`)) hits++;
      expect(hits).to.equal(1000);
      expect(calls).to.deep.equal([]);
    } finally {
      for (const [name, fn] of originals) store[name] = fn;
    }
  });
});
