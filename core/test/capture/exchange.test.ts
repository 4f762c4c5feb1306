import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExchangeCapture, type CapturedRecord, type ExchangeInput } from '../../src/index.js';

/** A bare Node server (no framework) whose handler is given the capture. */
async function serve(handle: (req: http.IncomingMessage, res: http.ServerResponse, records: CapturedRecord[]) => void) {
  const records: CapturedRecord[] = [];
  const server = http.createServer((req, res) => handle(req, res, records));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, records, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

function fetchText(url: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.request(url, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => { body += c; }).on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject).end();
  });
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).to.equal(true);
};

describe('capture: exchange over Node http (no framework)', () => {
  const capture = createExchangeCapture();
  const input = (req: http.IncomingMessage, records: CapturedRecord[], extra: Partial<ExchangeInput> = {}): ExchangeInput =>
    ({ clientIp: capture.clientIpOf(req), onRecord: (r) => records.push(r), ...extra });

  it('hands exactly one record per request to onRecord, when the response finishes', async () => {
    const app = await serve((req, res, records) => {
      capture.track(req, res, input(req, records));
      res.end('ok');
    });
    try {
      await fetchText(`${app.url}/a?x=1`);
      await fetchText(`${app.url}/b`);
      await waitFor(() => app.records.length === 2);
      await new Promise((r) => setTimeout(r, 30)); // a late 'close' must not add a second record
      expect(app.records.map((r) => [r.path, r.query, r.statusCode])).to.deep.equal([['/a', 'x=1', 200], ['/b', '', 200]]);
    } finally {
      await app.close();
    }
  });

  it('counts no response body for HEAD', async () => {
    const app = await serve((req, res, records) => {
      capture.track(req, res, input(req, records));
      res.setHeader('Content-Length', '5');
      res.end(req.method === 'HEAD' ? undefined : 'hello');
    });
    try {
      await fetchText(`${app.url}/h`, 'HEAD');
      await fetchText(`${app.url}/g`);
      await waitFor(() => app.records.length === 2);
      const [head, get] = app.records;
      expect(get!.responseBytes - head!.responseBytes).to.equal(5);
    } finally {
      await app.close();
    }
  });

  it('counts only its own response bytes when a response it did not watch went first on the connection', async () => {
    const app = await serve((req, res, records) => {
      if (req.url === '/unwatched') {
        res.end('x'.repeat(3000)); // as a route mounted before the warden would
        return;
      }
      capture.track(req, res, input(req, records));
      res.end('small');
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) => new Promise<void>((resolve, reject) => {
      http.get(`${app.url}${path}`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject);
    });
    try {
      await get('/watched');
      await get('/unwatched');
      await get('/watched');
      await waitFor(() => app.records.length === 2);
      const [alone, afterUnwatched] = app.records;
      expect(alone!.responseBytes).to.be.within(100, 200);
      expect(afterUnwatched!.responseBytes).to.equal(alone!.responseBytes);
    } finally {
      agent.destroy();
      await app.close();
    }
  });

  it('records the URL as it arrived, even when the app rewrote req.url before the capture ran', async () => {
    const app = await serve((req, res, records) => {
      req.url = '/rewritten'; // as a router mounted in front would
      capture.track(req, res, input(req, records));
      res.end('ok');
    });
    try {
      await fetchText(`${app.url}/warm-up`); // the capture learns the server from its first request
      await fetchText(`${app.url}/as/sent?q=1`);
      await waitFor(() => app.records.length === 2);
      expect(app.records.map((r) => [r.path, r.query])).to.deep.equal([['/rewritten', ''], ['/as/sent', 'q=1']]);
    } finally {
      await app.close();
    }
  });

  it('keeps each request its own URL, IP and bytes when it is tracked after others have arrived', async () => {
    // The capture runs late (after an asynchronous step, as behind an async middleware), so
    // other requests arrive in between: each request must still be read as itself.
    const app = await serve((req, res, records) => {
      setTimeout(() => {
        capture.track(req, res, input(req, records));
        res.end(req.url);
      }, 30);
    });
    try {
      await fetchText(`${app.url}/warm-up`); // from now on the capture notes this server's arrivals
      const paths = Array.from({ length: 6 }, (_, i) => `/late/${i}?n=${'x'.repeat(i * 10)}`);
      const replies = await Promise.all(paths.map((path) => fetchText(`${app.url}${path}`)));
      expect(replies.map((r) => r.body)).to.deep.equal(paths);
      await waitFor(() => app.records.length === 7);
      const byPath = new Map(app.records.map((r) => [`${r.path}?${r.query}`, r]));
      for (const path of paths) {
        const record = byPath.get(path)!;
        expect(record, path).to.not.equal(undefined);
        expect(record.clientIP).to.equal('127.0.0.1');
        expect(record.requestBytes).to.be.above(path.length);
      }
      // Same status line and headers, bodies of different lengths: the byte counts differ by exactly that.
      const bytes = paths.map((path) => byPath.get(path)!.responseBytes - path.length);
      expect(new Set(bytes).size).to.equal(1);
    } finally {
      await app.close();
    }
  });

  it('survives a throwing body reader and a throwing onRecord', async () => {
    let calls = 0;
    const app = await serve((req, res, records) => {
      capture.track(req, res, input(req, records, { readBody: () => { throw new Error('bad body'); } }));
      capture.track(req, res, { clientIp: capture.clientIpOf(req), onRecord: () => { calls++; throw new Error('sink down'); } });
      res.end('fine');
    });
    try {
      expect(await fetchText(`${app.url}/x`)).to.deep.equal({ status: 200, body: 'fine' });
      await waitFor(() => app.records.length === 1 && calls === 1);
      expect(app.records[0]!.body).to.equal(undefined);
    } finally {
      await app.close();
    }
  });

  it('stores the user agent, referer and content type, cut to a sane length', async () => {
    const app = await serve((req, res, records) => {
      capture.track(req, res, input(req, records));
      res.end();
    });
    try {
      await new Promise<void>((resolve) => {
        http.request(`${app.url}/ua`, { headers: { 'User-Agent': 'u'.repeat(5000), Referer: 'http://r/', 'Content-Type': 'text/plain' } }, (res) => res.resume().on('end', resolve)).end();
      });
      await waitFor(() => app.records.length === 1);
      expect(app.records[0]!.userAgent).to.have.length(1024);
      expect(app.records[0]).to.include({ referer: 'http://r/', contentType: 'text/plain' });
    } finally {
      await app.close();
    }
  });

  it('flags an exchange failed through its response, and ignores a response it does not track or that has ended', async () => {
    const ended: http.ServerResponse[] = [];
    const app = await serve((req, res, records) => {
      if (req.url === '/untracked') {
        capture.markFailed(res); // nothing to flag, nothing thrown
        res.end('ok');
        return;
      }
      capture.track(req, res, input(req, records));
      if (req.url === '/refused') capture.markFailed(res);
      res.statusCode = 400;
      res.end('no', () => ended.push(res));
    });
    try {
      await fetchText(`${app.url}/untracked`);
      await fetchText(`${app.url}/refused`);
      await fetchText(`${app.url}/fine`);
      await waitFor(() => app.records.length === 2);
      ended.forEach((res) => capture.markFailed(res)); // after the end: no throw, and the records stay as built
      expect(app.records.map((r) => [r.path, r.flags])).to.deep.equal([['/refused', { failed: true }], ['/fine', undefined]]);
    } finally {
      await app.close();
    }
  });
});
