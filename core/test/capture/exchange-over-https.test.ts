import { expect } from 'chai';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { createExchangeCapture, type CapturedRecord } from '../../src/index.js';
import { listenOnLoopback, until } from '../helpers/loopback-server.js';
import { localhostTls } from '../helpers/localhost-tls.js';
import { RawResponses, rawRequest } from '../helpers/raw-responses.js';

describe('capture: exchange over HTTPS', () => {
  it('records each keep-alive request on one TLS connection with the plaintext bytes it sent and received', async () => {
    const capture = createExchangeCapture();
    const records: CapturedRecord[] = [];
    const server = https.createServer(localhostTls, (req: IncomingMessage, res: ServerResponse) => {
      capture.track(req, res, { clientIp: capture.clientIpOf(req), onRecord: (r) => records.push(r) });
      let received = 0;
      req.on('data', (chunk: Buffer) => { received += chunk.length; });
      req.on('end', () => {
        // A body far larger than one TLS record: ciphertext and plaintext sizes differ widely.
        if (req.url === '/large') res.writeHead(201, { 'Content-Type': 'text/plain', 'Content-Length': 200_000 }).end('z'.repeat(200_000));
        else res.end(`got ${received} bytes`);
      });
    });
    const app = await listenOnLoopback(server);
    const socket = tls.connect({ port: app.port, host: '127.0.0.1', servername: 'localhost', ca: localhostTls.cert });
    try {
      await new Promise((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
      expect(socket.authorized).to.equal(true);
      const responses = new RawResponses(socket);
      const sent = [
        rawRequest('POST', '/form?step=1', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'name=a&note=b'),
        rawRequest('GET', '/large', { 'User-Agent': 'raw-tls' }),
      ];
      const received: Buffer[] = [];
      for (const request of sent) {
        socket.write(request);
        received.push(await responses.next());
      }
      expect(received[0]!.toString()).to.match(/^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\ngot 13 bytes$/);
      expect(received[1]!.length).to.be.above(200_000);

      await until(() => records.length === 2);
      expect(records.map((r) => [r.method, r.path, r.query, r.statusCode, r.flags])).to.deep.equal([
        ['POST', '/form', 'step=1', 200, undefined],
        ['GET', '/large', '', 201, undefined],
      ]);
      expect(records.map((r) => r.requestBytes)).to.deep.equal(sent.map((s) => Buffer.byteLength(s)));
      expect(records.map((r) => r.responseBytes)).to.deep.equal(received.map((b) => b.length));
    } finally {
      socket.destroy();
      await app.close();
    }
  });
});
