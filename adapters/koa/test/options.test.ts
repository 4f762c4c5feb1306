import { expect } from 'chai';
import { WardenConfigError } from '@session-warden/core';
import { warden } from '../src/index.js';

describe('Koa adapter: options', () => {
  it('rejects a malformed trustProxy or option at once, naming it, before anything starts', () => {
    expect(() => warden({ trustProxy: ['10.0.0.0/99'] })).to.throw(WardenConfigError, /"trustProxy" has "10.0.0.0\/99"/);
    expect(() => warden({ blockStatus: 500 as 403 })).to.throw(WardenConfigError, /"blockStatus" got 500/);
    expect(() => warden({ redact: { valuePatterns: [{ name: 'x', pattern: /x/ }] } })).to.throw(WardenConfigError, /g flag/);
  });
});
