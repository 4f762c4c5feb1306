import { DateUtils } from 'typeorm/util/DateUtils.js';

/**
 * A datetime as TypeORM's SQLite driver writes it: UTC, `YYYY-MM-DD HH:mm:ss.SSS`. Same text as
 * `DateUtils.mixedDateToUtcDatetimeString`, via `toISOString` (one native call instead of seven
 * getters and paddings); years outside 0–9999, where the ISO form differs, go through TypeORM's.
 */
export function sqliteDateTime(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return DateUtils.mixedDateToUtcDatetimeString(date) as string;
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** 10000-01-01T00:00:00Z: from here on (and before 1970) the per-second memory below is not used. */
const YEAR_10000_MS = 253_402_300_800_000;

/**
 * `sqliteDateTime` for epoch milliseconds, remembering the text of the last second: rows of one
 * batch mostly share their second, so most calls only append the milliseconds (about 20 ns
 * instead of 400 for `toISOString` and its slices, per row in the writer thread).
 */
export function sqliteDateTimeOfEpoch(): (epochMs: number) => string {
  let second = Number.NaN;
  let secondText = '';
  return (epochMs) => {
    if (!(epochMs >= 0 && epochMs < YEAR_10000_MS && Number.isInteger(epochMs))) return sqliteDateTime(new Date(epochMs));
    const at = Math.floor(epochMs / 1000);
    if (at !== second) {
      second = at;
      secondText = sqliteDateTime(new Date(at * 1000)).slice(0, 19);
    }
    const ms = epochMs - at * 1000;
    return secondText + (ms < 10 ? '.00' : ms < 100 ? '.0' : '.') + ms;
  };
}

/** Where `YYYY-MM-DD HH:mm:ss.SSS` has its separators; every other place holds a digit. */
const SEPARATORS: Record<number, number> = { 4: 45, 7: 45, 10: 32, 13: 58, 16: 58, 19: 46 };

/** True for text in the form `sqliteDateTime` writes. */
export function isSqliteDateTime(text: string): boolean {
  if (text.length !== 23) return false;
  for (let i = 0; i < 23; i++) {
    const code = text.charCodeAt(i);
    const separator = SEPARATORS[i];
    if (separator !== undefined ? code !== separator : code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * `YYYY-MM-DD HH:mm:ss.SSS` read as UTC, as TypeORM's SQLite driver reads it, from its digits (half
 * the cost of parsing the text). Null for anything else, for years before 100 (which `Date.UTC`
 * would move to the 1900s) and for out-of-range fields (which it would roll over where parsing the
 * text gives an invalid date): the caller then asks the driver.
 */
export function utcOfSqliteDateTime(text: string): Date | null {
  if (!isSqliteDateTime(text)) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, digits(text, 20, 3)));
}

function digits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}
