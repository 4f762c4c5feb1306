import { expect } from 'chai';
import { sessionView, type RequestRecord } from '@session-warden/core';
import { behaviourFeatures, compatFeatures } from '@session-warden/features-default';
import { createFeatureClassifier as onnxClassifier } from '@session-warden/model-onnx';
import { createFeatureClassifier as tfjsClassifier } from '@session-warden/model-tfjs';
import { DEFAULT_FEATURE_NAMES } from '../../src/session/train.js';

const t0 = Date.UTC(2026, 2, 3, 10);
function rec(ms: number, method: string, path: string, statusCode: number, query = ''): RequestRecord {
  return { clientIP: '10.1.2.3', ipSource: 'socket', sessionID: 's', method, path, query, statusCode, timestamp: new Date(t0 + ms), durationMs: 20, requestBytes: 0, responseBytes: 5000, userAgent: 'Mozilla/5.0' };
}

/** Features of a session as the real default extractors measure it. */
function measure(requests: RequestRecord[]): Record<string, number> {
  const view = sessionView('s', '10.1.2.3', requests);
  const out: Record<string, number> = {};
  for (const e of [compatFeatures(['/login']), behaviourFeatures(['/login'])]) {
    for (const [k, v] of Object.entries(e.extract(view))) if (typeof v === 'number') out[k] = v;
  }
  return out;
}

// A shopper: home page with its assets, a search, a product, add to cart — a few seconds apart.
const shopper = measure([
  rec(0, 'GET', '/', 200), rec(80, 'GET', '/static/app.js', 200), rec(95, 'GET', '/static/site.css', 200), rec(140, 'GET', '/img/logo.png', 304),
  rec(6000, 'GET', '/search', 200, 'q=blue+shoes'), rec(6100, 'GET', '/api/recommendations', 200),
  rec(13000, 'GET', '/products/1841', 200), rec(13090, 'GET', '/img/p18.jpg', 200), rec(13200, 'GET', '/api/reviews/1841', 200),
  rec(21000, 'POST', '/cart/add', 200), rec(21500, 'GET', '/cart', 200),
]);
// A scanner: two seconds of probes for well-known files, nearly all 404.
const scanner = measure(Array.from({ length: 60 }, (_, i) => rec(i * 35, 'GET', ['/.env', '/wp-login.php', '/.git/config', '/phpmyadmin/', '/backup.zip'][i % 5]!, i % 13 ? 404 : 403)));

for (const [backend, create] of [['ONNX', onnxClassifier], ['TensorFlow.js', tfjsClassifier]] as const) {
  describe(`shipped session models on ${backend}`, () => {
    it('compat5 labels the issue\'s login-flood example abnormal and a shopper\'s session normal', async () => {
      const c = await create({ variant: 'compat5' });
      const [flood, shop] = await c.classify([
        { numOfLoginAttempts: 40, numOfPostReqs: 40, numOfReqs: 41, sesCodes4xx: 39, sesDuration: 12000 },
        shopper,
      ]);
      expect(flood!.label).to.equal('abnormal');
      expect(flood!.score).to.be.greaterThan(0.9);
      expect(shop!.label).to.equal('normal');
      expect(shop!.score).to.be.lessThan(0.2);
    });

    it('default reads every numeric feature features-default declares (retrain when they change)', async () => {
      const c = await create({ variant: 'default' });
      expect(c.featureNames).to.deep.equal(DEFAULT_FEATURE_NAMES);
    });

    it('default labels a shopper normal and a scanner abnormal from features measured by features-default', async () => {
      const c = await create({ variant: 'default' });
      const [shop, scan] = await c.classify([shopper, scanner]);
      expect(shop!.label).to.equal('normal');
      expect(scan!.label).to.equal('abnormal');
    });
  });
}

describe('shipped session models: ONNX and TensorFlow.js agree', () => {
  for (const variant of ['default', 'compat5'] as const) {
    it(`${variant}: same labels and probabilities within 1e-4 on fresh simulated sessions`, async () => {
      const { simulateSessions } = await import('../../src/session/simulator/simulate.js');
      const rows = simulateSessions({ seed: `shipped-parity-${variant}`, clients: 150 }).map((s) => s.features);
      const [a, b] = [await (await onnxClassifier({ variant })).classify(rows), await (await tfjsClassifier({ variant })).classify(rows)];
      expect(a.length).to.equal(rows.length);
      for (let i = 0; i < rows.length; i++) {
        expect(b[i]!.label, `row ${i}`).to.equal(a[i]!.label);
        expect(Math.abs(a[i]!.score - b[i]!.score), `row ${i}`).to.be.below(1e-4);
      }
    });
  }
});
