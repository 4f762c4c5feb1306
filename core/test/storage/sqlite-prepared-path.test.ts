import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateUtils } from 'typeorm/util/DateUtils.js';
import type { Storage } from '../../src/ports/stores.js';
import { openStorage } from '../../src/storage/index.js';
import type { SqlContext } from '../../src/storage/sql-context.js';
import { SqlRequestLogStore } from '../../src/storage/sql-request-log-store.js';
import { SqlStorage } from '../../src/storage/sql-storage.js';
import { sqliteDateTime } from '../../src/storage/sqlite-fast-insert.js';
import { requestRecord, storeSuite, uniqueTag } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-fast-insert-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function contextOf(storage: Storage): SqlContext {
  return (storage as unknown as { ctx: SqlContext }).ctx;
}

/** The same SQLite storage, but its request log written through TypeORM (the path PostgreSQL and MariaDB take). */
async function openWithTypeormInsert(database: string): Promise<Storage> {
  const storage = await openStorage({ type: 'sqlite', database });
  const requests = new SqlRequestLogStore(contextOf(storage), { fastPath: false });
  return Object.assign(Object.create(storage) as Storage, { requests });
}

storeSuite('SQLite, request log through TypeORM (prepared-statement path off)', () => openWithTypeormInsert(join(dir, 'typeorm-path.db')));

describe('SQLite prepared-statement path for the request log', () => {
  it('is the path SQLite storage takes for appends and session reads', async () => {
    const storage = await openStorage({ type: 'sqlite', database: join(dir, 'path.db') });
    try {
      expect((storage.requests as SqlRequestLogStore).accessPath).to.equal('sqlite-prepared');
      expect(new SqlRequestLogStore(contextOf(storage), { fastPath: false }).accessPath).to.equal('typeorm');
    } finally {
      await storage.close();
    }
  });

  it('writes exactly the column values TypeORM writes', async () => {
    const storage = await openStorage({ type: 'sqlite', database: join(dir, 'same-rows.db') });
    try {
      const typeorm = new SqlRequestLogStore(contextOf(storage), { fastPath: false });
      const fast = storage.requests;
      const full = (sessionID: string) => requestRecord(sessionID, new Date(Date.UTC(2031, 11, 31, 23, 59, 59, 7)), {
        clientIP: '::ffff:10.0.0.1', ipSource: 'forwarded', method: 'PUT', path: '/a/ü', query: 'x=1&y=%20',
        statusCode: 503, durationMs: 0.125, requestBytes: 9, responseBytes: 1 << 20,
        userAgent: 'curl/8', referer: 'https://r.test/', contentType: 'text/plain',
        body: { k: ['v', 1, null], '$x.y': "'\u0000" }, flags: { aborted: true },
      });
      const minimal = (sessionID: string) => requestRecord(sessionID, new Date(Date.UTC(1999, 0, 1, 0, 0, 0, 0)));
      const [a, b] = [uniqueTag('typeorm'), uniqueTag('fast')];
      await typeorm.append([full(a), minimal(a)]);
      await fast.append([full(b), minimal(b)]);
      const rows = async (sessionID: string) => {
        const raw = await (storage as SqlStorage).dataSource.query('SELECT * FROM httplogs WHERE sessionID = ? ORDER BY id', [sessionID]) as Record<string, unknown>[];
        return raw.map(({ id: _id, sessionID: _s, ...rest }) => rest);
      };
      const written = await rows(b);
      expect(written).to.have.length(2);
      expect(written).to.deep.equal(await rows(a));
      expect(written[0]!.timestamp).to.equal('2031-12-31 23:59:59.007');
      expect(written[1]!.userAgent).to.equal(null);
      // And each path reads back, field for field, what the other wrote.
      const strip = (records: Awaited<ReturnType<typeof fast.findBySession>>) => records.map(({ id: _id, sessionID: _s, ...rest }) => rest);
      expect(strip(await fast.findBySession(a))).to.deep.equal(strip(await typeorm.findBySession(b)));
      expect(strip(await fast.findBySession(a))).to.deep.equal(strip([minimal(a), full(a)])); // oldest first
    } finally {
      await storage.close();
    }
  });

  it('formats datetimes as TypeORM does, in any time zone and outside years 0-9999', () => {
    const dates = [
      new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), new Date(0), new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)),
      new Date(Date.UTC(10000, 0, 1)), new Date(Date.UTC(-1, 5, 6, 7, 8, 9, 10)), new Date(Date.UTC(45, 1, 1)),
    ];
    const previous = process.env.TZ;
    process.env.TZ = 'Asia/Kathmandu';
    try {
      for (const date of dates) expect(sqliteDateTime(date), date.toISOString()).to.equal(DateUtils.mixedDateToUtcDatetimeString(date));
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('writes nothing from a batch that fails part-way', async () => {
    const storage = await openStorage({ type: 'sqlite', database: join(dir, 'atomic.db') });
    try {
      const sessionID = uniqueTag('atomic');
      const before = await storage.requests.count();
      const bad = requestRecord(sessionID, new Date(), { statusCode: { not: 'a number' } as unknown as number });
      try {
        await storage.requests.append([requestRecord(sessionID, new Date()), bad]);
        expect.fail('binding an object should fail');
      } catch (error) {
        expect((error as Error).message).to.include('append request records');
      }
      expect(await storage.requests.count()).to.equal(before);
    } finally {
      await storage.close();
    }
  });
});
