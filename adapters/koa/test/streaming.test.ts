import { expect } from 'chai';
import { FLAVOURS, startApp, STREAM_CHUNK, STREAM_CHUNKS } from './app.js';
import { recordFor, request } from './http-helpers.js';

for (const [flavour, framework] of FLAVOURS) {
  describe(`${flavour}: streamed responses`, () => {
    it('arrive intact, with write() backpressure and res.end() returning res', async () => {
      const app = await startApp(framework);
      try {
        const reply = await request(`${app.url}/stream`);
        expect(reply.body.length).to.equal(STREAM_CHUNKS * STREAM_CHUNK.length);
        expect(reply.body.equals(Buffer.concat(Array.from({ length: STREAM_CHUNKS }, () => STREAM_CHUNK)))).to.equal(true);
        expect(app.stream).to.deep.equal({ sawBackpressure: true, endReturnedRes: true });
        const record = await recordFor(app.warden, '/stream');
        expect(record.responseBytes - reply.body.length).to.be.within(50, 400);
      } finally {
        await app.close();
      }
    });
  });
}

for (const [flavour, framework] of FLAVOURS) {
  describe(`${flavour}: a Readable stream as ctx.body`, () => {
    it('arrives intact and is counted', async () => {
      const app = await startApp(framework);
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
