/**
 * One decoding pass over the encodings attackers stack to hide a payload: percent-encoding (with %uXXXX and
 * lenient, overlong-accepting UTF-8, as vulnerable servers decoded it), HTML character references and
 * JavaScript escapes. `normaliseText` repeats it until nothing changes.
 */

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[65 + i] = 10 + i;
  HEX[97 + i] = 10 + i;
}

function hexAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? HEX[c]! : -1;
}

/** Pending percent-decoded bytes, shared by calls (decoding is synchronous); grown on demand. */
let byteScratch = new Uint8Array(1024);

/** Decodes bytes[0, count) as UTF-8, accepting overlong forms (C0 AF → '/') and keeping invalid bytes as Latin-1. */
function decodeBytesLeniently(bytes: Uint8Array, count: number): string {
  let out = '';
  for (let i = 0; i < count;) {
    const b0 = bytes[i]!;
    let need = 0;
    let cp = b0;
    if (b0 >= 0xc0 && b0 < 0xe0) { need = 1; cp = b0 & 0x1f; } else if (b0 >= 0xe0 && b0 < 0xf0) { need = 2; cp = b0 & 0x0f; } else if (b0 >= 0xf0 && b0 < 0xf8) { need = 3; cp = b0 & 0x07; }
    let ok = need > 0 && i + need < count;
    for (let k = 1; ok && k <= need; k++) {
      const b = bytes[i + k]!;
      if ((b & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (b & 0x3f);
    }
    if (ok && cp <= 0x10ffff) {
      out += String.fromCodePoint(cp);
      i += need + 1;
    } else {
      out += String.fromCharCode(b0);
      i += 1;
    }
  }
  return out;
}

/**
 * %XX runs (as UTF-8) and %uXXXX. Copies the text between escapes as slices rather than character by
 * character; a '%' that starts no escape stays in the pending literal text.
 */
export function percentDecode(s: string): string {
  let p = s.indexOf('%');
  if (p < 0) return s;
  if (byteScratch.length < s.length) byteScratch = new Uint8Array(s.length);
  const bytes = byteScratch;
  let out = '';
  let pending = 0;
  let last = 0; // start of the literal text not yet copied to out
  while (p >= 0) {
    const h1 = hexAt(s, p + 1);
    const h2 = h1 >= 0 ? hexAt(s, p + 2) : -1;
    if (h2 >= 0) {
      if (p > last) {
        if (pending) { out += decodeBytesLeniently(bytes, pending); pending = 0; }
        out += s.slice(last, p);
      }
      bytes[pending++] = (h1 << 4) | h2;
      last = p + 3;
      p = s.indexOf('%', last);
      continue;
    }
    const u = s.charCodeAt(p + 1);
    if ((u === 117 || u === 85) /* u U */ && hexAt(s, p + 2) >= 0 && hexAt(s, p + 3) >= 0 && hexAt(s, p + 4) >= 0 && hexAt(s, p + 5) >= 0) {
      if (pending) { out += decodeBytesLeniently(bytes, pending); pending = 0; }
      out += s.slice(last, p) + String.fromCharCode((hexAt(s, p + 2) << 12) | (hexAt(s, p + 3) << 8) | (hexAt(s, p + 4) << 4) | hexAt(s, p + 5));
      last = p + 6;
      p = s.indexOf('%', last);
      continue;
    }
    p = s.indexOf('%', p + 1);
  }
  if (pending) out += decodeBytesLeniently(bytes, pending);
  return last === 0 ? s : out + s.slice(last);
}

const NAMED_ENTITIES: Record<string, string> = {
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/', bsol: '\\',
  lpar: '(', rpar: ')', nbsp: ' ', semi: ';', comma: ',', period: '.', excl: '!', num: '#', dollar: '$',
  percnt: '%', equals: '=', plus: '+', grave: '`', lsqb: '[', rsqb: ']', lcub: '{', rcub: '}', ast: '*',
  vert: '|', verbar: '|', quest: '?', commat: '@', hyphen: '-', dash: '-', lowbar: '_', hat: '^', tilde: '~',
};

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * HTML character references: `&#xH…;` (1–8 hex digits), `&#D…;` (1–9 digits), `&name;` (2–8 letters, known
 * names only); the `;` is optional, as browsers accept it. Unknown or out-of-range references stay as written.
 */
export function decodeHtmlEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    let end = amp + 1;
    let replacement: string | undefined;
    const c1 = s.charCodeAt(amp + 1);
    if (c1 === 35 /* # */) {
      const c2 = s.charCodeAt(amp + 2);
      let cp = -1;
      let j = amp + 2;
      if ((c2 === 120 || c2 === 88) /* x X */ && hexAt(s, amp + 3) >= 0) {
        cp = 0;
        for (j = amp + 3; j < amp + 11 && hexAt(s, j) >= 0; j++) cp = cp * 16 + hexAt(s, j);
      } else if (isDigit(c2)) {
        cp = 0;
        for (j = amp + 2; j < amp + 11 && isDigit(s.charCodeAt(j)); j++) cp = cp * 10 + s.charCodeAt(j) - 48;
      }
      if (cp >= 0) {
        end = s.charCodeAt(j) === 59 /* ; */ ? j + 1 : j;
        if (cp > 0 && cp <= 0x10ffff) replacement = String.fromCodePoint(cp);
      }
    } else if (isLetter(c1) && isLetter(s.charCodeAt(amp + 2))) {
      let j = amp + 3;
      while (j < amp + 9 && isLetter(s.charCodeAt(j))) j++;
      end = s.charCodeAt(j) === 59 ? j + 1 : j;
      replacement = NAMED_ENTITIES[s.slice(amp + 1, j).toLowerCase()];
    }
    if (replacement !== undefined) {
      out += s.slice(last, amp) + replacement;
      last = end;
    }
    amp = s.indexOf('&', end);
  }
  return last === 0 ? s : out + s.slice(last);
}

