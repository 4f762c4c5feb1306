import { expect } from 'chai';
import { STREAM_CHUNK, STREAM_CHUNKS, type Flavour } from '../test-app.js';
import { recordFor, request } from '../http-helpers.js';

export function streamingSuite(flavours: readonly Flavour[]): void {
  for (const { name: flavour, start } of flavours) {
    describe(`${flavour}: streamed responses`, () => {
      it('arrive intact, with write() backpressure and res.end() returning res', async () => {
        const app = await start();
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
}
