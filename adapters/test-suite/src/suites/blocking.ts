import { expect } from 'chai';
import { request, sleep, storedRecords, until } from '../http-helpers.js';
import type { Flavour } from '../test-app.js';

const block = (ip: string, seconds: number) => ({
  clientIP: ip, blockedAt: new Date(), blockedUntil: new Date(Date.now() + seconds * 1000), reason: 'test: 3 abnormal sessions',
});

export function blockingSuite(flavours: readonly Flavour[]): void {
  for (const [index, { name: flavour, start }] of flavours.entries()) {
    describe(`${flavour}: blocked clients`, () => {
      it('get 403 with Retry-After, the handler never runs, the refusal is recorded, and the block expires', async () => {
        const app = await start({ trustProxy: 'loopback' });
        try {
          const bad = { 'X-Forwarded-For': '203.0.113.66' };
          // Written to the store as another process (or the API) would: seen within a second.
          const entry = block('203.0.113.66', 2);
          await app.warden.storage.blocklist.block(entry);
          const refused = await until(async () => { const r = await request(`${app.url}/hello`, { headers: bad }); return r.status === 403 && r; }, 2500);
          expect(Number(refused.headers['retry-after'])).to.be.within(1, 2);
          expect(refused.text).to.match(/temporarily blocked/);
          const hitsWhenBlocked = app.hits.hello ?? 0;
          expect((await request(`${app.url}/hello`, { headers: bad })).status).to.equal(403);
          expect(app.hits.hello ?? 0).to.equal(hitsWhenBlocked);
          expect((await request(`${app.url}/hello`, { headers: { 'X-Forwarded-For': '203.0.113.67' } })).status).to.equal(200);
          const records = await storedRecords(app.warden);
          expect(records.find((r) => r.clientIP === '203.0.113.66' && r.statusCode === 403)?.flags).to.deep.equal({ blocked: true });
          await until(async () => (await app.warden.storage.blocklist.get('203.0.113.66'))?.refusedCount! >= 1, 2500);
          await sleep(Math.max(0, entry.blockedUntil.getTime() + 50 - Date.now()));
          expect((await request(`${app.url}/hello`, { headers: bad })).status).to.equal(200);
          expect(app.hits.hello).to.equal(hitsWhenBlocked + 2);
        } finally {
          await app.close();
        }
      });

      it('answer 429 when blockStatus says so, and cannot dodge the block with X-Forwarded-For', async () => {
        const app = await start({ blockStatus: 429, trustProxy: ['10.0.0.0/8'] });
        try {
          await app.warden.storage.blocklist.block(block('127.0.0.1', 30));
          await until(async () => (await request(`${app.url}/hello`)).status === 429, 2500);
          const hitsWhenBlocked = app.hits.hello ?? 0;
          const dodge = await request(`${app.url}/hello`, { headers: { 'X-Forwarded-For': '198.51.100.1', 'X-Real-IP': '198.51.100.1' } });
          expect(dodge.status).to.equal(429);
          expect(app.hits.hello ?? 0).to.equal(hitsWhenBlocked);
        } finally {
          await app.close();
        }
      });

      // Allow-list and monitor mode live in the runtime, not the adapter: one framework version is enough.
      if (index === 0) it('never refuses allowIPs, nor anyone in monitor mode', async () => {
        const allow = await start({ trustProxy: 'loopback', allowIPs: ['198.51.100.0/24'] });
        const monitor = await start({ trustProxy: 'loopback', mode: 'monitor' });
        try {
          for (const app of [allow, monitor]) {
            await app.warden.storage.blocklist.block(block('198.51.100.9', 30));
            await app.warden.storage.blocklist.block(block('203.0.113.5', 30));
          }
          const as = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } });
          // The control IP shows the block list has been loaded; the allowed one still passes.
          await until(async () => (await request(`${allow.url}/hello`, as('203.0.113.5'))).status === 403, 2500);
          expect((await request(`${allow.url}/hello`, as('198.51.100.9'))).status).to.equal(200);
          await sleep(1200); // past the monitor app's next refresh too
          expect((await request(`${monitor.url}/hello`, as('203.0.113.5'))).status).to.equal(200);
        } finally {
          await allow.close();
          await monitor.close();
        }
      });
    });
  }
}
