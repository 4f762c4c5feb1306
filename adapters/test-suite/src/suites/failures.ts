import { expect } from 'chai';
import { abortAfter, recordFor, request } from '../http-helpers.js';
import type { Flavour } from '../test-app.js';

export function failuresSuite(flavours: readonly Flavour[]): void {
  for (const { name: flavour, start } of flavours) {
    describe(`${flavour}: failed and aborted requests`, () => {
      it('records a request whose handler throws, flagged failed', async () => {
        const app = await start();
        try {
          expect((await request(`${app.url}/boom`)).status).to.equal(500);
          const record = await recordFor(app.warden, '/boom');
          expect(record.statusCode).to.equal(500);
          expect(record.flags).to.deep.equal({ failed: true });
        } finally {
          await app.close();
        }
      });

      it('records a request the client abandons, flagged aborted', async () => {
        const app = await start();
        try {
          await abortAfter(`${app.url}/slow`, 50);
          const record = await recordFor(app.warden, '/slow');
          expect(record.flags?.aborted).to.equal(true);
          expect(record.durationMs).to.be.below(400);
        } finally {
          await app.close();
        }
      });
    });
  }
}
