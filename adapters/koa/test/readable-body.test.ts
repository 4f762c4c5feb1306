import { expect } from 'chai';
import { rawResponseBytes, recordWithQuery, request, STREAM_CHUNK, STREAM_CHUNKS } from '@session-warden/adapter-test-suite';
import { FLAVOURS } from './app.js';

// Koa's own way to stream: a Readable as ctx.body.
for (const { name: flavour, start } of FLAVOURS) {
  describe(`${flavour}: a Readable stream as ctx.body`, () => {
    it('arrives intact and is counted', async () => {
      const app = await start();
      try {
        const reply = await request(`${app.url}/readable`);
        expect(reply.body.length).to.equal(STREAM_CHUNKS * STREAM_CHUNK.length);
        const wire = await rawResponseBytes(app.url, '/readable?wire=1');
        expect(wire.length).to.be.above(reply.body.length);
        expect((await recordWithQuery(app.warden, '/readable', 'wire=1')).responseBytes).to.equal(wire.length);
      } finally {
        await app.close();
      }
    });
  });
}
