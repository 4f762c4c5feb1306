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

/** Decodes a run of bytes as UTF-8, accepting overlong forms (C0 AF → '/') and keeping invalid bytes as Latin-1. */
function decodeBytesLeniently(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b0 = bytes[i]!;
    let need = 0;
    let cp = b0;
    if (b0 >= 0xc0 && b0 < 0xe0) { need = 1; cp = b0 & 0x1f; } else if (b0 >= 0xe0 && b0 < 0xf0) { need = 2; cp = b0 & 0x0f; } else if (b0 >= 0xf0 && b0 < 0xf8) { need = 3; cp = b0 & 0x07; }
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) ok = false;
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

export function percentDecode(s: string): string {
  if (s.indexOf('%') < 0) return s;
  let out = '';
  let bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 /* % */) {
      const h1 = hexAt(s, i + 1);
      const h2 = hexAt(s, i + 2);
      if (h1 >= 0 && h2 >= 0) {
        bytes.push((h1 << 4) | h2);
        i += 2;
        continue;
      }
      const u = s.charCodeAt(i + 1);
      if ((u === 117 || u === 85) /* u U */ && hexAt(s, i + 2) >= 0 && hexAt(s, i + 3) >= 0 && hexAt(s, i + 4) >= 0 && hexAt(s, i + 5) >= 0) {
        if (bytes.length) { out += decodeBytesLeniently(bytes); bytes = []; }
        out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
        i += 5;
        continue;
      }
    }
    if (bytes.length) { out += decodeBytesLeniently(bytes); bytes = []; }
    out += s[i];
  }
  if (bytes.length) out += decodeBytesLeniently(bytes);
  return out;
}

const NAMED_ENTITIES: Record<string, string> = {
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/', bsol: '\\',
  lpar: '(', rpar: ')', nbsp: ' ', semi: ';', comma: ',', period: '.', excl: '!', num: '#', dollar: '$',
  percnt: '%', equals: '=', plus: '+', grave: '`', lsqb: '[', rsqb: ']', lcub: '{', rcub: '}', ast: '*',
  vert: '|', verbar: '|', quest: '?', commat: '@', hyphen: '-', dash: '-', lowbar: '_', hat: '^', tilde: '~',
};

const ENTITY = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[a-zA-Z]{2,8});?/g;

export function decodeHtmlEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const JS_ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]{1,6})\})/g;

export function decodeJsEscapes(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  return s.replace(JS_ESCAPE, (whole, x?: string, u?: string, cp?: string) => {
    const code = parseInt((x ?? u ?? cp)!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** One pass of every decoder; returns the input itself when nothing was encoded. */
export function decodeOnce(s: string): string {
  return decodeJsEscapes(decodeHtmlEntities(percentDecode(s)));
}
