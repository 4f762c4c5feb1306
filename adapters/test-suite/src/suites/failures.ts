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

      it('flags a request failed when a later handler reports an error the framework answers with a 4xx', async () => {
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

      it('flags a request with malformed JSON failed when the body parser refuses it with a 400', async () => {
        const app = await start();
        try {
          const reply = await request(`${app.url}/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username": "ann", ' });
          expect(reply.status).to.equal(400);
          expect(app.hits.login).to.equal(undefined);
          const record = await recordFor(app.warden, '/login');
          expect(record.statusCode).to.equal(400);
          expect(record.flags).to.deep.equal({ failed: true });
        } finally {
          await app.close();
        }
      });

      it('does not flag a request answered 404 because no route matched', async () => {
        const app = await start();
        try {
          expect((await request(`${app.url}/no-such-page`)).status).to.equal(404);
          const record = await recordFor(app.warden, '/no-such-page');
          expect(record.flags).to.equal(undefined);
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
