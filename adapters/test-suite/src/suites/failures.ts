import { expect } from 'chai';
import { abortAfter, recordFor, request } from '../http-helpers.js';
import type { Flavour, TestApp } from '../test-app.js';

/** Sends the request, checks it is answered `status`, and that its record says so, flagged failed. */
async function expectRecordedFailed(app: TestApp, path: string, status: number, init?: Parameters<typeof request>[1]): Promise<void> {
  expect((await request(`${app.url}${path}`, init)).status).to.equal(status);
  const record = await recordFor(app.warden, path);
  expect(record.statusCode).to.equal(status);
  expect(record.flags).to.deep.equal({ failed: true });
}

export function failuresSuite(flavours: readonly Flavour[]): void {
  for (const { name: flavour, start } of flavours) {
    describe(`${flavour}: failed and aborted requests`, () => {
      it('records a request whose handler throws, flagged failed', async () => {
        const app = await start();
        try {
          await expectRecordedFailed(app, '/boom', 500);
        } finally {
          await app.close();
        }
      });

      it('flags a request failed when a later handler reports an error the framework answers with a 4xx', async () => {
        const app = await start();
        try {
          await expectRecordedFailed(app, '/refuse', 422);
        } finally {
          await app.close();
        }
      });

      it('flags a request with malformed JSON failed when the body parser refuses it with a 400', async () => {
        const app = await start();
        try {
          await expectRecordedFailed(app, '/login', 400, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username": "ann", ' });
          expect(app.hits.login).to.equal(undefined);
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
