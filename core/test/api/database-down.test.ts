import { expect } from 'chai';
import { definePlugin, startApiServer, TOKENS, Warden, type ApiServer } from '../../src/index.js';
import { countingFeaturesDouble, modelsDouble } from '../helpers/doubles.js';
import { call } from '../helpers/http.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { dropTestTables, openTestStorage } from '../storage/sql-test-storage.js';
import { requestRecord, uniqueTag } from '../storage/store-suite.js';

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('classifier API on PostgreSQL when the database goes away (through a TCP proxy the test cuts)', () => {
  let proxy: TcpProxy;
  let warden: Warden;
  let api: ApiServer;
  const sesID = uniqueTag('down');

  before(async () => {
    proxy = await new TcpProxy(5432).start();
    // Tables of our own (prefixed), bound through the Storage port, so parallel runs never collide.
    const storage = await openTestStorage(`postgres://postgres@127.0.0.1:${proxy.port}/test`);
    const storagePlugin = definePlugin({ name: 'test-storage', provides: ['Storage'], register: (c) => { c.register(TOKENS.Storage, { useValue: storage }); } });
    warden = await Warden.start({ groupToSessions: false, plugins: [storagePlugin, countingFeaturesDouble, modelsDouble] });
    await warden.storage.requests.append([requestRecord(sesID, new Date(), { clientIP: '203.0.113.90' })]);
    api = await startApiServer(warden, { port: 0 });
  });
  after(async () => {
    await api?.close();
    if (warden) await dropTestTables(warden.storage);
    await warden?.close();
    await proxy?.cut();
  });

  it('answers 503 while the database is down and recovers by itself when it returns', async () => {
    const post = () => call(`${api.url}/api`, { method: 'POST', body: JSON.stringify({ sesID }) });
    expect((await post()).status).to.equal(200);

    await proxy.cut();
    const down = await post();
    expect(down.status).to.equal(503);
    expect(down.json).to.deep.equal({ error: 'storage_unavailable', message: 'The database is not reachable; try again shortly.' });
    expect(down.headers.get('retry-after')).to.equal('5');
    const health = await call(`${api.url}/healthz`);
    expect(health.status).to.equal(503);
    expect(health.json.storage).to.match(/^postgres postgres:\/\/postgres@127\.0\.0\.1:\d+\/test$/);

    await proxy.restore();
    const back = await until(post, (r) => r.status === 200);
    expect(back.status).to.equal(200);
    expect(back.json.sessionID).to.equal(sesID);
    expect((await call(`${api.url}/healthz`)).status).to.equal(200);
  });
});
