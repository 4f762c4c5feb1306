import { expect } from 'chai';
import { ValidationError } from '../../../src/errors.js';
import { filterCount, filterDate, filterString, filterStrings } from '../../../src/storage/mongo/filter-values.js';

describe('MongoDB filter values', () => {
  it('accept primitives of the expected type', () => {
    expect(filterString('abc', 'sessionID')).to.equal('abc');
    expect(filterStrings(['a', 'b'], 'ids')).to.deep.equal(['a', 'b']);
    expect(filterDate(new Date(5), 'cutoff').getTime()).to.equal(5);
    expect(filterCount(3, 'limit')).to.equal(3);
  });

  it('refuse operator objects such as {"$ne": null} and {"$where": …}, naming the field', () => {
    expect(() => filterString({ $ne: null }, 'sessionID')).to.throw(ValidationError, /sessionID must be a string; got \{"\$ne":null\}/);
    expect(() => filterString({ $where: 'sleep(1000)' }, 'clientIP')).to.throw(ValidationError, /clientIP must be a string/);
    expect(() => filterStrings(['ok', { $gt: '' }], 'sessionIDs')).to.throw(ValidationError, /sessionIDs\[1\] must be a string/);
    expect(() => filterStrings({ $in: ['a'] }, 'sessionIDs')).to.throw(ValidationError, /must be an array of strings/);
    expect(() => filterDate({ $gt: 0 }, 'cutoff')).to.throw(ValidationError, /cutoff must be a valid Date/);
    expect(() => filterDate(new Date('nope'), 'cutoff')).to.throw(ValidationError);
    expect(() => filterCount({ $gt: 0 }, 'limit')).to.throw(ValidationError, /limit must be a non-negative integer/);
    expect(() => filterCount(-1, 'limit')).to.throw(ValidationError);
  });
});
