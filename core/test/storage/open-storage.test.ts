import { expect } from 'chai';
import { StorageUnavailableError, WardenConfigError } from '../../src/errors.js';
import { openStorage } from '../../src/storage/index.js';

describe('openStorage', () => {
  it('opens MongoDB through the mongo module, and names an unreachable server with the password masked', async () => {
    try {
      await openStorage('mongodb://warden:topsecret@127.0.0.1:27017/warden');
      expect.fail('no MongoDB server listens on this machine');
    } catch (error) {
      expect(error).to.be.instanceOf(StorageUnavailableError);
      expect((error as Error).message).to.include('Cannot connect to MongoDB')
        .and.include('mongodb://warden:***@127.0.0.1:27017/warden').and.not.include('topsecret');
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
});
