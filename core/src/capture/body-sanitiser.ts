import { REDACTED, redactString, type ValuePattern } from './sensitive-values.js';
import { safeKey, setOwn } from './safe-key.js';

export interface SanitisedBody {
  value: unknown;
  truncated: boolean;
}

export interface BodySanitiserOptions {
  isSensitiveKey: (key: string) => boolean;
  valuePatterns: readonly ValuePattern[];
  /** Budget for the stored body, as UTF-8 bytes of its JSON text. */
  maxBytes: number;
}

/** Deeper than any real form; stops hostile nesting from costing recursion. */
const MAX_DEPTH = 32;

const jsonBytes = (s: string): number => Buffer.byteLength(JSON.stringify(s));

/** Cuts a string so that its JSON text fits `budget` bytes (never splitting a surrogate pair). */
function cutString(s: string, budget: number): string {
  if (budget <= 2) return '';
  let lo = 0;
  let hi = Math.min(s.length, budget);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (jsonBytes(s.slice(0, mid)) <= budget) lo = mid;
    else hi = mid - 1;
  }
  const code = s.charCodeAt(lo - 1);
  if (lo > 0 && code >= 0xd800 && code <= 0xdbff) lo--;
  return s.slice(0, lo);
}

/**
 * Copies a parsed request body for storage: values under sensitive keys and secret-looking
 * strings become REDACTED, keys are made safe for document stores, and the copy's JSON text is
 * kept within `maxBytes` — fields past the budget are left out and `truncated` is set, so what
 * is kept is still a well-formed value the text model can read field by field.
 */
export function sanitiseBody(body: unknown, options: BodySanitiserOptions): SanitisedBody {
  let remaining = options.maxBytes;
  let truncated = false;

  const copy = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value === 'boolean' || typeof value === 'number') {
      const size = String(value).length;
      if (size > remaining) { truncated = true; return undefined; }
      remaining -= size;
      return value;
    }
    if (typeof value === 'string') {
      const text = redactString(value, options.valuePatterns);
      const size = jsonBytes(text);
      if (size <= remaining) { remaining -= size; return text; }
      truncated = true;
      const cut = cutString(text, remaining);
      remaining -= jsonBytes(cut);
      return cut;
    }
    if (typeof value === 'bigint') return copy(value.toString(), depth);
    if (Buffer.isBuffer(value)) return copy(value.toString('utf8'), depth);
    if (value instanceof Date) return copy(value.toISOString(), depth);
    if (typeof value !== 'object') return undefined; // functions, symbols: not data
    if (depth >= MAX_DEPTH || remaining < 2) { truncated = true; return undefined; }
    remaining -= 2; // brackets or braces
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) {
        if (remaining < 2) { truncated = true; break; }
        if (out.length > 0) remaining -= 1; // comma
        const kept = copy(item, depth + 1);
        if (kept === undefined) { truncated = true; break; }
        out.push(kept);
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      const name = safeKey(key);
      const keyCost = jsonBytes(name) + 1 + (first ? 0 : 1); // "key": and the comma before it
      if (keyCost + 2 > remaining) { truncated = true; break; }
      remaining -= keyCost;
      const kept = options.isSensitiveKey(key) ? copy(REDACTED, depth + 1) : copy(item, depth + 1);
      if (kept === undefined) { remaining += keyCost; truncated = true; break; }
      setOwn(out, name, kept);
      first = false;
    }
    return out;
  };

  if (body === undefined) return { value: undefined, truncated: false };
  const value = copy(body, 0);
  return { value, truncated };
}
