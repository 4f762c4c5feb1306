/**
 * MongoDB refuses (or misreads as operators and paths) field names that start with `$` or contain `.`,
 * and BSON cannot hold a NUL in a field name, while a request body may use any key. Keys are escaped
 * percent-style so the mapping is reversible: `%` → `%25`, `$` → `%24`, `.` → `%2E`, NUL → `%00`.
 * Values are never changed.
 */
const ESCAPES: Record<string, string> = { '%': '%25', $: '%24', '.': '%2E', '\u0000': '%00' };
const UNESCAPES: Record<string, string> = { '%25': '%', '%24': '$', '%2E': '.', '%2e': '.', '%00': '\u0000' };

export function escapeKey(key: string): string {
  return key.replace(/[%$.\u0000]/g, (c) => ESCAPES[c]!);
}

export function unescapeKey(key: string): string {
  return key.replace(/%(25|24|2E|2e|00)/g, (m) => UNESCAPES[m]!);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, rename));
  if (!isPlainObject(value)) return value; // strings, numbers, Dates, ObjectIds pass through
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // defineProperty: a body key "__proto__" must stay a field, not become the copy's prototype.
    Object.defineProperty(out, rename(key), { value: mapKeys(v, rename), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Escapes every key of a JSON-like value, at any depth. */
export function escapeKeys(value: unknown): unknown {
  return mapKeys(value, escapeKey);
}

/** Reverses `escapeKeys`. */
export function unescapeKeys(value: unknown): unknown {
  return mapKeys(value, unescapeKey);
}
