import { ValidationError } from '../../errors.js';

/**
 * Every value placed in a MongoDB filter goes through one of these checks, so an object such as
 * `{"$ne": null}` or `{"$where": "..."}` coming from a request, an API body or an imported record
 * is refused instead of being read as a query operator.
 */
export function filterString(value: unknown, what: string): string {
  if (typeof value !== 'string') {
    throw new ValidationError(`${what} must be a string; got ${describe(value)}.`, 'WARDEN_BAD_FILTER_VALUE');
  }
  return value;
}

export function filterStrings(values: unknown, what: string): string[] {
  if (!Array.isArray(values)) {
    throw new ValidationError(`${what} must be an array of strings; got ${describe(values)}.`, 'WARDEN_BAD_FILTER_VALUE');
  }
  return values.map((v, i) => filterString(v, `${what}[${i}]`));
}

export function filterDate(value: unknown, what: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new ValidationError(`${what} must be a valid Date; got ${describe(value)}.`, 'WARDEN_BAD_FILTER_VALUE');
  }
  return new Date(value.getTime());
}

export function filterCount(value: unknown, what: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new ValidationError(`${what} must be a non-negative integer; got ${describe(value)}.`, 'WARDEN_BAD_FILTER_VALUE');
  }
  return value as number;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 80) ?? String(value);
  } catch {
    return typeof value;
  }
}
