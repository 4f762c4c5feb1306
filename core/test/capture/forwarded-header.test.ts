import { expect } from 'chai';
import { parseForwardedFor } from '../../src/index.js';

describe('capture: RFC 7239 Forwarded header', () => {
  it('lists the for= value of each element, client first', () => {
    expect(parseForwardedFor('for=192.0.2.43, for=198.51.100.17')).to.deep.equal(['192.0.2.43', '198.51.100.17']);
    expect(parseForwardedFor('for=192.0.2.60;proto=http;by=203.0.113.43')).to.deep.equal(['192.0.2.60']);
  });

  it('unquotes quoted-strings, which may hold IPv6 with brackets and ports, commas and semicolons', () => {
    expect(parseForwardedFor('For="[2001:db8:cafe::17]:4711"')).to.deep.equal(['[2001:db8:cafe::17]:4711']);
    expect(parseForwardedFor('for="a,b;c", for=10.0.0.1')).to.deep.equal(['a,b;c', '10.0.0.1']);
  });

  it("keeps an element's position when it has no for=", () => {
    expect(parseForwardedFor('proto=https, for=10.0.0.1')).to.deep.equal(['', '10.0.0.1']);
  });

  it('returns null for malformed headers', () => {
    expect(parseForwardedFor('for')).to.equal(null);
    expect(parseForwardedFor('for="unterminated')).to.equal(null);
    expect(parseForwardedFor('f o r=1.2.3.4')).to.equal(null);
  });
});
