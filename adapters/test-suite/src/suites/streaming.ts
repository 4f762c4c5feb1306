import { expect } from 'chai';
import { STREAM_CHUNK, STREAM_CHUNKS, type Flavour } from '../test-app.js';
import { rawResponseBytes, recordWithQuery, request } from '../http-helpers.js';

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
          // Counted as it went over the wire: head, body and chunked framing.
          const wire = await rawResponseBytes(app.url, '/stream?wire=1');
          expect(wire.length).to.be.above(reply.body.length);
          expect((await recordWithQuery(app.warden, '/stream', 'wire=1')).responseBytes).to.equal(wire.length);
        } finally {
          await app.close();
        }
      });
    });
  }
}
