import { expect } from 'chai';
import { compileIpList, compileTrustProxy, WardenConfigError } from '../../src/index.js';

describe('capture: trustProxy', () => {
  it('trusts no one by default', () => {
    const trusted = compileTrustProxy(undefined);
    expect(trusted('127.0.0.1')).to.equal(false);
  });

  it("'loopback' covers 127.0.0.0/8 and ::1 only", () => {
    const trusted = compileTrustProxy('loopback');
    expect(trusted('127.0.0.1')).to.equal(true);
    expect(trusted('127.9.9.9')).to.equal(true);
    expect(trusted('::1')).to.equal(true);
    expect(trusted('10.0.0.1')).to.equal(false);
    expect(trusted('::2')).to.equal(false);
  });

  it('matches IPv4 and IPv6 CIDR ranges and single addresses', () => {
    const trusted = compileTrustProxy(['10.0.0.0/8', '2001:db8::/32', '203.0.113.7', 'uniquelocal']);
    expect(trusted('10.200.1.1')).to.equal(true);
    expect(trusted('11.0.0.1')).to.equal(false);
    expect(trusted('2001:db8:ffff::1')).to.equal(true);
    expect(trusted('2001:db9::1')).to.equal(false);
    expect(trusted('203.0.113.7')).to.equal(true);
    expect(trusted('203.0.113.8')).to.equal(false);
    expect(trusted('192.168.4.4')).to.equal(true);
    expect(trusted('fd00::5')).to.equal(true);
  });

  it('asks a function, and treats a throwing function as "not trusted"', () => {
    expect(compileTrustProxy((ip) => ip.startsWith('172.'))('172.1.1.1')).to.equal(true);
    expect(compileTrustProxy(() => { throw new Error('boom'); })('172.1.1.1')).to.equal(false);
  });

  it('rejects malformed entries with a message naming the option and an example', () => {
    expect(() => compileTrustProxy(['10.0.0.0/33'])).to.throw(WardenConfigError, /"trustProxy" has "10.0.0.0\/33".*10.0.0.0\/8/);
    expect(() => compileIpList(['not-an-ip'], 'allowIPs')).to.throw(WardenConfigError, /"allowIPs" has "not-an-ip"/);
    expect(() => compileTrustProxy(['1.2.3.4/8/1'])).to.throw(WardenConfigError);
  });
});
