import { expect } from 'chai';
import { MAX_NORMALISED_CHARS, normaliseText } from '../../src/text/normalise.js';

describe('normaliseText', () => {
  const cases: [string, string, string][] = [
    ['lower-cases and collapses whitespace', '  Blue   SHOES\t\tsize 42 ', 'blue shoes size 42'],
    ['keeps one line break, a command separator', 'a\r\n\r\n  b', 'a\nb'],
    ['URL-decodes', "admin%27%20OR%201%3D1--", "admin' or 1=1--"],
    ['URL-decodes repeatedly (double encoding)', '..%252f..%252fetc%252fpasswd', '../../etc/passwd'],
    ['reads form-encoded spaces in values without whitespace', "x'+or+'1'='1", "x' or '1'='1"],
    ['keeps + in text that has spaces', 'c++ and 1+1', 'c++ and 1+1'],
    ['decodes overlong UTF-8 the way vulnerable servers did', '..%c0%af..%c0%afetc%c0%afpasswd', '../../etc/passwd'],
    ['decodes three-byte overlong dots', '%e0%80%ae%e0%80%ae/boot.ini', '../boot.ini'],
    ['decodes %u escapes', '%u002e%u002e%u2215x', '..∕x'],
    ['decodes HTML entities, named and numeric, with or without ;', '&lt;img src=x onerror&#61;alert&#x28;1&#41&gt;', '<img src=x onerror=alert(1)>'],
    ['decodes entity inside URL encoding', '%26lt%3Bscript%26gt%3B', '<script>'],
    ['decodes JavaScript escapes', '\\x3cscript\\u003ealert(1)', '<script>alert(1)'],
    ['folds full-width forms (NFKC)', '＜ｓｃｒｉｐｔ＞', '<script>'],
    ['drops zero-width characters', 'ja\u200bva\u200dscript:', 'javascript:'],
    ['turns SQL block comments into spaces', 'UNION/**/SELECT/*!50000password*/', 'union select password'],
    ['keeps null bytes visible', '../../etc/passwd%00.png', '../../etc/passwd\u0000.png'],
    ['leaves ordinary prose alone', "O'Brien's café — 5 < 6", "o'brien's café — 5 < 6"],
    ['keeps a lone percent sign', '50% off', '50% off'],
  ];
  for (const [what, input, expected] of cases) {
    it(what, () => expect(normaliseText(input)).to.equal(expected));
  }

  it('bounds the output, keeping head and tail', () => {
    const long = 'a'.repeat(5000) + '<script>';
    const out = normaliseText(long);
    expect(out.length).to.equal(MAX_NORMALISED_CHARS);
    expect(out.endsWith('<script>')).to.equal(true);
  });

  it('stops decoding after a few passes (no endless loop on self-similar input)', () => {
    expect(normaliseText('%25'.repeat(3) + '252e')).to.be.a('string');
  });
});
