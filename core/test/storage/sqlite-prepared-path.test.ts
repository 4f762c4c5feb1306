import { expect } from 'chai';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestRecord } from '../../src/ports/records.js';
import type { Storage } from '../../src/ports/stores.js';
import { openStorage } from '../../src/storage/index.js';
import type { SqlContext } from '../../src/storage/sql-context.js';
import { SqlBlocklistStore } from '../../src/storage/sql-blocklist-store.js';
import { SqlRequestLogStore } from '../../src/storage/sql-request-log-store.js';
import { SqlSessionStore } from '../../src/storage/sql-session-store.js';
import { SqlStorage } from '../../src/storage/sql-storage.js';
import { PAGE_ROWS } from '../../src/storage/sqlite-session-read.js';
import { pushRecordWriterParams } from '../../src/storage/writer-params.js';
import { turnCounter } from '../helpers/turns.js';
import { requestRecord, storeSuite, uniqueTag } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-fast-insert-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function contextOf(storage: Storage): SqlContext {
  return (storage as unknown as { ctx: SqlContext }).ctx;
}

/** A session's httplogs rows as SQLite holds them, in insertion order, without id and sessionID. */
async function storedRows(storage: Storage, sessionID: string): Promise<Record<string, unknown>[]> {
  const raw = await (storage as SqlStorage).dataSource.query('SELECT * FROM httplogs WHERE sessionID = ? ORDER BY id', [sessionID]) as Record<string, unknown>[];
  return raw.map(({ id: _id, sessionID: _s, ...rest }) => rest);
}

/** Opens `name` in the temp dir, hands it to `use`, and closes it whatever happens. */
async function withSqlite(name: string, use: (storage: SqlStorage) => Promise<void>): Promise<void> {
  const storage = await openStorage({ type: 'sqlite', database: join(dir, name) }) as SqlStorage;
  try {
    await use(storage);
  } finally {
    await storage.close();
  }
}

/** The same SQLite storage, with its request log on another path (TypeORM's, or prepared statements on the event loop). */
async function openWithRequestLog(database: string, options: { fastPath?: boolean; writerThread?: boolean }): Promise<Storage> {
  const storage = await openStorage({ type: 'sqlite', database }) as SqlStorage;
  await storage.requests.close(); // its writer thread is not used here
  const requests = new SqlRequestLogStore(contextOf(storage), options);
  return Object.assign(Object.create(storage) as Storage, { requests });
}

storeSuite('SQLite, request log through TypeORM (prepared-statement path off)', () => openWithRequestLog(join(dir, 'typeorm-path.db'), { fastPath: false }));
storeSuite('SQLite, classified sessions saved through TypeORM (prepared-statement path off)', async () => {
  const storage = await openStorage({ type: 'sqlite', database: join(dir, 'typeorm-sessions.db') });
  return Object.assign(Object.create(storage) as Storage, { sessions: new SqlSessionStore(contextOf(storage), { fastPath: false }) });
});
storeSuite('SQLite, request log with prepared statements on the event loop (no writer thread)', () => openWithRequestLog(join(dir, 'in-thread.db'), { writerThread: false }));
storeSuite('SQLite, classified sessions saved by prepared statements on the event loop (no writer thread)', async () => {
  const storage = await openStorage({ type: 'sqlite', database: join(dir, 'in-thread-sessions.db') });
  return Object.assign(Object.create(storage) as Storage, { sessions: new SqlSessionStore(contextOf(storage)) });
});

storeSuite('SQLite, blocklist read through TypeORM (prepared-statement path off)', async () => {
  const storage = await openStorage({ type: 'sqlite', database: join(dir, 'typeorm-blocklist.db') });
  return Object.assign(Object.create(storage) as Storage, { blocklist: new SqlBlocklistStore(contextOf(storage), { fastPath: false }) });
});

