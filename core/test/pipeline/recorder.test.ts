import { expect } from 'chai';
import { Recorder } from '../../src/index.js';
import type { RequestLogStore } from '../../src/ports/stores.js';
import { collectingLogger, record, sleep, tempSqlite, until } from './sqlite-temp.js';

/** The real SQLite store behind a switch that makes `append` fail, standing in for a database outage. */
function switchable(store: RequestLogStore) {
  const state = { down: false, appends: 0 as number, sizes: [] as number[] };
  const wrapped: RequestLogStore = Object.create(store);
  wrapped.append = async (records) => {
    state.appends++;
    if (state.down) throw new Error('connect ECONNREFUSED (simulated outage)');
    state.sizes.push(records.length);
    return store.append(records);
  };
  return { store: wrapped, state };
}

describe('pipeline: Recorder (SQLite)', () => {
  let db: Awaited<ReturnType<typeof tempSqlite>>;
  beforeEach(async () => { db = await tempSqlite(); });
  afterEach(async () => { await db.dispose(); });

  it('writes pushed records within the flush interval, in order', async () => {
    const recorder = new Recorder(db.storage.requests, { flushIntervalMs: 20 });
    const pushed = [record({ sessionID: 's-order' }), record({ sessionID: 's-order' }), record({ sessionID: 's-order' })];
    for (const r of pushed) recorder.push(r);
    expect(await db.storage.requests.count()).to.equal(0);
    await until(async () => (await db.storage.requests.count()) === 3);
    const stored = await db.storage.requests.findBySession('s-order');
    expect(stored.map((r) => r.path)).to.deep.equal(pushed.map((r) => r.path));
    expect(recorder.stats()).to.include({ written: 3, queued: 0, dropped: 0 });
    await recorder.close();
  });

  it('writes full batches at once, without waiting for the interval; the rest waits for it', async () => {
    const { store, state } = switchable(db.storage.requests);
    const recorder = new Recorder(store, { flushIntervalMs: 400, batchSize: 50 });
    const started = Date.now();
    for (let i = 0; i < 120; i++) recorder.push(record());
    await until(() => recorder.stats().written === 100);
    expect(Date.now() - started, 'full batches go at once').to.be.below(300);
    expect(recorder.stats().queued).to.equal(20);
    await until(() => recorder.stats().written === 120);
    expect(Date.now() - started, 'the rest goes with the interval').to.be.at.least(380);
    expect(state.sizes).to.deep.equal([50, 50, 20]);
    expect(await db.storage.requests.count()).to.equal(120);
    await recorder.close();
  });

  it('under steady traffic writes one append per interval, not one per write round trip', async () => {
    const { store, state } = switchable(db.storage.requests);
    const slowed: RequestLogStore = Object.create(store);
    slowed.append = async (records) => { await sleep(5); return store.append(records); }; // a database round trip
    const recorder = new Recorder(slowed, { flushIntervalMs: 100, batchSize: 2000 });
    const started = Date.now();
    while (Date.now() - started < 450) {
      recorder.push(record());
      await sleep(1);
    }
    await recorder.close();
    const pushed = state.sizes.reduce((a, b) => a + b, 0);
    expect(recorder.stats()).to.include({ written: pushed, dropped: 0 });
    // About 450 / 100 intervals plus close(); writing on after each append would make ~80 small ones.
    expect(state.sizes.length).to.be.within(3, 7);
  });

  it('bounds the queue, counts drops and warns once', async () => {
    const logger = collectingLogger();
    const recorder = new Recorder(db.storage.requests, { queueLimit: 10, flushIntervalMs: 60_000, batchSize: 1000, logger });
    for (let i = 0; i < 25; i++) recorder.push(record());
    expect(recorder.stats()).to.include({ queued: 10, dropped: 15 });
    expect(logger.messages.filter((m) => m.includes('queue is full'))).to.have.length(1);
    await recorder.close();
    expect(await db.storage.requests.count()).to.equal(10);
  });

  it('keeps records through database errors (store switched off) and writes them once it is back, with backoff', async () => {
    const { store, state } = switchable(db.storage.requests);
    const logger = collectingLogger();
    const recorder = new Recorder(store, { flushIntervalMs: 10, retryDelayMs: 20, maxRetryDelayMs: 80, logger });
    state.down = true;
    for (let i = 0; i < 5; i++) recorder.push(record());
    await sleep(300);
    const attemptsWhileDown = state.appends;
    // Backoff 20, 40, 80, 80 … ms: a handful of attempts in 300 ms, not one per 10 ms tick.
    expect(attemptsWhileDown).to.be.within(2, 8);
    expect(recorder.stats()).to.include({ queued: 5, written: 0 });
    expect(recorder.stats().lastError).to.match(/ECONNREFUSED/);
    expect(() => recorder.push(record())).not.to.throw();
    state.down = false;
    await until(async () => (await db.storage.requests.count()) === 6);
    expect(recorder.stats().lastError).to.equal(undefined);
    expect(logger.messages.filter((m) => m.includes('failed'))).to.have.length(1);
    expect(logger.messages.some((m) => m.includes('recovered'))).to.equal(true);
    await recorder.close();
  });

  it('close() writes what is queued; flush() writes now', async () => {
    const recorder = new Recorder(db.storage.requests, { flushIntervalMs: 60_000 });
    recorder.push(record());
    await recorder.flush();
    expect(await db.storage.requests.count()).to.equal(1);
    recorder.push(record());
    recorder.push(record());
    await recorder.close();
    expect(await db.storage.requests.count()).to.equal(3);
  });

  it('drops (and counts) records pushed after close(), instead of holding them forever', async () => {
    const recorder = new Recorder(db.storage.requests, { flushIntervalMs: 5 });
    recorder.push(record());
    await recorder.close();
    recorder.push(record());
    await sleep(30);
    expect(recorder.stats()).to.include({ written: 1, queued: 0, dropped: 1 });
    expect(await db.storage.requests.count()).to.equal(1);
  });

  it('close() gives up after its timeout when the database stays down, counting the loss', async () => {
    const { store, state } = switchable(db.storage.requests);
    const logger = collectingLogger();
    const recorder = new Recorder(store, { flushIntervalMs: 60_000, retryDelayMs: 10, logger });
    state.down = true;
    recorder.push(record());
    recorder.push(record());
    const started = Date.now();
    await recorder.close(150);
    expect(Date.now() - started).to.be.below(1000);
    expect(recorder.stats()).to.include({ queued: 0, dropped: 2 });
    expect(logger.messages.some((m) => m.includes('2 request records unwritten'))).to.equal(true);
  });

  it('push() queues without a database round trip', () => {
    let appends = 0;
    const store = { ...db.storage.requests, append: async () => { appends++; } };
    const recorder = new Recorder(store, { flushIntervalMs: 60_000, batchSize: 1_000_000 });
    for (let i = 0; i < 20_000; i++) recorder.push(record());
    expect(appends).to.equal(0);
    expect(recorder.stats()).to.include({ queued: 20_000, dropped: 0 });
    void recorder.close(0);
  });
});

