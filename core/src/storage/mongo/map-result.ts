/** What a legacy-document mapper returns: the value, or why the document does not fit. */
export type MapResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const fits = <T>(value: T): MapResult<T> => ({ ok: true, value });
export const misfit = <T>(reason: string): MapResult<T> => ({ ok: false, reason });

/** Reads a Date the older tools may have stored as a Date, an ISO string or epoch milliseconds. */
export function readDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return new Date(value);
  return undefined;
}

/** Reads a finite number the older tools may have stored as a number or a numeric string. */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An ObjectId (any bson version) or a string, as a hex/string id. */
export function idString(id: unknown): string | undefined {
  if (typeof id === 'string') return id;
  if (isRecord(id) && typeof (id as { toHexString?: unknown }).toHexString === 'function') {
    return (id as { toHexString(): string }).toHexString();
  }
  return undefined;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value instanceof Date) return 'an invalid Date';
  try {
    return `${Array.isArray(value) ? 'array' : typeof value} ${JSON.stringify(value)?.slice(0, 60)}`;
  } catch {
    return typeof value;
  }
}
