import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExchangeCapture, type ClientIp } from '../../src/index.js';

/**
 * The capture remembers the client IP per connection for peers that are not trusted proxies.
 * A proxy multiplexes many clients over one keep-alive connection: those requests must still be
 * resolved one by one. Both over one real keep-alive connection on loopback.
 */
async function resolvedOverOneConnection(trustProxy: 'loopback' | undefined, forwardedFor: string[]): Promise<ClientIp[]> {
  const capture = createExchangeCapture(trustProxy ? { trustProxy } : {});
  const seen: ClientIp[] = [];
  const ports = new Set<number>();
  const server = http.createServer((req, res) => {
    seen.push(capture.clientIpOf(req));
    ports.add(req.socket.remotePort!);
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (const hop of forwardedFor) {
      await new Promise<void>((resolve, reject) => {
        http.get({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', agent, headers: { 'x-forwarded-for': hop } },
          (res) => { res.resume(); res.on('end', resolve); }).on('error', reject);
      });
    }
  } finally {
    agent.destroy();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
  expect(ports.size, 'all requests came over one connection').to.equal(1);
  return seen;
}

describe('capture: client IP per keep-alive connection', () => {
  it('resolves each request of a trusted proxy\'s connection on its own headers', async () => {
    const seen = await resolvedOverOneConnection('loopback', ['203.0.113.1', '203.0.113.2', '203.0.113.3']);
    expect(seen).to.deep.equal([
      { ip: '203.0.113.1', source: 'x-forwarded-for' },
      { ip: '203.0.113.2', source: 'x-forwarded-for' },
      { ip: '203.0.113.3', source: 'x-forwarded-for' },
    ]);
  });

  it('gives every request of an untrusted peer\'s connection the peer address, whatever its headers say', async () => {
    const seen = await resolvedOverOneConnection(undefined, ['203.0.113.1', '203.0.113.2']);
    expect(seen).to.deep.equal([{ ip: '127.0.0.1', source: 'socket' }, { ip: '127.0.0.1', source: 'socket' }]);
    expect(seen[1], 'the remembered answer is handed out again').to.equal(seen[0]);
    expect(Object.isFrozen(seen[0]), 'a shared answer cannot be changed by one request').to.equal(true);
  });
});
