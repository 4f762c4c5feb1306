import { expect } from 'chai';
import { StorageUnavailableError } from '../../src/errors.js';
import type { Storage } from '../../src/ports/stores.js';
import { SqlStorage } from '../../src/storage/sql-storage.js';
import { dropTestTables, expectRecoveryAfterDroppedConnections, expectSchemaUnchangedOnReopen, expectUnreachableError, openTestStorage, POSTGRES_URL, testTablePrefix } from './sql-test-storage.js';
import { requestRecord, storeSuite, uniqueTag } from './store-suite.js';

storeSuite('PostgreSQL (database test)', () => openTestStorage(POSTGRES_URL), dropTestTables);

describe('PostgreSQL storage', function () {
  this.timeout(30_000);

  it('leaves an existing schema untouched when opened again (PostgreSQL)', () => expectSchemaUnchangedOnReopen(POSTGRES_URL));

  it('names the URL with the password masked when the server cannot be reached', async () => {
    const message = await expectUnreachableError('postgres://warden:s3cret@127.0.0.1:1/test', 'postgres://warden:***@127.0.0.1:1/test', 's3cret');
    expect(message).to.include('server is running');
  });

  it('reports a failing operation as StorageUnavailableError naming the database', async () => {
    const storage = await openTestStorage('postgres://postgres:pw@127.0.0.1:5432/test');
    try {
      await dropTestTables(storage);
      await storage.requests.count();
      expect.fail('counting rows of a dropped table should fail');
    } catch (error) {
      expect(error).to.be.instanceOf(StorageUnavailableError);
      expect((error as Error).message).to.include('postgres://postgres:***@127.0.0.1:5432/test').and.include('count request records');
    } finally {
      await storage.close();
    }
  });

  describe('when the server drops its connections', () => {
    const prefix = testTablePrefix();
    let storage: Storage;
    before(async () => { storage = await openTestStorage(POSTGRES_URL, prefix); });
    after(async () => {
      await dropTestTables(storage);
      await storage.close();
    });

    it('fails with StorageUnavailableError at most briefly, then recovers by itself', async () => {
      const sessionID = uniqueTag('recover');
      await storage.requests.append([requestRecord(sessionID, new Date())]);
      // A second storage (own prefix, tables dropped after) plays the administrator.
      const admin = await openTestStorage(POSTGRES_URL);
      try {
        const killed = await (admin as SqlStorage).dataSource.query(
          'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1',
          [`session-warden:${prefix}`]);
        expect(killed.length).to.be.greaterThan(0);
      } finally {
        await dropTestTables(admin);
        await admin.close();
      }
      await expectRecoveryAfterDroppedConnections(storage, sessionID);
    });
  });
});
