import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { openStorage, type Sessionizer, type Storage } from '@session-warden/core';
import { request, sleep, until } from '../http-helpers.js';
import { startTcpProxy } from '../tcp-proxy.js';
import type { Flavour } from '../test-app.js';

const POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

/** Puts every request of this test in one session of its own, so the shared database's other rows never mix in. */
function oneSession(sessionID: string): Sessionizer {
  return { name: 'test-one-session', assign: () => sessionID, onSessionClosed: () => () => undefined, sweep: () => undefined, closeAll: () => undefined };
}

async function deleteSession(sessionID: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as { Client: new (url: string) => { connect(): Promise<void>; query(q: string, v: unknown[]): Promise<unknown>; end(): Promise<void> } };
  const client = new Client(POSTGRES);
  await client.connect();
  await client.query('DELETE FROM httplogs WHERE "sessionID" = $1', [sessionID]);
  await client.end();
}

export function databaseOutageSuite(flavours: readonly Flavour[]): void {
  for (const { name: flavour, start } of flavours) {
    describe(`${flavour}: database outage (PostgreSQL behind a TCP proxy the test cuts)`, () => {
      it('requests still succeed while the database is unreachable, and the queued records land once it is back', async () => {
        const proxy = await startTcpProxy(5432);
        const sessionID = `outage-${randomUUID()}`;
        let direct: Storage | undefined;
        const app = await start({ storage: `postgres://postgres@127.0.0.1:${proxy.port}/test`, custGroupToSess: oneSession(sessionID) });
        try {
          direct = await openStorage(POSTGRES);
          const stored = async () => (await direct!.requests.findBySession(sessionID)).length;
          expect((await request(`${app.url}/hello`)).status).to.equal(200);
          await until(async () => (await stored()) === 1);

          proxy.cut();
          for (let i = 0; i < 5; i++) {
            const started = Date.now();
            const reply = await request(`${app.url}/products/${i}`);
            expect(reply.status).to.equal(200);
            expect(Date.now() - started).to.be.below(500);
          }
          await sleep(300);
          expect(await stored()).to.equal(1);
          expect(app.warden.stats().recorder.queued + app.warden.stats().recorder.inFlight).to.be.at.least(1);

          proxy.restore();
          await until(async () => (await stored()) === 6, 15_000);
          const paths = (await direct.requests.findBySession(sessionID)).map((r) => r.path);
          expect(paths).to.deep.equal(['/hello', '/products/0', '/products/1', '/products/2', '/products/3', '/products/4']);
        } finally {
          proxy.restore();
          await app.close();
          await proxy.close();
          await direct?.close();
          await deleteSession(sessionID);
        }
      });
    });
  }
}
