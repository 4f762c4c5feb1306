import { expect } from 'chai';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestRecord, Warden, WardenOptions } from '@session-warden/core';

/** An example app as the shared tests see it: a server to listen on, and its Session Warden middleware. */
export interface ShopUnderTest {
  /** A server for the app, not yet listening. */
  server(): http.Server;
  protection: { readonly ready: Promise<Warden>; close(): Promise<void> };
}

function get(url: string, init: { method?: string; body?: string; type?: string } = {}): Promise<{ status: number; text: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.type ? { 'Content-Type': init.type } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c) => { text += c; }).on('end', () => resolve({ status: res.statusCode!, text, type: res.headers['content-type'] }));
    });
    req.on('error', reject).end(init.body);
  });
}

/** What every framework's shop example must do, whichever framework serves it. */
export function shopSuite(framework: string, config: WardenOptions, build: (options: WardenOptions) => ShopUnderTest): void {
  describe(`example: ${framework} shop behind warden(config)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-example-shop-'));
    const { server: makeServer, protection } = build({ ...config, storage: { type: 'sqlite', database: join(dir, 'warden.db') }, useModels: false, handleSignals: false });
    let server: http.Server;
    let base: string;
    before(async () => {
      server = makeServer().listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await protection.ready;
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await protection.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('reads its options from the warden.config module', () => {
      expect(config).to.include({ maxAbnormal: 2, blockDuration: 60, blockIP: process.env.WARDEN_BLOCK_IP === '1' });
      expect(config.storage).to.deep.equal({ type: 'sqlite', database: 'warden.db' });
    });

    it('serves the home page, product pages, search, login, the JSON API and static files', async () => {
      expect((await get(`${base}/`)).text).to.include('Trail boots');
      expect((await get(`${base}/products/tin-mug`)).text).to.include('Enamel tin mug');
      expect((await get(`${base}/products/nope`)).status).to.equal(404);
      const search = await get(`${base}/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
      expect(search.text).not.to.include('<script>alert(1)</script>');
      expect(search.text).to.include('&#60;script&#62;');
      expect(JSON.parse((await get(`${base}/api/products?q=wool`)).text).products).to.have.length(1);
      expect((await get(`${base}/static/style.css`)).type).to.match(/css/);
      expect((await get(`${base}/login`, { method: 'POST', body: 'username=alice&password=wonderland', type: 'application/x-www-form-urlencoded' })).status).to.equal(200);
      expect((await get(`${base}/login`, { method: 'POST', body: 'username=alice&password=guess', type: 'application/x-www-form-urlencoded' })).status).to.equal(401);
    });

    it('records every request, with login passwords redacted', async () => {
      const warden = await protection.ready;
      await warden.settle();
      const ids = await warden.storage.requests.listSessionIds(100);
      const records: RequestRecord[] = (await Promise.all(ids.map((id) => warden.storage.requests.findBySession(id)))).flat();
      expect(records.map((r) => r.path)).to.include.members(['/', '/products/tin-mug', '/search', '/api/products', '/static/style.css', '/login']);
      const logins = records.filter((r) => r.path === '/login');
      expect(logins.map((r) => r.body)).to.deep.equal([{ username: 'alice', password: '[REDACTED]' }, { username: 'alice', password: '[REDACTED]' }]);
    });
  });
}
