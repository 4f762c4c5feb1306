import { expect } from 'chai';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import { createExchangeCapture, type CapturedRecord, type ExchangeCapture } from '../../src/index.js';
import { listenOnLoopback, until } from '../helpers/loopback-server.js';
import { RawResponses, rawRequest } from '../helpers/raw-responses.js';

const CONTINUE = 'HTTP/1.1 100 Continue\r\n\r\n';

/** A handler that tracks its exchange, reads the body, then answers with its size. */
function answering(capture: ExchangeCapture, records: CapturedRecord[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    capture.track(req, res, { clientIp: capture.clientIpOf(req), onRecord: (r) => records.push(r) });
    let received = 0;
    req.on('data', (chunk: Buffer) => { received += chunk.length; });
    req.on('end', () => res.end(`${req.url} got ${received}`));
  };
}

/**
 * Sends each body behind `Expect: 100-continue` over one raw connection, as a careful client does:
 * the head, then the body once the interim response has come. Returns, per request, what was
 * sent and everything that came back (interim and final response).
 */
async function sendExpectingContinue(port: number, exchanges: { path: string; body: string }[]) {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const responses = new RawResponses(socket);
  const results: { sent: number; interim: string; final: Buffer }[] = [];
  try {
    for (const { path, body } of exchanges) {
      const head = rawRequest('POST', path, { 'Content-Length': String(Buffer.byteLength(body)), Expect: '100-continue' });
      socket.write(head);
      const interim = (await responses.next()).toString('latin1');
      socket.write(body);
      results.push({ sent: Buffer.byteLength(head + body), interim, final: await responses.next() });
    }
  } finally {
    socket.destroy();
  }
  return results;
}

describe('capture: Expect: 100-continue', () => {
  it('counts the interim 100 Continue in its exchange\'s bytes, on a connection\'s first request and on later ones', async () => {
    const capture = createExchangeCapture();
    const records: CapturedRecord[] = [];
    const app = await listenOnLoopback(http.createServer(answering(capture, records)));
    try {
      // Two connections: on the first, the capture meets the server during the request; on the
      // second, it already noted the request as it arrived.
      const results = [
        ...await sendExpectingContinue(app.port, [{ path: '/first', body: 'a=1' }, { path: '/later', body: 'b=22' }]),
        ...await sendExpectingContinue(app.port, [{ path: '/first-again', body: 'c=333' }, { path: '/later-again', body: 'd=4444' }]),
      ];
      expect(results.map((r) => r.interim)).to.deep.equal([CONTINUE, CONTINUE, CONTINUE, CONTINUE]);
      await until(() => records.length === 4);
      expect(records.map((r) => [r.path, r.statusCode])).to.deep.equal([['/first', 200], ['/later', 200], ['/first-again', 200], ['/later-again', 200]]);
      expect(records.map((r) => r.requestBytes)).to.deep.equal(results.map((r) => r.sent));
      expect(records.map((r) => r.responseBytes)).to.deep.equal(results.map((r) => CONTINUE.length + r.final.length));
    } finally {
      await app.close();
    }
  });

  it('counts it once when the app sends it itself, before or after the capture sees the request', async () => {
    const capture = createExchangeCapture();
    const records: CapturedRecord[] = [];
    const handle = answering(capture, records);
    const server = http.createServer(handle);
    // With a 'checkContinue' listener Node leaves the interim response to the app.
    server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
      if (req.url!.startsWith('/before')) {
        res.writeContinue();
        handle(req, res);
      } else {
        handle(req, res);
        res.writeContinue();
      }
    });
    const app = await listenOnLoopback(server);
    try {
      const results = [
        ...await sendExpectingContinue(app.port, [{ path: '/before', body: 'a=1' }, { path: '/after', body: 'b=22' }]),
        ...await sendExpectingContinue(app.port, [{ path: '/after-first', body: 'c=333' }, { path: '/before-later', body: 'd=4444' }]),
      ];
      await until(() => records.length === 4);
      expect(records.map((r) => r.path)).to.deep.equal(['/before', '/after', '/after-first', '/before-later']);
      expect(records.map((r) => r.responseBytes)).to.deep.equal(results.map((r) => CONTINUE.length + r.final.length));
    } finally {
      await app.close();
    }
  });
});
