import { expect } from 'chai';
import { resolveClientIp } from '../../src/index.js';

const CLIENT = '198.51.100.7';
const PROXY = '10.0.0.2';

describe('capture: client IP', () => {
  it('is the socket peer by default, and the record says so', () => {
    expect(resolveClientIp('::ffff:203.0.113.5', {})).to.deep.equal({ ip: '203.0.113.5', source: 'socket' });
  });

  it('ignores every forwarding header from an untrusted peer', () => {
    const spoofed = {
      forwarded: 'for=1.1.1.1', 'x-forwarded-for': '1.1.1.1', 'x-real-ip': '1.1.1.1', 'cf-connecting-ip': '1.1.1.1',
      'true-client-ip': '1.1.1.1', 'fastly-client-ip': '1.1.1.1', 'x-client-ip': '1.1.1.1', 'x-cluster-client-ip': '1.1.1.1', 'x-my-ip': '1.1.1.1',
    };
    expect(resolveClientIp(CLIENT, spoofed, { trustProxy: [PROXY], customIPHeader: 'X-My-IP' })).to.deep.equal({ ip: CLIENT, source: 'socket' });
  });

  it('walks X-Forwarded-For from the right past trusted hops', () => {
    const headers = { 'x-forwarded-for': `6.6.6.6, ${CLIENT}, 10.0.0.9` };
    expect(resolveClientIp(PROXY, headers, { trustProxy: ['10.0.0.0/8'] })).to.deep.equal({ ip: CLIENT, source: 'x-forwarded-for' });
    // Only the nearest proxy trusted: the hop it added is the client, whatever the client wrote further left.
    expect(resolveClientIp(PROXY, headers, { trustProxy: [PROXY] }).ip).to.equal('10.0.0.9');
  });

  it('takes the leftmost hop when every hop is trusted, and the last good hop when a hop is garbage', () => {
    expect(resolveClientIp(PROXY, { 'x-forwarded-for': '10.0.0.5, 10.0.0.6' }, { trustProxy: ['10.0.0.0/8'] }).ip).to.equal('10.0.0.5');
    expect(resolveClientIp(PROXY, { 'x-forwarded-for': 'evil, 10.0.0.6' }, { trustProxy: ['10.0.0.0/8'] }).ip).to.equal('10.0.0.6');
  });

  it('reads hops with ports in X-Forwarded-For', () => {
    expect(resolveClientIp(PROXY, { 'x-forwarded-for': `${CLIENT}:5123` }, { trustProxy: [PROXY] }).ip).to.equal(CLIENT);
  });

  it('prefers Forwarded, with quoted IPv6 and ports, over X-Forwarded-For', () => {
    const headers = { forwarded: 'for="[2001:DB8::17]:4711";proto=https', 'x-forwarded-for': '1.1.1.1' };
    expect(resolveClientIp(PROXY, headers, { trustProxy: [PROXY] })).to.deep.equal({ ip: '2001:db8::17', source: 'forwarded' });
  });

  it('falls back to the next source when a header is invalid', () => {
    const headers = { forwarded: 'for=unknown', 'x-forwarded-for': 'garbage', 'x-real-ip': CLIENT };
    expect(resolveClientIp(PROXY, headers, { trustProxy: [PROXY] })).to.deep.equal({ ip: CLIENT, source: 'x-real-ip' });
    expect(resolveClientIp(PROXY, { 'x-real-ip': 'nonsense' }, { trustProxy: [PROXY] })).to.deep.equal({ ip: PROXY, source: 'socket' });
  });

  it('names each single-value header as the source', () => {
    for (const name of ['x-real-ip', 'cf-connecting-ip', 'true-client-ip', 'fastly-client-ip', 'x-client-ip', 'x-cluster-client-ip'] as const) {
      expect(resolveClientIp(PROXY, { [name]: CLIENT }, { trustProxy: [PROXY] }), name).to.deep.equal({ ip: CLIENT, source: name });
    }
  });

  it('matches customIPHeader case-insensitively and prefers it over the standard headers', () => {
    const options = { trustProxy: [PROXY], customIPHeader: 'X-Origin-IP' };
    expect(resolveClientIp(PROXY, { 'x-origin-ip': CLIENT, 'x-forwarded-for': '1.1.1.1' }, options)).to.deep.equal({ ip: CLIENT, source: 'custom-header' });
    expect(resolveClientIp(PROXY, { 'X-ORIGIN-IP': CLIENT }, options).ip).to.equal(CLIENT);
  });

  it('normalises IPv4-mapped addresses from headers and from a trusted IPv6 peer', () => {
    expect(resolveClientIp('::ffff:127.0.0.1', { 'x-forwarded-for': '::ffff:198.51.100.7' }, { trustProxy: 'loopback' }).ip).to.equal(CLIENT);
  });

  it('a client sending X-Forwarded-For directly can neither change its own IP nor name someone else', () => {
    const victim = '203.0.113.50';
    const seen = resolveClientIp(CLIENT, { 'x-forwarded-for': victim }, { trustProxy: 'loopback' });
    expect(seen.ip).to.equal(CLIENT);
    // Behind a trusted proxy, a prepended victim address stays to the left of the real hop.
    const viaProxy = resolveClientIp('127.0.0.1', { 'x-forwarded-for': `${victim}, ${CLIENT}` }, { trustProxy: 'loopback' });
    expect(viaProxy.ip).to.equal(CLIENT);
  });
});
