import { expect } from 'chai';
import { adapterSuite, recordFor, request } from '@session-warden/adapter-test-suite';
import { FLAVOURS } from './app.js';

// The behaviour every adapter must show, on each supported Koa version.
adapterSuite(FLAVOURS);

for (const { name, start } of FLAVOURS) {
  describe(`${name}: errors thrown downstream`, () => {
    it('flags a request failed when a later middleware throws, even when Koa answers it with a 4xx', async () => {
      const app = await start();
      try {
        expect((await request(`${app.url}/refuse`)).status).to.equal(422);
        const record = await recordFor(app.warden, '/refuse');
        expect(record.statusCode).to.equal(422);
        expect(record.flags).to.deep.equal({ failed: true });
      } finally {
        await app.close();
      }
    });
  });
}