describe('SQLite prepared-statement path for a session\'s requests', () => {
  const start = Date.UTC(2026, 0, 1);
  /** 2.5 pages of one session's records, another session's rows among them, appended; the records in order. */
  async function longSession(storage: Storage, sessionID: string, timeOf = (i: number) => start + i): Promise<RequestRecord[]> {
    const records = Array.from({ length: PAGE_ROWS * 2.5 }, (_, i) => requestRecord(sessionID, new Date(timeOf(i)), { path: `/p/${i}`, body: { i } }));
    const other = uniqueTag('other');
    await storage.requests.append(records.flatMap((r, i) => (i % 7 ? [r] : [r, requestRecord(other, new Date(start + i), { path: '/other' })])));
    return records;
  }

  it('reads a session longer than a page whole and in order, a page a turn of the event loop', async () => {
    await withSqlite('paged-reads.db', async (storage) => {
      const typeorm = new SqlRequestLogStore(contextOf(storage), { fastPath: false });
      const sessionID = uniqueTag('paged');
      const records = await longSession(storage, sessionID);
      const turns = turnCounter();
      const read = await storage.requests.findBySession(sessionID);
      turns.stop();
      expect(read.map((r) => r.path)).to.deep.equal(records.map((r) => r.path));
      expect(read).to.deep.equal(await typeorm.findBySession(sessionID));
      expect(turns.now(), 'turns the read took').to.be.at.least(2);
    });
  });

  it('has SQLite sort a session whose rows are out of time order past the first page', async () => {
    await withSqlite('paged-unordered.db', async (storage) => {
      const typeorm = new SqlRequestLogStore(contextOf(storage), { fastPath: false });
      const sessionID = uniqueTag('unordered');
      const late = PAGE_ROWS + 3;
      await longSession(storage, sessionID, (i) => (i === late ? start - 1000 : start + i));
      const read = await storage.requests.findBySession(sessionID);
      expect(read[0]!.path).to.equal(`/p/${late}`);
      expect(read).to.deep.equal(await typeorm.findBySession(sessionID));
    });
  });
});

describe('SQLite prepared-statement path for the blocklist', () => {
  it('lists the same entries, in the same order, as TypeORM\'s find', async () => {
    await withSqlite('blocklist-paths.db', async (storage) => {
      const typeorm = new SqlBlocklistStore(contextOf(storage), { fastPath: false });
      const now = new Date(Date.UTC(2026, 5, 1, 12));
      const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
      const entries = [
        { clientIP: '192.0.2.1', blockedAt: at(-100), blockedUntil: at(50), reason: 'a', refusedCount: 3 },
        { clientIP: '192.0.2.2', blockedAt: at(-10), blockedUntil: at(50), reason: 'b' },
        { clientIP: '2001:db8::3', blockedAt: at(-5.5), blockedUntil: at(0.001), reason: 'ends a millisecond after now' },
        { clientIP: '192.0.2.4', blockedAt: at(-200), blockedUntil: at(0), reason: 'ended now' },
        { clientIP: '192.0.2.5', blockedAt: new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999)), blockedUntil: new Date(Date.UTC(9999, 0, 1)), reason: 'long' },
      ];
      for (const entry of entries) await storage.blocklist.block(entry);
      for (const since of [undefined, at(-10), at(-5.5), at(3600)]) {
        const fast = await storage.blocklist.listActive(now, since);
        expect(fast, `since ${since?.toISOString()}`).to.deep.equal(await typeorm.listActive(now, since));
      }
      expect((await storage.blocklist.listActive(now)).map((e) => e.clientIP)).to.deep.equal(['2001:db8::3', '192.0.2.1', '192.0.2.2', '192.0.2.5']);
    });
  });
});

