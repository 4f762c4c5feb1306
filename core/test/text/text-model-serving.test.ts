import { expect } from 'chai';
import { WardenConfigError } from '../../src/errors.js';
import { NORMALISER_VERSION } from '../../src/text/normalise.js';
import { parseTextModelInfo, probsToVerdicts, TextInputEncoder } from '../../src/text/serving.js';

const INFO = {
  format: 'session-warden-text', kind: 'mlp', labels: ['benign', 'sqli', 'xss', 'path_traversal', 'cmd_injection'],
  featuriser: { buckets: 1024, minN: 1, maxN: 3, seed: 1 }, normaliserVersion: NORMALISER_VERSION,
};

describe('text model serving helpers', () => {
  it('accept a text model\'s metadata, as an object or JSON', () => {
    expect(parseTextModelInfo(INFO, 'm').featuriser.buckets).to.equal(1024);
    expect(parseTextModelInfo(JSON.stringify(INFO), 'm').labels).to.have.length(5);
  });

  it('refuse metadata of another kind of model, another normaliser version, or unknown labels', () => {
    expect(() => parseTextModelInfo({}, 'x.onnx')).to.throw(WardenConfigError, /x\.onnx is not a Session Warden text model/);
    expect(() => parseTextModelInfo({ ...INFO, normaliserVersion: NORMALISER_VERSION + 1 }, 'x')).to.throw(WardenConfigError, /retrain/);
    expect(() => parseTextModelInfo({ ...INFO, labels: ['benign', 'spam'] }, 'x')).to.throw(WardenConfigError, /labels/);
  });

  it('turn probability rows into verdicts with every label scored', () => {
    const v = probsToVerdicts(Float32Array.from([0.1, 0.7, 0.1, 0.05, 0.05, 0.9, 0, 0.1, 0, 0]), INFO.labels as never, 2);
    expect(v[0]!.label).to.equal('sqli');
    expect(v[0]!.scores.sqli).to.be.closeTo(0.7, 1e-6);
    expect(v[1]!.label).to.equal('benign');
    expect(v[1]!.scores.xss).to.be.closeTo(0.1, 1e-6);
  });

  it('encode a batch with normalisation, treating non-strings as text', () => {
    const enc = new TextInputEncoder(parseTextModelInfo(INFO, 'm'));
    const a = enc.encode(['%3Cscript%3E', 42 as unknown as string]);
    const b = enc.encode(['<SCRIPT>', '42']);
    expect(Array.from(a.ids)).to.deep.equal(Array.from(b.ids));
    expect(a.batch).to.equal(2);
  });

  it('group a batch by width, covering every row once with the same features as alone', () => {
    const enc = new TextInputEncoder(parseTextModelInfo(INFO, 'm'));
    const inputs = ['a', 'a much longer input about blue shoes and prices < 20', '', '../../etc/passwd', 'x'.repeat(300), 'b'];
    const groups = enc.encodeGrouped(inputs, 2);
    const seen = groups.flatMap((g) => Array.from(g.rows)).sort();
    expect(seen).to.deep.equal([0, 1, 2, 3, 4, 5]);
    for (const g of groups) {
      expect(g.batch.batch).to.be.at.most(2);
      g.rows.forEach((row, r) => {
        const alone = enc.encode([inputs[row]!]);
        const mine = Array.from(g.batch.ids.subarray(r * g.batch.width, r * g.batch.width + alone.width));
        expect(mine).to.deep.equal(Array.from(alone.ids));
        expect(Array.from(g.batch.weights.subarray(r * g.batch.width + alone.width, (r + 1) * g.batch.width)).every((w) => w === 0)).to.equal(true);
      });
    }
  });
});
