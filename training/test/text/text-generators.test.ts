import { expect } from 'chai';
import { TEXT_LABELS } from '@session-warden/core';
import { generateTextDataset, isHeldOut } from '../../src/text/generators/dataset.js';

describe('text generators', () => {
  it('give the same data for the same seed, and different data for another seed', () => {
    const a = generateTextDataset({ seed: 11, size: 500 });
    const b = generateTextDataset({ seed: 11, size: 500 });
    const c = generateTextDataset({ seed: 12, size: 500 });
    expect(a).to.deep.equal(b);
    expect(a.map((x) => x.text)).to.not.deep.equal(c.map((x) => x.text));
  });

  it('cover every label, with benign the largest share, and repeat no text', () => {
    const data = generateTextDataset({ seed: 3, size: 4000 });
    const counts = Object.fromEntries(TEXT_LABELS.map((l) => [l, data.filter((d) => d.label === l).length]));
    for (const l of TEXT_LABELS) expect(counts[l], l).to.be.greaterThan(300);
    expect(counts.benign).to.be.greaterThan(counts.sqli!);
    expect(new Set(data.map((d) => d.text)).size).to.equal(data.length);
  });

  it('produce the techniques each grammar promises', () => {
    const data = generateTextDataset({ seed: 5, size: 10000 });
    const texts = (label: string) => data.filter((d) => d.label === label).map((d) => decodeURIComponentSafe(d.text).toLowerCase());
    const some = (label: string, re: RegExp) => expect(texts(label).some((t) => re.test(t)), `${label} ${re}`).to.equal(true);
    some('sqli', /union( all)? select/); some('sqli', /sleep\(|waitfor delay|pg_sleep/); some('sqli', /; ?drop table/); some('sqli', /extractvalue|updatexml/);
    some('xss', /<svg/); some('xss', /onerror=/); some('xss', /javascript:/); some('xss', /<math/);
    some('path_traversal', /\.\.\\/); some('path_traversal', /%c0%af/); some('path_traversal', /win\.ini/); some('path_traversal', /%00/);
    some('cmd_injection', /\$\(/); some('cmd_injection', /`/); some('cmd_injection', /\|\|/); some('cmd_injection', /powershell/);
    some('benign', /o'/); some('benign', /[<>]/); some('benign', /select/);
  });

  it('split held-out examples by content, about the asked share', () => {
    const data = generateTextDataset({ seed: 8, size: 5000 });
    const share = data.filter((d) => isHeldOut(d.text, 10)).length / data.length;
    expect(share).to.be.within(0.07, 0.13);
    expect(isHeldOut('same text')).to.equal(isHeldOut('same text'));
  });
});

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