describe('SQLite prepared-statement path for the request log', () => {
  it('is the path SQLite storage takes for appends (in a writer thread) and session reads', async () => {
    await withSqlite('path.db', async (storage) => {
      expect((storage.requests as SqlRequestLogStore).accessPath).to.equal('sqlite-writer-thread');
      expect((storage.requests as SqlRequestLogStore).writesOnEventLoop).to.equal(false);
      expect(new SqlRequestLogStore(contextOf(storage), { writerThread: false }).writesOnEventLoop).to.equal(true);
      expect(new SqlRequestLogStore(contextOf(storage), { writerThread: false }).accessPath).to.equal('sqlite-prepared');
      expect(new SqlRequestLogStore(contextOf(storage), { fastPath: false }).accessPath).to.equal('typeorm');
    });
  });

  it('writes exactly the column values TypeORM writes', async () => {
    await withSqlite('same-rows.db', async (storage) => {
      const typeorm = new SqlRequestLogStore(contextOf(storage), { fastPath: false });
      const inThread = new SqlRequestLogStore(contextOf(storage), { writerThread: false });
      const fast = storage.requests;
      const full = (sessionID: string) => requestRecord(sessionID, new Date(Date.UTC(2031, 11, 31, 23, 59, 59, 7)), {
        clientIP: '::ffff:10.0.0.1', ipSource: 'forwarded', method: 'PUT', path: '/a/ü', query: 'x=1&y=%20',
        statusCode: 503, durationMs: 0.125, requestBytes: 9, responseBytes: 1 << 20,
        userAgent: 'curl/8', referer: 'https://r.test/', contentType: 'text/plain',
        body: { k: ['v', 1, null], '$x.y': "'\u0000" }, flags: { aborted: true },
      });
      const minimal = (sessionID: string) => requestRecord(sessionID, new Date(Date.UTC(1999, 0, 1, 0, 0, 0, 0)));
      const [a, b, c] = [uniqueTag('typeorm'), uniqueTag('thread'), uniqueTag('in-thread')];
      await typeorm.append([full(a), minimal(a)]);
      await fast.append([full(b), minimal(b)]);
      await inThread.append([full(c), minimal(c)]);
      const rows = (sessionID: string) => storedRows(storage, sessionID);
      const written = await rows(b);
      expect(written).to.have.length(2);
      expect(written).to.deep.equal(await rows(a));
      expect(await rows(c)).to.deep.equal(await rows(a));
      expect(written[0]!.timestamp).to.equal('2031-12-31 23:59:59.007');
      expect(written[1]!.userAgent).to.equal(null);
      // And each path reads back, field for field, what the other wrote.
      const strip = (records: Awaited<ReturnType<typeof fast.findBySession>>) => records.map(({ id: _id, sessionID: _s, ...rest }) => rest);
      expect(strip(await fast.findBySession(a))).to.deep.equal(strip(await typeorm.findBySession(b)));
      expect(strip(await fast.findBySession(a))).to.deep.equal(strip([minimal(a), full(a)])); // oldest first
    });
  });

  it('writes batches spanning several multi-row INSERTs (and a remainder) as TypeORM does, in order', async () => {
    await withSqlite('grouped-rows.db', async (storage) => {
      const typeorm = new SqlRequestLogStore(contextOf(storage), { fastPath: false });
      const base = Date.UTC(2030, 5, 1, 12, 0, 0, 0);
      const batch = (sessionID: string) => Array.from({ length: 37 }, (_, i) => requestRecord(sessionID, new Date(base + i * 1001), {
        path: `/p/${i}`, statusCode: 200 + i, durationMs: i / 8,
        ...(i % 3 === 0 ? { userAgent: `ua ${i}`, body: { n: i }, flags: { failed: true } } : {}),
      }));
      const [a, b] = [uniqueTag('typeorm-37'), uniqueTag('thread-37')];
      await typeorm.append(batch(a));
      await storage.requests.append(batch(b));
      const rows = (sessionID: string) => storedRows(storage, sessionID);
      const written = await rows(b);
      expect(written.map((row) => row.path)).to.deep.equal(Array.from({ length: 37 }, (_, i) => `/p/${i}`));
      expect(written).to.deep.equal(await rows(a));
    });
  });

  it('refuses a client IP or session ID longer than its column on every path, naming the record', async () => {
    await withSqlite('too-long.db', async (storage) => {
      const paths = [storage.requests, new SqlRequestLogStore(contextOf(storage), { writerThread: false }), new SqlRequestLogStore(contextOf(storage), { fastPath: false })];
      const faults: [Partial<RequestRecord>, RegExp][] = [
        [{ clientIP: 'x'.repeat(65) }, /record 1: clientIP must be a string of at most 64 characters, got 65/],
        [{ sessionID: 's'.repeat(256) }, /record 1: sessionID is 256 characters long/],
      ];
      const before = await storage.requests.count();
      for (const requests of paths) {
        for (const [fault, message] of faults) {
          const good = requestRecord(uniqueTag('fits'), new Date());
          await requests.append([good, { ...good, ...fault }]).then(
            () => expect.fail('a value longer than its column must be refused'),
            (error: Error) => expect(error.message).to.match(message),
          );
        }
      }
      expect(await storage.requests.count()).to.equal(before);
    });
  });

  it('posts a big batch to the writer thread in parts, committed together; a bad record in a late part writes nothing', async () => {
    await withSqlite('parts.db', async (storage) => {
      const typeorm = new SqlRequestLogStore(contextOf(storage), { fastPath: false });
      const batch = (sessionID: string) => Array.from({ length: 300 }, (_, i) => requestRecord(sessionID, new Date(Date.UTC(2030, 0, 1) + i), { path: `/r/${i}` }));
      const bad = batch(uniqueTag('bad'));
      bad[260] = { ...bad[260]!, sessionID: { $ne: null } as unknown as string };
      const before = await storage.requests.count();
      try {
        await storage.requests.append(bad);
        expect.fail('a record without a string sessionID must be refused');
      } catch (error) {
        expect((error as Error).message).to.include('record 260');
      }
      expect(await storage.requests.count()).to.equal(before);
      const [a, b] = [uniqueTag('typeorm-300'), uniqueTag('thread-300')];
      await typeorm.append(batch(a));
      await storage.requests.append(batch(b));
      const written = await storedRows(storage, b);
      expect(written.map((row) => row.path)).to.deep.equal(Array.from({ length: 300 }, (_, i) => `/r/${i}`));
      expect(written).to.deep.equal(await storedRows(storage, a));
    });
  });

  it('makes and posts rows with large bodies in smaller parts, a turn of the event loop each, all written in order', async () => {
    await withSqlite('large-parts.db', async (storage) => {
      const writer = (storage.requests as SqlRequestLogStore).writer!;
      const sessionID = uniqueTag('large');
      // 40 rows of 20 K characters: fewer rows than a part holds, but 800 K characters of text.
      const records = Array.from({ length: 40 }, (_, i) => requestRecord(sessionID, new Date(Date.UTC(2030, 0, 1) + i),
        { path: `/r/${i}`, method: 'POST', body: { note: `${i} `.padEnd(20_000, 'x') } }));
      const turns = turnCounter();
      const madeInTurn: number[] = [];
      await writer.writeInParts(records.length, (out, i) => {
        madeInTurn.push(turns.now());
        pushRecordWriterParams(out, records[i]!, i);
      });
      turns.stop();
      expect(new Set(madeInTurn).size, 'turns the rows were made in').to.be.at.least(3);
      const written = await storage.requests.findBySession(sessionID);
      expect(written.map((r) => r.path)).to.deep.equal(records.map((r) => r.path));
      expect(written.map((r) => r.body)).to.deep.equal(records.map((r) => r.body));
    });
  });

  it('reads exactly the records TypeORM reads, whatever datetime text a row holds', async () => {
    await withSqlite('same-reads.db', async (storage) => {
      const typeorm = new SqlRequestLogStore(contextOf(storage), { fastPath: false });
      const sessionID = uniqueTag('texts');
      // Rows another tool (or an older version) may have written: no ms, ISO with T and Z, a two-digit year, an offset.
      const stamps = ['2024-01-02 03:04:05', '2024-01-02T03:04:05.123Z', '0099-06-01 00:00:00.000', '2024-01-02 03:04:05.5+02:00',
        '2024-01-02 03:04:06.789', '2024-02-30 01:00:00.000', '2024-02-32 02:00:00.000', '2024-13-01 03:00:00.000',
        '2024-01-01 24:00:00.000', '2024-01-01 23:60:00.000', '0100-03-01 12:00:00.001', '9999-12-31 23:59:59.999', '2024-01-0x 00:00:00.000'];
      for (const [i, stamp] of stamps.entries()) {
        await (storage as SqlStorage).dataSource.query(
          'INSERT INTO httplogs (clientIP, ipSource, sessionID, method, path, query, statusCode, timestamp, durationMs, requestBytes, responseBytes, body, referer) '
          + 'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          ['192.0.2.5', 'socket', sessionID, 'GET', `/${i}`, '', 200, stamp, 0.5, 0, 1, i % 2 ? '{"a":[1,null]}' : null, i % 2 ? null : 'r']);
      }
      const fast = await storage.requests.findBySession(sessionID);
      expect(fast).to.have.length(stamps.length);
      const viaTypeorm = await typeorm.findBySession(sessionID);
      // deep-equal treats two invalid dates as equal; compare their times as text too.
      expect(fast).to.deep.equal(viaTypeorm);
      expect(fast.map((r) => String(r.timestamp.getTime()))).to.deep.equal(viaTypeorm.map((r) => String(r.timestamp.getTime())));
      expect(fast.find((r) => r.path === '/2')!.timestamp.toISOString()).to.equal('0099-06-01T00:00:00.000Z');
    });
  });

  for (const writerThread of [true, false]) {
    it(`writes nothing from a batch that fails part-way, and keeps working (${writerThread ? 'writer thread' : 'event loop'})`, async () => {
      await withSqlite(`atomic-${writerThread}.db`, async (storage) => {
        const requests = writerThread ? storage.requests : new SqlRequestLogStore(contextOf(storage), { writerThread: false });
        const sessionID = uniqueTag('atomic');
        const before = await requests.count();
        const bad = requestRecord(sessionID, new Date(), { statusCode: { not: 'a number' } as unknown as number });
        try {
          await requests.append([requestRecord(sessionID, new Date()), bad]);
          expect.fail('binding an object should fail');
        } catch (error) {
          expect((error as Error).message).to.include('append request records');
        }
        expect(await requests.count()).to.equal(before);
        await requests.append([requestRecord(sessionID, new Date())]);
        expect(await requests.findBySession(sessionID)).to.have.length(1);
      });
    });
  }

  it('rejects a statement whose values cannot reach the thread, and keeps working', async () => {
    await withSqlite('uncloneable.db', async (storage) => {
      const writer = storage.requests.writer!;
      try {
        await writer.runEach('SELECT ? AS v', [[() => 1]]);
        expect.fail('a function cannot be posted to the thread');
      } catch (error) {
        expect((error as Error).name).to.equal('DataCloneError');
      }
      expect(await writer.runEach('SELECT ? AS v', [[7]])).to.deep.equal([[{ v: 7 }]]);
    });
  });

  it('refuses appends once closed, instead of losing them silently', async () => {
    const storage = await openStorage({ type: 'sqlite', database: join(dir, 'closed.db') }) as SqlStorage;
    await storage.requests.close();
    try {
      await storage.requests.append([requestRecord(uniqueTag('late'), new Date())]);
      expect.fail('an append after close should fail');
    } catch (error) {
      expect((error as Error).message).to.include('writer thread is closed');
    } finally {
      await storage.close();
    }
  });
});

describe('SQLite classified sessions', () => {
  const classified = (sessionID: string, active: boolean) => {
    const at = new Date(Date.UTC(2024, 4, 1));
    return { sessionID, clientIP: '192.0.2.7', startTimestamp: at, endTimestamp: at, features: { numOfReqs: 3 },
      reqBodiesData: {}, behavior: 'Abnormal' as const, active, verdicts: [], classifiedAt: at };
  };

  it('are saved by the writer thread while it runs, keeping a deactivated session inactive, then by the main connection', async () => {
    await withSqlite('sessions-in-writer.db', async (storage) => {
      const writer = storage.requests.writer!;
      const statements: string[] = [];
      const runEach = writer.runEach.bind(writer);
      writer.runEach = (sql, each) => { statements.push(sql); return runEach(sql, each); };
      const sessionID = uniqueTag('thread');
      expect(await storage.sessions.saveClassification(classified(sessionID, true))).to.equal(true);
      await storage.sessions.deactivate([sessionID]);
      expect(await storage.sessions.saveClassification(classified(sessionID, true))).to.equal(false);
      expect(statements).to.have.length(2);
      expect(statements[0]).to.match(/^INSERT INTO "sesfeatures"/);

      await storage.requests.close();
      const later = uniqueTag('main');
      expect(await storage.sessions.saveClassification(classified(later, true))).to.equal(true);
      expect(statements).to.have.length(2);
      expect((await storage.sessions.get(later))?.active).to.equal(true);
      expect((await storage.sessions.get(sessionID))?.active).to.equal(false);
    });
  });

  it('fail alone when one of a group is rejected by the writer thread', async () => {
    await withSqlite('sessions-in-writer-bad.db', async (storage) => {
      const good = uniqueTag('good');
      // Passed through unconverted to a statement that cannot bind an object: the thread's transaction fails.
      const bad = { ...classified(uniqueTag('bad'), true), behavior: { not: 'a label' } as unknown as 'Normal' };
      const writer = storage.requests.writer!;
      const failures: unknown[] = [];
      const runEach = writer.runEach.bind(writer);
      writer.runEach = (sql, each) => runEach(sql, each).catch((error: unknown) => { failures.push(error); throw error; });
      const results = await Promise.allSettled([storage.sessions.saveClassification(classified(good, true)), storage.sessions.saveClassification(bad)]);
      expect(results[0]).to.deep.equal({ status: 'fulfilled', value: true });
      expect(results[1].status).to.equal('rejected');
      expect(((results[1] as PromiseRejectedResult).reason as Error).message).to.include('save a classified session');
      expect(await storage.sessions.get(good)).to.not.equal(null);
      expect(failures).to.have.length(2); // the group, then the bad session alone
    });
  });
});

describe('SQLite WAL checkpoints', () => {
  it('run in the writer thread while it is up, and go back to the main connection when it ends', async () => {
    const database = join(dir, 'checkpoints.db');
    const storage = await openStorage({ type: 'sqlite', database }) as SqlStorage;
    try {
      expect(await storage.dataSource.query('PRAGMA wal_autocheckpoint')).to.deep.equal([{ wal_autocheckpoint: 0 }]);
      const fileSize = () => statSync(database).size;
      const before = fileSize();
      // Committed pages reach the database file only through a checkpoint (the main connection's automatic ones are off).
      const at = new Date(Date.UTC(2024, 4, 1));
      await Promise.all(Array.from({ length: 500 }, (_, i) => storage.sessions.saveClassification({
        sessionID: uniqueTag('cp'), clientIP: '192.0.2.9', startTimestamp: at, endTimestamp: at, features: { i },
        reqBodiesData: { text: 'x'.repeat(500) }, behavior: 'Normal', active: true, verdicts: [], classifiedAt: at,
      })));
      const deadline = Date.now() + 5000;
      while (fileSize() <= before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fileSize()).to.be.greaterThan(before);
      await storage.requests.close();
      expect(await storage.dataSource.query('PRAGMA wal_autocheckpoint')).to.deep.equal([{ wal_autocheckpoint: 1000 }]);
    } finally {
      await storage.close();
    }
  });
});
