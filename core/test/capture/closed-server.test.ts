import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createExchangeCapture } from '../../src/index.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Serves one captured request, closes the server and returns only a weak reference to it. */
async function serveOnceAndClose(): Promise<WeakRef<http.Server>> {
  const capture = createExchangeCapture();
  let recorded = 0;
  const server = http.createServer((req, res) => {
    capture.track(req, res, { clientIp: capture.clientIpOf(req), onRecord: () => { recorded++; } });
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  for (let i = 0; i < 2; i++) { // the second request arrives on a server already noted
    await new Promise<void>((resolve, reject) => {
      http.get(url, { agent: false }, (res) => res.resume().on('end', resolve)).on('error', reject);
    });
  }
  await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  expect(recorded).to.equal(2);
  return new WeakRef(server);
}

describe('capture: a closed server', () => {
  it('is not kept reachable by the capture once it has closed', async () => {
    const server = await serveOnceAndClose();
    for (let i = 0; i < 10 && server.deref(); i++) {
      await new Promise((r) => setTimeout(r, 10));
      collectGarbage();
    }
    expect(server.deref()).to.equal(undefined);
  });
});
