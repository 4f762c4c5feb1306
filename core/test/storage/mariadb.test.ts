import { expect } from 'chai';
import { StorageUnavailableError } from '../../src/errors.js';
import { openStorage } from '../../src/storage/index.js';
import { dropTestTables, MARIADB_URL, openTestStorage } from './sql-test-storage.js';
import { storeSuite } from './store-suite.js';

storeSuite('MariaDB (database test)', () => openTestStorage(MARIADB_URL), dropTestTables);

describe('MariaDB storage', () => {
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
