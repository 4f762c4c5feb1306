import { expect } from 'chai';
import { compileCaptureOptions, sanitiseBody } from '../../src/index.js';

const options = (maxBytes: number) => ({ ...compileCaptureOptions(), maxBytes });
const jsonSize = (v: unknown) => Buffer.byteLength(JSON.stringify(v));

describe('capture: body truncation', () => {
  it('keeps a body within maxBodyBytes untouched and unflagged', () => {
    const body = { q: 'shoes', page: 2, tags: ['a', 'b'], ok: true, none: null };
    expect(sanitiseBody(body, options(8192))).to.deep.equal({ value: body, truncated: false });
  });

  it('cuts a large body to the budget, flagged, still a well-formed value', () => {
    const body = { comment: 'x'.repeat(20_000), other: 'y'.repeat(100) };
    const out = sanitiseBody(body, options(1024));
    expect(out.truncated).to.equal(true);
    expect(jsonSize(out.value)).to.be.at.most(1024);
    expect((out.value as { comment: string }).comment).to.match(/^x{900,}$/);
  });

  it('never exceeds the budget with many fields, multi-byte text and nesting', () => {
    const body: Record<string, unknown> = {};
    for (let i = 0; i < 500; i++) body[`field${i}`] = { text: 'héllo wörld ✓ 😀'.repeat(i % 7), n: i };
    for (const max of [16, 100, 777, 4096]) {
      const out = sanitiseBody(body, options(max));
      expect(out.truncated, String(max)).to.equal(true);
      expect(jsonSize(out.value), String(max)).to.be.at.most(max);
    }
  });

  it('does not split a surrogate pair when cutting', () => {
    const out = sanitiseBody('😀'.repeat(100), options(31));
    expect(out.value).to.equal('😀'.repeat(7));
  });

  it('stores a raw Buffer or text body as text', () => {
    expect(sanitiseBody(Buffer.from('a=1'), options(100)).value).to.equal('a=1');
  });

  it('stops at hostile nesting depth instead of recursing without end', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 1000; i++) deep = { d: deep };
    const out = sanitiseBody(deep, options(1_000_000));
    expect(out.truncated).to.equal(true);
  });
});
