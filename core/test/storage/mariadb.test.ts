import type { Storage } from '../../src/ports/stores.js';
import type { SqlContext } from '../../src/storage/sql-context.js';
import { SqlSessionStore } from '../../src/storage/sql-session-store.js';
import { SqlStorage } from '../../src/storage/sql-storage.js';
import { dropTestTables, expectRecoveryAfterDroppedConnections, expectSchemaUnchangedOnReopen, expectUnreachableError, MARIADB_URL, openTestStorage } from './sql-test-storage.js';
import { requestRecord, storeSuite, uniqueTag } from './store-suite.js';

storeSuite('MariaDB (database test)', () => openTestStorage(MARIADB_URL), dropTestTables);

/** The same MariaDB storage, its session store reading `active` back after the upsert as on MySQL (no RETURNING there). */
async function openWithoutReturning(): Promise<Storage> {
  const storage = await openTestStorage(MARIADB_URL);
  const sessions = new SqlSessionStore((storage as unknown as { ctx: SqlContext }).ctx, { returning: false });
  return Object.assign(Object.create(storage) as Storage, { sessions });
}
storeSuite('MariaDB, sessions saved without RETURNING (the MySQL path)', openWithoutReturning, dropTestTables);

describe('MariaDB storage', () => {

  it('leaves an existing schema untouched when opened again (a mysql:// URL on a MariaDB server)', () => expectSchemaUnchangedOnReopen(MARIADB_URL));
  it('names the URL with the password masked when the server cannot be reached', async () => {
    await expectUnreachableError({ type: 'mariadb', url: 'mariadb://root:hunter2@127.0.0.1:1/test' }, 'mariadb://root:***@127.0.0.1:1/test', 'hunter2');
  });

  describe('when the server kills its connections', () => {
    let storage: Storage;
    before(async () => { storage = await openTestStorage(MARIADB_URL); });
    after(async () => {
      await dropTestTables(storage);
      await storage.close();
    });

    it('fails with StorageUnavailableError at most briefly, then recovers by itself', async () => {
      const sessionID = uniqueTag('recover');
      await storage.requests.append([requestRecord(sessionID, new Date())]);
      // Touch every pooled connection (at most 10) to learn their IDs, then kill exactly those.
      const ds = (storage as SqlStorage).dataSource;
      const seen = await Promise.all(Array.from({ length: 10 }, () =>
        ds.query('SELECT CONNECTION_ID() AS id, SLEEP(0.05) AS s') as Promise<{ id: number }[]>));
      const ids = [...new Set(seen.map((rows) => Number(rows[0].id)))];
      const admin = await openTestStorage(MARIADB_URL);
      try {
        for (const id of ids) await (admin as SqlStorage).dataSource.query('KILL CONNECTION ?', [id]);
      } finally {
        await dropTestTables(admin);
        await admin.close();
      }
      await expectRecoveryAfterDroppedConnections(storage, sessionID);
    });
  });
});
