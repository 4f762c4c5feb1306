import { expect } from 'chai';
import { compileCaptureOptions, REDACTED, redactUrlText, sanitiseUrl } from '../../src/index.js';

const defaults = compileCaptureOptions();

describe('capture: URL', () => {
  it('splits path and query, dropping the fragment', () => {
    expect(sanitiseUrl('/search?q=shoes&page=2#top', defaults)).to.deep.equal({ path: '/search', query: 'q=shoes&page=2', truncated: false });
    expect(sanitiseUrl('/', defaults)).to.deep.equal({ path: '/', query: '', truncated: false });
  });

  it('redacts sensitive query values and leaves the rest byte-for-byte', () => {
    const out = sanitiseUrl('/cb?code=abc&access_token=s3cr3t&q=%27%20OR%201%3D1--', defaults);
    expect(out.query).to.equal(`code=abc&access_token=${REDACTED}&q=%27%20OR%201%3D1--`);
  });

  it('redacts card numbers and JWTs found in query values', () => {
    const out = sanitiseUrl('/pay?n=4111111111111111&ref=42', defaults);
    expect(out.query).to.equal(`n=${REDACTED}&ref=42`);
  });

  it('truncates a long path or query with a flag instead of dropping it', () => {
    const options = { ...defaults, maxPathLength: 50, maxQueryLength: 60 };
    const out = sanitiseUrl(`/${'a'.repeat(200)}?q=${'b'.repeat(200)}`, options);
    expect(out.truncated).to.equal(true);
    expect(out.path).to.have.length(50);
    expect(out.query).to.have.length(60);
    expect(out.query.startsWith('q=bbb')).to.equal(true);
  });

  it('redacts JWTs and card numbers inside the path', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(sanitiseUrl(`/reset/${jwt}`, defaults).path).to.equal(`/reset/${REDACTED}`);
    expect(sanitiseUrl('/cards/4111111111111111/limits', defaults).path).to.equal(`/cards/${REDACTED}/limits`);
    expect(sanitiseUrl('/orders/1234567890123', defaults).path).to.equal('/orders/1234567890123');
  });

  it('redacts the query of a Referer the same way', () => {
    expect(redactUrlText('https://shop.example/reset?token=abc123&step=2', defaults)).to.equal(`https://shop.example/reset?token=${REDACTED}&step=2`);
    expect(redactUrlText('https://shop.example/', defaults)).to.equal('https://shop.example/');
  });
});
