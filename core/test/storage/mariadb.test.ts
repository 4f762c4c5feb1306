import { expect } from 'chai';
import { StorageUnavailableError } from '../../src/errors.js';
import { openStorage } from '../../src/storage/index.js';
import { dropTestTables, pendingSchemaChanges, testTablePrefix, MARIADB_URL, openTestStorage } from './sql-test-storage.js';
import { storeSuite } from './store-suite.js';

storeSuite('MariaDB (database test)', () => openTestStorage(MARIADB_URL), dropTestTables);

describe('MariaDB storage', () => {

  it('leaves an existing schema untouched when opened again (a mysql:// URL on a MariaDB server)', async () => {
    const prefix = testTablePrefix();
    const first = await openTestStorage(MARIADB_URL, prefix);
    await first.close();
    const again = await openTestStorage(MARIADB_URL, prefix);
    try {
      expect(await pendingSchemaChanges(again)).to.deep.equal([]);
    } finally {
      await dropTestTables(again);
      await again.close();
    }
  });
  it('names the URL with the password masked when the server cannot be reached', async () => {
    try {
      await openStorage({ type: 'mariadb', url: 'mariadb://root:hunter2@127.0.0.1:1/test' });
      expect.fail('connecting to a closed port should fail');
    } catch (error) {
      expect(error).to.be.instanceOf(StorageUnavailableError);
      const message = (error as Error).message;
      expect(message).to.include('mariadb://root:***@127.0.0.1:1/test');
      expect(message).to.not.include('hunter2');
    }
  });
});
