import { expect } from 'chai';
import { isAllowedIp } from '../../src/pipeline/allow-list.js';
import { rememberAnswers } from '../../src/capture/ip-matcher.js';

describe('pipeline: allowIPs and remembered IP answers', () => {
  it('allows listed IPs and ranges in any spelling, and nothing else', () => {
    const allow = ['10.0.0.0/8', '2001:db8::1', '203.0.113.7'];
    expect(isAllowedIp('10.200.3.4', allow)).to.equal(true);
    expect(isAllowedIp('::ffff:10.1.2.3', allow)).to.equal(true);
    expect(isAllowedIp('2001:DB8:0:0::1', allow)).to.equal(true);
    expect(isAllowedIp('203.0.113.8', allow)).to.equal(false);
    expect(isAllowedIp('not an ip', allow)).to.equal(false);
    expect(isAllowedIp('10.0.0.1', [])).to.equal(false);
  });

  it('keeps answering correctly for more distinct clients than it remembers', () => {
    const allow = ['192.168.0.0/16'];
    for (let i = 0; i < 20_000; i++) {
      const inside = `192.168.${(i >> 8) & 255}.${i & 255}`;
      const outside = `172.${16 + (i % 8)}.${(i >> 8) & 255}.${i & 255}`;
      expect(isAllowedIp(inside, allow), inside).to.equal(true);
      expect(isAllowedIp(outside, allow), outside).to.equal(false);
    }
  });

  it('asks the underlying matcher once per IP until its memory is full, then starts afresh', () => {
    const asked: string[] = [];
    const match = rememberAnswers((ip) => { asked.push(ip); return ip.endsWith('.1'); }, 3);
    expect([match('1.1.1.1'), match('1.1.1.2'), match('1.1.1.1'), match('1.1.1.2')]).to.deep.equal([true, false, true, false]);
    expect(asked).to.deep.equal(['1.1.1.1', '1.1.1.2']);
    match('1.1.1.3');
    match('1.1.1.4'); // a fourth IP: memory cleared before it is remembered
    match('1.1.1.1');
    expect(asked).to.deep.equal(['1.1.1.1', '1.1.1.2', '1.1.1.3', '1.1.1.4', '1.1.1.1']);
  });
});
