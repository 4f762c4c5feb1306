import { expect } from 'chai';
import { chooseThreshold, sessionMetrics } from '../../src/session/metrics.js';

describe('session metrics and threshold', () => {
  it('count precision, recall, F1 and the normal false-positive rate with abnormal as the positive class', () => {
    const m = sessionMetrics([0, 0, 0, 0, 1, 1], [0.1, 0.2, 0.7, 0.3, 0.9, 0.4], 0.5, ['a', 'a', 'a', 'b', 'x', 'x']);
    expect(m.confusion).to.deep.equal({ tn: 3, fp: 1, fn: 1, tp: 1 });
    expect(m.precision).to.equal(0.5);
    expect(m.recall).to.equal(0.5);
    expect(m.normalFalsePositiveRate).to.equal(0.25);
    expect(m.byPersona!.a).to.deep.equal({ sessions: 3, flagged: 1, share: 1 / 3 });
  });

  it('raise the threshold above 0.5 only as far as the false-positive cap needs, and never lower it', () => {
    const labels = [...Array(100).fill(0), 1, 1];
    const normalScores = Array.from({ length: 100 }, (_, i) => (i < 3 ? 0.9 - i * 0.1 : 0.1));
    const scores = [...normalScores, 0.95, 0.99];
    const t = chooseThreshold(labels, scores, 0.01);
    expect(t).to.be.greaterThan(0.8);
    expect(t).to.be.lessThan(0.9);
    expect(sessionMetrics(labels, scores, t).normalFalsePositiveRate).to.be.at.most(0.01);
    expect(chooseThreshold(labels, scores, 0.05)).to.equal(0.5);
  });
});
