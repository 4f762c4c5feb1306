import { expect } from 'chai';
import { inputsByField, NOT_KEPT_FIELD } from '../../src/pipeline/session-inputs.js';

describe('inputsByField (reqBodiesData)', () => {
  it('keeps each field once, suffixing a field seen again with another value', () => {
    const byField = inputsByField([
      { field: 'user', value: 'ann' }, { field: '?q', value: 'shoes' }, { field: 'user', value: 'ann' }, { field: 'user', value: 'bob' }, { field: '__proto__', value: 'x' },
    ]);
    expect({ ...byField }).to.deep.equal({ user: 'ann', '?q': 'shoes', 'user#2': 'bob', ['__proto__']: 'x' });
  });

  it('keeps inputs in order up to the character budget and counts those left out', () => {
    const inputs = [{ field: 'a', value: '1234' }, { field: 'b', value: '56789' }, { field: 'c', value: '12' }, { field: 'a', value: 'abcd' }];
    expect({ ...inputsByField(inputs, 10) }).to.deep.equal({ a: '1234', b: '56789', [NOT_KEPT_FIELD]: "2 more inputs past 10 characters; the session's requests hold them all" });
    expect(Object.keys(inputsByField(inputs, 15))).to.deep.equal(['a', 'b', 'c', 'a#2']);
  });
});