/** `\xHH`, `\uHHHH` and `\u{H…}` (1–6 hex digits); escapes beyond U+10FFFF stay as written. */
export function decodeJsEscapes(s: string): string {
  let bs = s.indexOf('\\');
  if (bs < 0) return s;
  let out = '';
  let last = 0;
  while (bs >= 0) {
    const c = s.charCodeAt(bs + 1);
    let code = -1;
    let end = bs + 1;
    if (c === 120 /* x */ && hexAt(s, bs + 2) >= 0 && hexAt(s, bs + 3) >= 0) {
      code = (hexAt(s, bs + 2) << 4) | hexAt(s, bs + 3);
      end = bs + 4;
    } else if (c === 117 /* u */) {
      if (hexAt(s, bs + 2) >= 0 && hexAt(s, bs + 3) >= 0 && hexAt(s, bs + 4) >= 0 && hexAt(s, bs + 5) >= 0) {
        code = (hexAt(s, bs + 2) << 12) | (hexAt(s, bs + 3) << 8) | (hexAt(s, bs + 4) << 4) | hexAt(s, bs + 5);
        end = bs + 6;
      } else if (s.charCodeAt(bs + 2) === 123 /* { */) {
        let j = bs + 3;
        let v = 0;
        for (; j < bs + 9 && hexAt(s, j) >= 0; j++) v = v * 16 + hexAt(s, j);
        if (j > bs + 3 && s.charCodeAt(j) === 125 /* } */) {
          code = v;
          end = j + 1;
        }
      }
    }
    if (code >= 0 && code <= 0x10ffff) {
      out += s.slice(last, bs) + String.fromCodePoint(code);
      last = end;
    }
    bs = s.indexOf('\\', end);
  }
  return last === 0 ? s : out + s.slice(last);
}

/** One pass of every decoder; returns the input itself when nothing was encoded. */
export function decodeOnce(s: string): string {
  return decodeJsEscapes(decodeHtmlEntities(percentDecode(s)));
}
