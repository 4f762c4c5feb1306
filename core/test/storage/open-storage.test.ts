import { expect } from 'chai';
import { WardenConfigError } from '../../src/errors.js';
import { openStorage } from '../../src/storage/index.js';

describe('openStorage', () => {
  it('explains that MongoDB support is missing, with the password masked', async () => {
    try {
      await openStorage('mongodb://warden:topsecret@127.0.0.1:27017/warden');
      expect.fail('mongodb without its module should fail');
    } catch (error) {
      expect(error).to.be.instanceOf(WardenConfigError);
      expect((error as Error).message).to.include('MongoDB support is not installed')
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
