import { expect } from 'chai';
import type { Storage } from '../../src/ports/stores.js';
import { MAX_STATEMENT_CHARS } from '../../src/storage/batching.js';
import type { SqlContext } from '../../src/storage/sql-context.js';
import { SqlRequestLogStore } from '../../src/storage/sql-request-log-store.js';
import { StorageUnavailableError } from '../../src/errors.js';
import { dropTestTables, openTestStorage, POSTGRES_URL } from './sql-test-storage.js';
import { requestRecord, storeSuite, uniqueTag } from './store-suite.js';

function contextOf(storage: Storage): SqlContext {
  return (storage as unknown as { ctx: SqlContext }).ctx;
}

/** The same PostgreSQL storage with its request log on TypeORM's multi-row VALUES path. */
async function openWithValuesPath(): Promise<Storage> {
  const storage = await openTestStorage(POSTGRES_URL);
  const requests = new SqlRequestLogStore(contextOf(storage), { fastPath: false });
  return Object.assign(Object.create(storage) as Storage, { requests });
}

storeSuite('PostgreSQL, request log through multi-row VALUES (unnest path off)', openWithValuesPath, dropTestTables);

describe('PostgreSQL unnest path for the request log', function () {
  this.timeout(30_000);
  let storage: Storage;
  before(async () => { storage = await openTestStorage(POSTGRES_URL); });
  after(async () => {
    await dropTestTables(storage);
    await storage.close();
  });

  it('is the path PostgreSQL storage takes for appends', () => {
    expect((storage.requests as SqlRequestLogStore).accessPath).to.equal('postgres-unnest');
    expect(new SqlRequestLogStore(contextOf(storage), { fastPath: false }).accessPath).to.equal('typeorm');
  });

  it('writes the same rows as the VALUES path, quotes, backslashes, braces and NULLs included', async () => {
    const values = new SqlRequestLogStore(contextOf(storage), { fastPath: false });
    const tricky = (sessionID: string, i: number) => requestRecord(sessionID, new Date(Date.UTC(2031, 11, 31, 23, 59, 59, i)), {
      path: `/a/{b,c}/"q"/\\x/${i}`, query: 'NULL', userAgent: i % 2 ? 'NULL' : undefined, referer: '{"x": [1, 2]}',
      durationMs: 0.1 + i, body: { s: "it's \"quoted\" \\ {x} ,;", n: null }, statusCode: 200 + i,
    });
    const [a, b] = [uniqueTag('unnest'), uniqueTag('values')];
    await storage.requests.append([0, 1, 2].map((i) => tricky(a, i)));
    await values.append([0, 1, 2].map((i) => tricky(b, i)));
    const strip = (records: Awaited<ReturnType<Storage['requests']['findBySession']>>) =>
      records.map(({ id: _id, sessionID: _s, ...rest }) => rest);
    const [viaUnnest, viaValues] = [await storage.requests.findBySession(a), await storage.requests.findBySession(b)];
    expect(viaUnnest).to.have.length(3);
    expect(strip(viaUnnest)).to.deep.equal(strip(viaValues));
    expect(viaUnnest[1]!.userAgent).to.equal('NULL');
    expect(viaUnnest[0]).to.not.have.property('userAgent');
  });

  it('splits a batch over the size budget into several INSERTs in one transaction: all rows or none', async () => {
    const sessionID = uniqueTag('budget');
    const big = 'x'.repeat(Math.ceil(MAX_STATEMENT_CHARS / 8));
    const at = (i: number) => new Date(Date.UTC(2030, 0, 1) + i);
    const rows = Array.from({ length: 20 }, (_, i) => requestRecord(sessionID, at(i), { body: { big, i } }));
    await storage.requests.append(rows);
    expect((await storage.requests.findBySession(sessionID)).map((r) => (r.body as { i: number }).i))
      .to.deep.equal(rows.map((_, i) => i));

    // PostgreSQL refuses NUL in text: the last chunk fails, so the chunks before it are rolled back.
    const failing = uniqueTag('budget-fail');
    const before = await storage.requests.count();
    const bad = [...Array.from({ length: 20 }, (_, i) => requestRecord(failing, at(i), { body: { big } })),
      requestRecord(failing, at(99), { path: '/nul\u0000' })];
    try {
      await storage.requests.append(bad);
      expect.fail('a NUL character in text should be refused by PostgreSQL');
    } catch (error) {
      expect(error).to.be.instanceOf(StorageUnavailableError);
    }
    expect(await storage.requests.count()).to.equal(before);
  });
});
