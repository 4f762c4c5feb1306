import { expect } from 'chai';
import { compileCaptureOptions, passesLuhn, REDACTED, redactString, DEFAULT_VALUE_PATTERNS, sanitiseBody } from '../../src/index.js';

const defaults = compileCaptureOptions();
const sanitise = (body: unknown, options = defaults) => sanitiseBody(body, { ...options, maxBytes: options.maxBodyBytes });

describe('capture: redaction', () => {
  it('redacts values under sensitive keys, whatever their spelling, at any depth', () => {
    const body = {
      username: 'alice', password: 'hunter2', userPassword: 'x', pwd: 'x', api_key: 'k', 'X-Auth-Token': 't',
      client_secret: 's', authorization: 'Basic abc', card: { number: '1', cvv: '123' }, ssn: '078-05-1120',
      nested: [{ passwd: 'p' }],
    };
    const out = sanitise(body).value as Record<string, unknown>;
    expect(out.username).to.equal('alice');
    for (const key of ['password', 'userPassword', 'pwd', 'api_key', 'X-Auth-Token', 'client_secret', 'authorization', 'card', 'ssn']) {
      expect(out[key], key).to.equal(REDACTED);
    }
    expect(out.nested).to.deep.equal([{ passwd: REDACTED }]);
    expect(JSON.stringify(out)).not.to.match(/hunter2|Basic abc|078-05-1120/);
  });

  it('keeps look-alike keys that are not secrets', () => {
    const out = sanitise({ passenger: 'Bob', author: 'Ann', cardigan: 'red', compass: 'N' }).value;
    expect(out).to.deep.equal({ passenger: 'Bob', author: 'Ann', cardigan: 'red', compass: 'N' });
  });

  it('redacts card numbers that pass the Luhn check, and only those', () => {
    expect(passesLuhn('4111111111111111')).to.equal(true);
    expect(passesLuhn('4111111111111112')).to.equal(false);
    const text = 'pay with 4111 1111 1111 1111 or 5500-0000-0000-0004, order 1234567890123';
    expect(redactString(text, DEFAULT_VALUE_PATTERNS)).to.equal(`pay with ${REDACTED} or ${REDACTED}, order 1234567890123`);
  });

  it('redacts JWTs and bearer tokens inside free text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(redactString(`token is ${jwt}!`, DEFAULT_VALUE_PATTERNS)).to.equal(`token is ${REDACTED}!`);
    expect(redactString('Authorization: Bearer abcdef123456.xyz', DEFAULT_VALUE_PATTERNS)).to.equal(`Authorization: ${REDACTED}`);
    expect(sanitise({ comment: `see ${jwt}` }).value).to.deep.equal({ comment: `see ${REDACTED}` });
  });

  it('is configurable: extra keys and patterns, or only your own', () => {
    const extra = compileCaptureOptions({ redact: { keys: ['mothersMaidenName', /^x-/i], valuePatterns: [{ name: 'ticket', pattern: /TCK-\d+/g }] } });
    expect(sanitise({ mothers_maiden_name: 'Smith', 'x-internal': 'v', note: 'ref TCK-991', password: 'p' }, extra).value)
      .to.deep.equal({ mothers_maiden_name: REDACTED, 'x-internal': REDACTED, note: `ref ${REDACTED}`, password: REDACTED });
    const only = compileCaptureOptions({ redact: { keys: ['pin'], replaceDefaults: true } });
    expect(sanitise({ password: 'p', pin: '1234' }, only).value).to.deep.equal({ password: 'p', pin: REDACTED });
  });

  it('refuses a value pattern without the g flag', () => {
    expect(() => compileCaptureOptions({ redact: { valuePatterns: [{ name: 'x', pattern: /x/ }] } })).to.throw(/must be a RegExp with the g flag/);
  });
});
