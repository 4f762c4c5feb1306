import { expect } from 'chai';
import net from 'node:net';
import { StorageUnavailableError, ValidationError } from '../../../src/errors.js';
import { openMongoStorage } from '../../../src/storage/mongo/open-mongo.js';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('MongoDB storage when the server cannot be reached (no server needed)', () => {
  it('fails within about 2 s with StorageUnavailableError naming the URL, password masked', async () => {
    const port = await closedPort();
    const started = Date.now();
    let error: unknown;
    try {
      await openMongoStorage(`mongodb://warden:s3cret-pw@127.0.0.1:${port}/logs`);
    } catch (err) {
      error = err;
    }
    const elapsed = Date.now() - started;
    expect(error).to.be.instanceOf(StorageUnavailableError);
    const message = (error as Error).message;
    expect(message).to.include(`mongodb://warden:***@127.0.0.1:${port}/logs`);
    expect(message).to.include('within 2000 ms');
    expect(message).not.to.include('s3cret-pw');
    expect(elapsed).to.be.within(1500, 5000);
  });

  it('refuses a URL that is not a MongoDB URL, and a prefix that is not a plain name', async () => {
    let error: unknown;
    try {
      await openMongoStorage('postgres://u:pw@host/db');
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as Error).message).to.match(/postgres:\/\/u:\*\*\*@host\/db" is not a MongoDB URL/);
    try {
      await openMongoStorage('mongodb://127.0.0.1:1/db', { tablePrefix: 'x.$' });
      expect.fail('expected a ValidationError');
    } catch (err) {
      expect(err).to.be.instanceOf(ValidationError);
    }
  });
});

describe('MongoDB storage server selection timeout (no server needed)', () => {
  it('takes serverSelectionTimeoutMS from the URL when the URL sets one', async () => {
    const port = await closedPort();
    const started = Date.now();
    try {
      await openMongoStorage(`mongodb://127.0.0.1:${port}/logs?serverSelectionTimeoutMS=300`);
      expect.fail('nothing listens there');
    } catch (err) {
      expect(err).to.be.instanceOf(StorageUnavailableError);
      expect((err as Error).message).to.include('within 300 ms');
    }
    expect(Date.now() - started).to.be.lessThan(1500);
  });
});
