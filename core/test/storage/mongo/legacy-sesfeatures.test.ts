import { expect } from 'chai';
import { ValidationError } from '../../../src/errors.js';
import type { SessionFeatures } from '../../../src/ports/records.js';
import { sesFeaturesToSession, sessionToSesFeatures } from '../../../src/storage/mongo/legacy-sesfeatures.js';
import { mustFit } from './must-fit.js';

const session: SessionFeatures = {
  sessionID: '65a1b2c3d4e5f60718293a40',
  clientIP: '203.0.113.9',
  startTimestamp: new Date('2026-03-01T10:00:00Z'),
  endTimestamp: new Date('2026-03-01T10:00:04Z'),
  features: { numOfLoginAttempts: 3, numOfPostReqs: 3, numOfReqs: 5, sesCodes4xx: 3, sesDuration: 4000, 'ratio.404': 0.2 },
  reqBodiesData: { username: 'admin', 'profile.name': "' or 1=1 --" },
  behavior: 'Abnormal',
  active: true,
  verdicts: [{ model: 'feature-onnx', kind: 'feature', abnormal: true, score: 0.97, reason: 'many failed logins' }],
  classifiedAt: new Date('2026-03-01T10:00:05Z'),
};

/** As the older classifier API stored it: features at top level, no start, no verdicts. */
const olderApiDoc = {
  _id: { toHexString: () => '65a1b2c3d4e5f60718293aff' },
  sessionID: '62727f1e0c5c3d1b8c6b0a11',
  clientIP: '198.51.100.7',
  active: false,
  behavior: 'Normal',
  endTimestamp: new Date('2022-05-04T08:00:10Z'),
  numOfLoginAttempts: 0, numOfPostReqs: 1, numOfReqs: 12, sesCodes4xx: 0, sesDuration: 10000,
  reqBodiesData: { q: 'shoes', page: 2 },
  __v: 0,
};

describe('sesfeatures documents (the older classifier API\'s shape)', () => {
  it('are written with the feature values as top-level fields beside sessionID, active, behavior, endTimestamp', () => {
    const doc = sessionToSesFeatures(session);
    expect(doc).to.include({ sessionID: session.sessionID, clientIP: '203.0.113.9', active: true, behavior: 'Abnormal',
      numOfLoginAttempts: 3, numOfPostReqs: 3, numOfReqs: 5, sesCodes4xx: 3, sesDuration: 4000, 'ratio%2E404': 0.2 });
    expect(doc.endTimestamp).to.equal(session.endTimestamp);
    expect(doc.reqBodiesData).to.deep.equal({ username: 'admin', 'profile%2Ename': "' or 1=1 --" });
  });

  it('read back into the same SessionFeatures', () => {
    expect(sesFeaturesToSession(sessionToSesFeatures(session))).to.deep.equal({ ok: true, value: session });
  });

  it('written by the older API are read: numeric top-level fields are the features, start from sesDuration', () => {
    expect(mustFit(sesFeaturesToSession(olderApiDoc))).to.deep.equal({
      sessionID: '62727f1e0c5c3d1b8c6b0a11', clientIP: '198.51.100.7',
      startTimestamp: new Date('2022-05-04T08:00:00Z'), endTimestamp: new Date('2022-05-04T08:00:10Z'),
      features: { numOfLoginAttempts: 0, numOfPostReqs: 1, numOfReqs: 12, sesCodes4xx: 0, sesDuration: 10000 },
      reqBodiesData: { q: 'shoes', page: '2' }, behavior: 'Normal', active: false, verdicts: [],
      classifiedAt: new Date('2022-05-04T08:00:10Z'),
    });
  });

  it('refuse a feature named like a session field', () => {
    expect(() => sessionToSesFeatures({ ...session, features: { active: 1 } })).to.throw(ValidationError, /Feature "active"/);
  });

  it('that do not fit say why', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...olderApiDoc, behavior: 'Weird' }, /behavior is string "Weird"/],
      [{ ...olderApiDoc, active: 'yes' }, /active is string "yes"/],
      [{ ...olderApiDoc, endTimestamp: undefined }, /endTimestamp is missing/],
      [{ ...olderApiDoc, sessionID: { $gt: '' } }, /sessionID is object/],
      [{ ...olderApiDoc, reqBodiesData: { q: { nested: 1 } } }, /reqBodiesData.q is object/],
      [{ ...sessionToSesFeatures(session), numOfReqs: 'five' }, /feature numOfReqs is string "five"/],
    ];
    for (const [doc, reason] of cases) {
      const result = sesFeaturesToSession(doc);
      expect(result.ok, String(reason)).to.equal(false);
      if (!result.ok) expect(result.reason).to.match(reason);
    }
  });
});
