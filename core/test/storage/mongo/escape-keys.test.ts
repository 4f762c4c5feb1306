import { expect } from 'chai';
import { escapeKey, escapeKeys, unescapeKey, unescapeKeys } from '../../../src/storage/mongo/escape-keys.js';

function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (typeof value !== 'object' || value === null || value instanceof Date) return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)]);
}

describe('MongoDB key escaping', () => {
  it('turns $ and . in keys into characters MongoDB accepts as plain field names', () => {
    expect(escapeKey('$where')).to.equal('%24where');
    expect(escapeKey('user.name')).to.equal('user%2Ename');
    expect(escapeKey('plain_key')).to.equal('plain_key');
  });

  it('is reversible, also for keys that already contain % or look escaped', () => {
    for (const key of ['$ne', 'a.b.c', '100%', '%24literal', '%2E', 'a%b$c.d', '', 'é$ü.ß', 'nul\u0000key', '%00']) {
      expect(unescapeKey(escapeKey(key)), key).to.equal(key);
    }
  });

  it('escapes keys at every depth, inside arrays too, and leaves values alone', () => {
    const body = { $gt: '$value.with.dots', nested: { 'a.b': [{ $in: 1 }, 'x.y'] }, when: new Date(0) };
    const escaped = escapeKeys(body) as Record<string, unknown>;
    expect(escaped).to.deep.equal({ '%24gt': '$value.with.dots', nested: { 'a%2Eb': [{ '%24in': 1 }, 'x.y'] }, when: new Date(0) });
    expect(allKeys(escaped).filter((k) => k.includes('$') || k.includes('.'))).to.deep.equal([]);
    expect(unescapeKeys(escaped)).to.deep.equal(body);
  });

  it('passes non-object bodies through unchanged', () => {
    expect(escapeKeys('raw text body')).to.equal('raw text body');
    expect(escapeKeys(null)).to.equal(null);
    expect(escapeKeys([1, 2])).to.deep.equal([1, 2]);
  });
});

describe('MongoDB key escaping of a hostile body', () => {
  it('keeps a "__proto__" key as a field instead of changing the copy\'s prototype', () => {
    const body = JSON.parse('{"__proto__": {"polluted": true}, "a.b": 1}') as Record<string, unknown>;
    const escaped = escapeKeys(body) as Record<string, unknown>;
    expect(Object.getPrototypeOf(escaped)).to.equal(Object.prototype);
    expect(Object.keys(escaped)).to.deep.equal(['__proto__', 'a%2Eb']);
    expect((escaped as { polluted?: unknown }).polluted).to.equal(undefined);
    expect(Object.keys(unescapeKeys(escaped) as object)).to.deep.equal(['__proto__', 'a.b']);
  });
});
