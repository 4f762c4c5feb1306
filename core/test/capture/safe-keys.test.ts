import { expect } from 'chai';
import { compileCaptureOptions, safeKey, sanitiseBody } from '../../src/index.js';

describe('capture: keys with $ and .', () => {
  it('become full-width look-alikes, so document stores see no operators or paths', () => {
    expect(safeKey('$where')).to.equal('\uFF04where');
    expect(safeKey('a.b.c')).to.equal('a\uFF0Eb\uFF0Ec');
    expect(safeKey('plain_key')).to.equal('plain_key');
  });

  it('are rewritten at every depth of a stored body, values untouched', () => {
    const out = sanitiseBody({ user: { $ne: 'x', 'profile.name': '$gt' } }, { ...compileCaptureOptions(), maxBytes: 1000 });
    expect(out.value).to.deep.equal({ user: { '\uFF04ne': 'x', 'profile\uFF0Ename': '$gt' } });
  });

  it('keep a "__proto__" key as data, never as a prototype', () => {
    const body = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const out = sanitiseBody(body, { ...compileCaptureOptions(), maxBytes: 1000 }).value as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(JSON.stringify(out)).to.equal('{"__proto__":{"polluted":true},"a":1}');
  });
});
