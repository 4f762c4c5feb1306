import type { Rng } from './rng.js';

/**
 * Surface variations every class goes through (benign included, so that an encoding alone never
 * marks an input as an attack): case, URL-encoding (partial, full, double), HTML entities.
 */

const hex = (c: number) => c.toString(16).padStart(2, '0');

export function randomCase(rng: Rng, s: string): string {
  let out = '';
  for (const ch of s) out += rng.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase();
  return out;
}

function utf8PercentEncode(ch: string, upper: boolean): string {
  const bytes = new TextEncoder().encode(ch);
  let out = '';
  for (const b of bytes) out += '%' + (upper ? hex(b).toUpperCase() : hex(b));
  return out;
}

/** Percent-encodes special characters (and sometimes everything), as browsers, tools and attackers do. */
export function urlEncode(rng: Rng, s: string, everything = false): string {
  const upper = rng.chance(0.5);
  const spaceAsPlus = rng.chance(0.4);
  let out = '';
  for (const ch of s) {
    if (ch === ' ' && spaceAsPlus && !everything) out += '+';
    else if (everything || !/[A-Za-z0-9_.~-]/.test(ch)) out += utf8PercentEncode(ch, upper);
    else out += ch;
  }
  return out;
}

export function doubleUrlEncode(rng: Rng, s: string): string {
  return urlEncode(rng, s).replace(/%/g, '%25');
}

export function htmlEntityEncode(rng: Rng, s: string, onlySpecial = true): string {
  let out = '';
  for (const ch of s) {
    const special = !/[A-Za-z0-9 ]/.test(ch);
    if (onlySpecial && !special && !rng.chance(0.1)) {
      out += ch;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    out += rng.weighted([
      [3, () => `&#${cp};`],
      [3, () => `&#x${cp.toString(16)};`],
      [1, () => `&#${'0'.repeat(rng.int(1, 4))}${cp}`],
      [1, () => ({ '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '&': '&amp;', ':': '&colon;', '(': '&lpar;', ')': '&rpar;' } as Record<string, string>)[ch] ?? `&#${cp};`],
    ]);
  }
  return out;
}

/** Applies one surface variation (or none) to any input. */
export function randomSurface(rng: Rng, s: string, attack: boolean): string {
  return rng.weighted<string>([
    [attack ? 55 : 75, () => s],
    [attack ? 10 : 3, () => randomCase(rng, s)],
    [attack ? 18 : 14, () => urlEncode(rng, s)],
    [attack ? 5 : 2, () => urlEncode(rng, s, true)],
    [attack ? 6 : 2, () => doubleUrlEncode(rng, s)],
    [attack ? 6 : 4, () => htmlEntityEncode(rng, s)],
  ]);
}
