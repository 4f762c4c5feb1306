import { expect } from 'chai';
import { recordFor, request, STREAM_CHUNK, STREAM_CHUNKS } from '@session-warden/adapter-test-suite';
import { FLAVOURS } from './app.js';

// Koa's own way to stream: a Readable as ctx.body.
for (const { name: flavour, start } of FLAVOURS) {
  describe(`${flavour}: a Readable stream as ctx.body`, () => {
    it('arrives intact and is counted', async () => {
      const app = await start();
      try {
        const reply = await request(`${app.url}/readable`);
        expect(reply.body.length).to.equal(STREAM_CHUNKS * STREAM_CHUNK.length);
        const record = await recordFor(app.warden, '/readable');
        expect(record.responseBytes - reply.body.length).to.be.within(50, 400);
      } finally {
        await app.close();
      }
    });
  });
}
