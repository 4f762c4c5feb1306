import { expect } from 'chai';
import { DateUtils } from 'typeorm/util/DateUtils.js';
import { sqliteDateTime, sqliteDateTimeOfEpoch } from '../../src/storage/sqlite-datetime.js';

describe('SQLite datetime text', () => {
  it('formats datetimes as TypeORM does, in any time zone and outside years 0-9999', () => {
    const dates = [
      new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), new Date(0), new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)),
      new Date(Date.UTC(10000, 0, 1)), new Date(Date.UTC(-1, 5, 6, 7, 8, 9, 10)), new Date(Date.UTC(45, 1, 1)),
    ];
    const previous = process.env.TZ;
    process.env.TZ = 'Asia/Kathmandu';
    try {
      for (const date of dates) expect(sqliteDateTime(date), date.toISOString()).to.equal(DateUtils.mixedDateToUtcDatetimeString(date));
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('formats epoch milliseconds as sqliteDateTime does, remembering the last second only where that is exact', () => {
    const ofEpoch = sqliteDateTimeOfEpoch();
    const start = Date.UTC(2024, 1, 29, 23, 59, 58, 990);
    const instants = [
      ...Array.from({ length: 3000 }, (_, i) => start + i), // across seconds, a minute, a day, a month
      start + 7, start - 1, 0, 999, 1000, -1, -1001, Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), 1.5,
    ];
    for (const ms of instants) expect(ofEpoch(ms), String(ms)).to.equal(sqliteDateTime(new Date(ms)));
  });
});