describe('pipeline: Recorder with a write budget (store writing on this thread)', () => {
  let db: Awaited<ReturnType<typeof tempSqlite>>;
  beforeEach(async () => { db = await tempSqlite(); });
  afterEach(async () => { await db.dispose(); });

  /** The real store, made to hold the thread ~`msPerRecord` per record (a slower disk), logging each append. */
  function slowStore(msPerRecord: number, events: string[]) {
    const store: RequestLogStore = Object.create(db.storage.requests);
    const sizes: number[] = [];
    store.append = async (records) => {
      const until = performance.now() + msPerRecord * records.length;
      while (performance.now() < until) { /* busy: a synchronous write */ }
      sizes.push(records.length);
      events.push('append');
      return db.storage.requests.append(records);
    };
    return { store, sizes };
  }

  it('sizes appends to the budget from the measured time per record, and keeps every record in order', async () => {
    const events: string[] = [];
    const { store, sizes } = slowStore(0.05, events); // 20 records per 1 ms
    const recorder = new Recorder(store, { flushIntervalMs: 60_000, batchSize: 2000, writeBudgetMs: 1 });
    for (let i = 0; i < 1500; i++) recorder.push(record({ sessionID: 's-budget', path: `/p/${i}` }));
    await recorder.flush();
    expect(sizes[0]).to.equal(100); // first guess: 10 µs per record
    expect(Math.max(...sizes.slice(5))).to.be.at.most(40);
    expect(Math.min(...sizes.slice(0, -1))).to.be.at.least(16); // the last takes what is left
    expect(sizes.reduce((a, b) => a + b, 0)).to.equal(1500);
    const stored = await db.storage.requests.findBySession('s-budget');
    expect(stored.map((r) => r.path)).to.deep.equal(Array.from({ length: 1500 }, (_, i) => `/p/${i}`));
    await recorder.close();
  });

  it('lets waiting callbacks run between appends, in flush() as in the timer-driven drain', async () => {
    const events: string[] = [];
    const { store } = slowStore(0.01, events);
    const recorder = new Recorder(store, { flushIntervalMs: 60_000, batchSize: 2000, writeBudgetMs: 1 });
    for (let i = 0; i < 600; i++) recorder.push(record());
    let ticking = true;
    const tick = () => { events.push('tick'); if (ticking) setImmediate(tick); };
    setImmediate(tick);
    await recorder.flush();
    ticking = false;
    const appends = events.filter((e) => e === 'append').length;
    expect(appends).to.be.at.least(3);
    expect(events.join(' ')).to.not.include('append append');
    await recorder.close();
  });

  it('without a budget, writes batchSize records per append', async () => {
    const events: string[] = [];
    const { store, sizes } = slowStore(0, events);
    const recorder = new Recorder(store, { flushIntervalMs: 60_000, batchSize: 2000 });
    for (let i = 0; i < 2500; i++) recorder.push(record());
    await recorder.flush();
    expect(sizes).to.deep.equal([2000, 500]);
    await recorder.close();
  });
});
