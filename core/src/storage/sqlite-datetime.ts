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
