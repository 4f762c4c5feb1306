/**
 * A key that document stores can hold: MongoDB treats a leading `$` as an operator and `.` as a
 * path, so they become their full-width look-alikes (U+FF04, U+FF0E), as MongoDB's own docs
 * suggest. The text stays readable and the mapping is reversible.
 */
export function safeKey(key: string): string {
  if (key.indexOf('$') === -1 && key.indexOf('.') === -1) return key;
  return key.replace(/\$/g, '\uFF04').replace(/\./g, '\uFF0E');
}

/** Sets a property even when its name is `__proto__`, which plain assignment would turn into a prototype change. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
