import { expect } from 'chai';
import { ipFromHop, normaliseIp } from '../../src/index.js';

describe('capture: IP normalisation', () => {
  it('turns IPv4-mapped IPv6 into plain IPv4, in dotted and hex spelling', () => {
    expect(normaliseIp('::ffff:127.0.0.1')).to.equal('127.0.0.1');
    expect(normaliseIp('::FFFF:203.0.113.9')).to.equal('203.0.113.9');
    expect(normaliseIp('::ffff:cb00:7109')).to.equal('203.0.113.9');
  });

  it('gives one spelling per IPv6 address (lower case, compressed, zone dropped)', () => {
    expect(normaliseIp('2001:DB8:0:0:0:0:0:1')).to.equal('2001:db8::1');
    expect(normaliseIp('fe80::1%eth0')).to.equal('fe80::1');
  });

  it('rejects what is not an address', () => {
    for (const bad of ['', 'unknown', '1.2.3', '300.1.1.1', '1.2.3.4 ', 'localhost', '::g']) expect(normaliseIp(bad), bad).to.equal(null);
  });

  it('reads hops with ports, brackets and quotes', () => {
    expect(ipFromHop(' 198.51.100.7:8080 ')).to.equal('198.51.100.7');
    expect(ipFromHop('[2001:db8::17]:4711')).to.equal('2001:db8::17');
    expect(ipFromHop('"[2001:db8:cafe::17]"')).to.equal('2001:db8:cafe::17');
    expect(ipFromHop('2001:db8::17')).to.equal('2001:db8::17');
    expect(ipFromHop('_hidden')).to.equal(null);
    expect(ipFromHop('198.51.100.7:http')).to.equal(null);
    expect(ipFromHop('[2001:db8::17]junk')).to.equal(null);
  });
});
