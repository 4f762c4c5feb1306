import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageUnavailableError } from '../../src/errors.js';
import { openStorage } from '../../src/storage/index.js';
import { SqlStorage } from '../../src/storage/sql-storage.js';
import { requestRecord, storeSuite, uniqueTag } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('SQLite (file in a temp dir)', () => openStorage({ type: 'sqlite', database: join(dir, 'suite.db') }));

describe('SQLite storage', () => {
  it('opens the file in WAL mode with synchronous=NORMAL', async () => {
    const storage = await openStorage({ type: 'sqlite', database: join(dir, 'pragmas.db') });
    try {
      const ds = (storage as SqlStorage).dataSource;
      expect(await ds.query('PRAGMA journal_mode')).to.deep.equal([{ journal_mode: 'wal' }]);
      expect(await ds.query('PRAGMA synchronous')).to.deep.equal([{ synchronous: 1 }]);
      expect(storage.kind).to.equal('sqlite');
    } finally {
      await storage.close();
    }
  });

  it('keeps concurrent appends apart (no transaction nests inside another)', async () => {
    const storage = await openStorage(join(dir, 'concurrent.db'));
    try {
      const sessions = Array.from({ length: 6 }, () => uniqueTag('c'));
      await Promise.all(sessions.map((id, n) =>
        storage.requests.append(Array.from({ length: 500 + n }, (_, i) => requestRecord(id, new Date(Date.UTC(2024, 0, 1) + i))))));
      for (const [n, id] of sessions.entries()) expect(await storage.requests.findBySession(id)).to.have.length(500 + n);
      expect(await storage.requests.count()).to.equal(sessions.reduce((sum, _, n) => sum + 500 + n, 0));
    } finally {
      await storage.close();
    }
  });

  it('indexes httplogs only where a query reads, and drops an older file\'s unused (clientIP, timestamp) index', async () => {
    const database = join(dir, 'indexes.db');
    const indexedColumns = async (storage: SqlStorage) => {
      const names = await storage.dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'httplogs' AND sql IS NOT NULL`) as { name: string }[];
      const lists = await Promise.all(names.map(async ({ name }) =>
        (await storage.dataSource.query(`PRAGMA index_info("${name}")`) as { name: string }[]).map((column) => column.name).join(',')));
      return lists.sort();
    };
    const first = await openStorage({ type: 'sqlite', database }) as SqlStorage;
    try {
      expect(await indexedColumns(first)).to.deep.equal(['sessionID', 'timestamp']);
      // What an earlier version of this package created.
      await first.dataSource.query('CREATE INDEX "IDX_9bdc26f871e42cd98e15d60b41" ON "httplogs" ("clientIP", "timestamp")');
      expect(await indexedColumns(first)).to.deep.equal(['clientIP,timestamp', 'sessionID', 'timestamp']);
    } finally {
      await first.close();
    }
    const reopened = await openStorage({ type: 'sqlite', database }) as SqlStorage;
    try {
      expect(await indexedColumns(reopened)).to.deep.equal(['sessionID', 'timestamp']);
    } finally {
      await reopened.close();
    }
  });

  it('says which file could not be opened and what to check', async () => {
    const database = join(dir, 'not-a-database.db');
    writeFileSync(database, 'this is a text file, not SQLite '.repeat(200));
    try {
      await openStorage({ type: 'sqlite', database });
      expect.fail('opening a file that is not a database should fail');
    } catch (error) {
      expect(error).to.be.instanceOf(StorageUnavailableError);
      expect((error as Error).message).to.include(database).and.include('is a SQLite database');
    }
  });
});
