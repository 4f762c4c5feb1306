import { ValidationError } from '../errors.js';
import { MAX_CLIENT_IP_LENGTH, MAX_SESSION_ID_LENGTH } from './entities.js';

/** Where a value came from, for the error message; a function when naming it costs work per value checked. */
export type Where = string | (() => string);

const named = (where: Where): string => (typeof where === 'string' ? where : where());

/** What the checks below accept, for a caller that tests many values and only needs the message on failure. */
export const isStorableSessionId = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_SESSION_ID_LENGTH;
export const isStorableClientIp = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_CLIENT_IP_LENGTH;
export const isValidDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/**
 * A session ID is always a string. The API checks this already; the store checks again so that an
 * object such as `{ "$ne": null }` can never become part of a query (defence in depth).
 */
export function checkSessionId(value: unknown, where: Where): string {
  if (isStorableSessionId(value)) return value;
  if (typeof value !== 'string') {
    throw new ValidationError(`${named(where)}: sessionID must be a string, got ${value === null ? 'null' : typeof value}. Pass the session ID as text.`);
  }
  throw new ValidationError(`${named(where)}: sessionID is ${value.length} characters long; at most ${MAX_SESSION_ID_LENGTH} are stored. Use shorter session IDs.`);
}

export function checkClientIp(value: unknown, where: Where): string {
  if (!isStorableClientIp(value)) {
    throw new ValidationError(`${named(where)}: clientIP must be a string of at most ${MAX_CLIENT_IP_LENGTH} characters, got ${typeof value === 'string' ? `${value.length} characters` : typeof value}.`);
  }
  return value;
}

export function checkDate(value: unknown, where: Where): Date {
  if (!isValidDate(value)) {
    throw new ValidationError(`${named(where)} must be a valid Date, got ${value instanceof Date ? 'an invalid Date' : typeof value}.`);
  }
  return value;
}

export function checkCount(value: unknown, where: string, min = 0): number {
  if (!Number.isSafeInteger(value) || (value as number) < min) {
    throw new ValidationError(`${where} must be an integer of at least ${min}, got ${String(value)}.`);
  }
  return value as number;
}
