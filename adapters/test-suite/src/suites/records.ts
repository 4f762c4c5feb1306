import { expect } from 'chai';
import type { Flavour, TestApp } from '../test-app.js';
import { rawExchanges, recordFor, request, storedRecords, until } from '../http-helpers.js';

export function recordsSuite(flavours: readonly Flavour[]): void {
  for (const { name: flavour, start } of flavours) {
    describe(`${flavour}: one record per request`, () => {
      let app: TestApp;
      beforeEach(async () => { app = await start(); });
      afterEach(() => app.close());

      it('stores method, path, query, status, timing, user agent, referer and the client IP source', async () => {
        const before = Date.now();
        const reply = await request(`${app.url}/products/42?q=blue+shoes&page=2`, {
          headers: { 'User-Agent': 'test-agent/1.0', Referer: 'http://shop.example/search' },
        });
        expect(reply.status).to.equal(200);
        const record = await recordFor(app.warden, '/products/42');
        expect(record).to.include({
          method: 'GET', path: '/products/42', query: 'q=blue+shoes&page=2', statusCode: 200,
          clientIP: '127.0.0.1', ipSource: 'socket', userAgent: 'test-agent/1.0', referer: 'http://shop.example/search',
        });
        expect(record.timestamp.getTime()).to.be.within(before - 5, Date.now());
        expect(record.durationMs).to.be.a('number').and.be.at.least(0).and.below(2000);
        expect(record.sessionID).to.be.a('string').and.not.equal('');
        expect(record.flags ?? {}).to.deep.equal({});
      });

      it('counts the exact request and response bytes of each request, even on one keep-alive socket', async () => {
        const post = (path: string, body: string) => `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n`
          + `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
        const sent = [
          post('/login', 'username=a&password=b'),
          post('/login?second=1', `username=${'x'.repeat(5000)}&password=b`),
          'GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
        ];
        const received = await rawExchanges(app.url, sent);
        const all = await until(async () => { const r = await storedRecords(app.warden); return r.length === 3 && r; });
        expect(all.map((r) => r.requestBytes)).to.deep.equal(sent.map((s) => Buffer.byteLength(s)));
        expect(all.map((r) => r.responseBytes)).to.deep.equal(received.map((b) => b.length));
      });

      it('counts each pipelined response\'s own bytes', async () => {
        const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
        const paths = ['/hello?pipelined=1', '/products/7?pipelined=2', '/hello?pipelined=3'];
        const received = await rawExchanges(app.url, paths.map(get), { pipelined: true });
        const all = await until(async () => {
          const r = (await storedRecords(app.warden)).filter((record) => record.query.startsWith('pipelined='));
          return r.length === 3 && r;
        });
        all.sort((a, b) => a.query.localeCompare(b.query));
        expect(new Set(received.map((b) => b.length)).size).to.be.above(1);
        expect(all.map((r) => r.responseBytes)).to.deep.equal(received.map((b) => b.length));
      });

      it('never stores cookies or authorization headers', async () => {
        await request(`${app.url}/hello`, { headers: { Cookie: 'sid=cookie-secret-123', Authorization: 'Basic dXNlcjpwYXNzd29yZA==' } });
        const record = await recordFor(app.warden, '/hello');
        const text = JSON.stringify(record);
        expect(text).not.to.include('cookie-secret-123');
        expect(text).not.to.include('dXNlcjpwYXNzd29yZA');
      });
    });
  }
}
