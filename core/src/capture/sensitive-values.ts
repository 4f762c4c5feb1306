/** Replacement for anything secret; the text model sees that a value was there, not what it was. */
export const REDACTED = '[REDACTED]';

/** Luhn checksum over the digits of `text` (separators already removed). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** A secret found inside a string value: a pattern plus an optional check that cuts false positives. */
export interface ValuePattern {
  name: string;
  /** Must have the `g` flag; every match is replaced. */
  pattern: RegExp;
  confirm?: (match: string) => boolean;
}

export const DEFAULT_VALUE_PATTERNS: readonly ValuePattern[] = [
  {
    name: 'card number',
    // 13–19 digits, optionally grouped by spaces or dashes; Luhn keeps order numbers and phone numbers.
    pattern: /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g,
    confirm: (m) => passesLuhn(m.replace(/[ -]/g, '')),
  },
  { name: 'JWT', pattern: /eyJ[\w-]{2,}\.eyJ[\w-]{2,}\.[\w-]*/g },
  { name: 'bearer token', pattern: /\bbearer\s+[\w\-.~+/]{8,}=*/gi },
];

/** Replaces every confirmed match of every pattern with REDACTED; returns the input unchanged when none match. */
export function redactString(value: string, patterns: readonly ValuePattern[]): string {
  let out = value;
  for (const { pattern, confirm } of patterns) {
    pattern.lastIndex = 0;
    if (!pattern.test(out)) continue;
    pattern.lastIndex = 0;
    out = out.replace(pattern, (m) => (confirm && !confirm(m) ? m : REDACTED));
  }
  return out;
}

/**
 * Key names whose values are never kept: compared on the key's words (split on case changes,
 * `_`, `-`, `.`, spaces), so `userPassword`, `api_key`, `X-Auth-Token` and `card.cvv` all match,
 * while `passenger` or `cardigan` do not.
 */
export const DEFAULT_SENSITIVE_KEYS: readonly string[] = [
  'password', 'passwd', 'pass', 'pwd', 'passphrase', 'passcode', 'pin', 'otp',
  'token', 'secret', 'apikey', 'api_key', 'authorization', 'auth', 'credential', 'credentials',
  'card', 'cardnumber', 'ccnum', 'cvv', 'cvc', 'ssn', 'iban', 'sessionid', 'cookie',
  'privatekey', 'private_key', 'clientsecret',
];

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Builds the key test once: a key is sensitive when one of its words, or two adjacent words joined, is listed. */
export function compileSensitiveKeys(keys: readonly (string | RegExp)[]): (key: string) => boolean {
  const words = new Set<string>();
  const patterns: RegExp[] = [];
  for (const k of keys) {
    if (typeof k === 'string') words.add(keyWords(k).join(''));
    else patterns.push(k);
  }
  const cache = new Map<string, boolean>();
  return (key) => {
    let hit = cache.get(key);
    if (hit !== undefined) return hit;
    const parts = keyWords(key);
    hit = parts.some((w, i) => words.has(w) || (i > 0 && words.has(parts[i - 1] + w))) || words.has(parts.join(''))
      || patterns.some((p) => p.test(key));
    if (cache.size < 10_000) cache.set(key, hit); // forms repeat their field names; bounded so attackers cannot grow it
    return hit;
  };
}
