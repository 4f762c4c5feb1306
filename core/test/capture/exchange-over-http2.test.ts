import { expect } from 'chai';
import type { IncomingMessage, ServerResponse } from 'node:http';
import http2, { type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { Server } from 'node:net';
import tls from 'node:tls';
import { createExchangeCapture, type CapturedRecord } from '../../src/index.js';
import { listenOnLoopback, until } from '../helpers/loopback-server.js';
import { localhostTls } from '../helpers/localhost-tls.js';
import { RawResponses, rawRequest } from '../helpers/raw-responses.js';

type AnyRequest = IncomingMessage | Http2ServerRequest;
type AnyResponse = ServerResponse | Http2ServerResponse;

/**
 * An app on the HTTP/2 compatibility API, the warden's capture in front (as the adapters call it:
 * Express and Koa take these objects for node:http ones). `/slow` answers only after 300 ms.
 */
function appWithCapture(records: CapturedRecord[]) {
  const capture = createExchangeCapture();
  return (req: AnyRequest, res: AnyResponse) => {
    const request = req as IncomingMessage;
    capture.track(request, res as ServerResponse, { clientIp: capture.clientIpOf(request), onRecord: (r) => records.push(r) });
    let received = 0;
    req.on('data', (chunk: Buffer) => { received += chunk.length; });
    req.on('end', () => {
      const answer = () => {
        const body = `${req.method} ${req.url} got ${received}`;
        res.setHeader('X-App', 'untouched');
        res.writeHead(req.method === 'POST' ? 201 : 200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
        res.end(body);
      };
      if (req.url === '/slow') setTimeout(answer, 300);
      else answer();
    });
  };
}

/** One HTTP/2 request; resolves with what the client received. */
function h2Request(session: http2.ClientHttp2Session, headers: http2.OutgoingHttpHeaders, body?: string) {
  return new Promise<{ status: number; app: unknown; type: unknown; body: string }>((resolve, reject) => {
    const stream = session.request(headers);
    let status = 0;
    let app: unknown;
    let type: unknown;
    let text = '';
    stream.on('response', (h) => { status = h[':status'] as number; app = h['x-app']; type = h['content-type']; });
    stream.setEncoding('utf8').on('data', (chunk: string) => { text += chunk; });
    stream.on('end', () => resolve({ status, app, type, body: text })).on('error', reject);
    stream.end(body);
  });
}

/** Every error the servers and sessions report while a test runs. */
function collectErrors(server: Server) {
  const errors: unknown[] = [];
  for (const event of ['sessionError', 'clientError', 'tlsClientError', 'error']) server.on(event, (e: unknown) => errors.push(e));
  return errors;
}

/**
 * Runs `use` with an HTTP/2 client session to `server` (listening on loopback) and the errors
 * collected meanwhile; closes both afterwards.
 */
async function withSession(
  server: Server, connect: (port: number) => http2.ClientHttp2Session,
  use: (session: http2.ClientHttp2Session, errors: unknown[], port: number) => Promise<void>,
): Promise<void> {
  const errors = collectErrors(server);
  const app = await listenOnLoopback(server);
  const session = connect(app.port);
  session.on('error', (e) => errors.push(e));
  try {
    await use(session, errors, app.port);
  } finally {
    session.destroy();
    await app.close();
  }
}

const h2c = (port: number) => http2.connect(`http://127.0.0.1:${port}`);

describe('capture: exchange over HTTP/2 (compatibility API)', () => {
  it('records method, path and status, says the bytes were not counted, and leaves the response as the app made it (h2c)', async () => {
    const records: CapturedRecord[] = [];
    await withSession(http2.createServer(appWithCapture(records)), h2c, async (session, errors) => {
      const replies = [
        await h2Request(session, { ':path': '/a?x=1' }),
        await h2Request(session, { ':method': 'POST', ':path': '/b', 'content-type': 'text/plain' }, 'hello'),
      ];
      expect(replies).to.deep.equal([
        { status: 200, app: 'untouched', type: 'text/plain', body: 'GET /a?x=1 got 0' },
        { status: 201, app: 'untouched', type: 'text/plain', body: 'POST /b got 5' },
      ]);
      await until(() => records.length === 2);
      expect(records.map((r) => [r.method, r.path, r.query, r.statusCode, r.clientIP, r.responseBytes, r.flags])).to.deep.equal([
        ['GET', '/a', 'x=1', 200, '127.0.0.1', 0, { bytesUncounted: true }],
        ['POST', '/b', '', 201, '127.0.0.1', 0, { bytesUncounted: true }],
      ]);
      expect(errors).to.deep.equal([]);
    });
  });

  it('records a stream the client cancelled as aborted, once, without throwing', async () => {
    const records: CapturedRecord[] = [];
    await withSession(http2.createServer(appWithCapture(records)), h2c, async (session, errors) => {
      const stream = session.request({ ':path': '/slow' });
      stream.on('error', () => {}); // the cancel is this test's own doing
      stream.end();
      await new Promise((r) => setTimeout(r, 50));
      stream.close(http2.constants.NGHTTP2_CANCEL);
      await until(() => records.length === 1);
      await new Promise((r) => setTimeout(r, 400)); // the handler's late answer must neither throw nor record again
      expect(records.map((r) => [r.path, r.responseBytes, r.flags])).to.deep.equal([['/slow', 0, { aborted: true, bytesUncounted: true }]]);
      expect(errors).to.deep.equal([]);
    });
  });

  it('on a secure server that allows HTTP/1.1, counts the HTTP/1.1 exchanges exactly and flags only the HTTP/2 ones', async () => {
    const records: CapturedRecord[] = [];
    const server = http2.createSecureServer({ ...localhostTls, allowHTTP1: true }, appWithCapture(records));
    const secure = (port: number) => http2.connect(`https://localhost:${port}`, { ca: localhostTls.cert });
    let socket: tls.TLSSocket | undefined;
    await withSession(server, secure, async (session, errors, port) => {
      expect(await h2Request(session, { ':path': '/over-h2' })).to.include({ status: 200, body: 'GET /over-h2 got 0' });
      const h1 = socket = tls.connect({ port, host: '127.0.0.1', servername: 'localhost', ca: localhostTls.cert, ALPNProtocols: ['http/1.1'] });
      await new Promise((resolve, reject) => h1.once('secureConnect', resolve).once('error', reject));
      expect(h1.alpnProtocol).to.equal('http/1.1');
      const responses = new RawResponses(h1);
      const sent = rawRequest('POST', '/over-h1', {}, 'abc');
      h1.write(sent);
      const received = await responses.next();
      const text = received.toString();
      expect(text.startsWith('HTTP/1.1 201 Created\r\n') && text.includes('\r\nX-App: untouched\r\n') && text.endsWith('\r\n\r\nPOST /over-h1 got 3'), text).to.equal(true);

      await until(() => records.length === 2);
      expect(records.map((r) => [r.method, r.path, r.statusCode, r.flags])).to.deep.equal([
        ['GET', '/over-h2', 200, { bytesUncounted: true }],
        ['POST', '/over-h1', 201, undefined],
      ]);
      expect(records[1]).to.include({ requestBytes: Buffer.byteLength(sent), responseBytes: received.length });
      expect(errors).to.deep.equal([]);
    }).finally(() => socket?.destroy());
  });
});
