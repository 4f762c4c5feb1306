import { expect } from 'chai';
import { StorageUnavailableError, WardenConfigError } from '../../src/errors.js';
import { openStorage } from '../../src/storage/index.js';

describe('openStorage', () => {
  it('names an unreachable MongoDB with the password masked', async () => {
    try {
      await openStorage('mongodb://warden:topsecret@127.0.0.1:1/warden?serverSelectionTimeoutMS=300');
      expect.fail('an unreachable server should fail');
    } catch (error) {
      expect(error).to.be.instanceOf(StorageUnavailableError);
      expect((error as Error).message).to.include('mongodb://warden:***@127.0.0.1:1/warden').and.not.include('topsecret');
    }
  });

  it('refuses a table prefix that is not a plain identifier', async () => {
    try {
      await openStorage({ type: 'sqlite', database: ':memory:' }, { tablePrefix: 'x; DROP TABLE y' });
      expect.fail('a bad prefix should be refused');
    } catch (error) {
      expect(error).to.be.instanceOf(WardenConfigError);
    }
  });

  it('refuses a storage type it does not know, listing the supported ones', async () => {
    try {
      await openStorage({ type: 'mssql', url: 'mssql://sa:pw@127.0.0.1/db' } as never);
      expect.fail('an unknown storage type should be refused');
    } catch (error) {
      expect(error).to.be.instanceOf(WardenConfigError);
      expect((error as Error).message).to.include('"mssql"').and.include('postgres');
    }
  });
});
