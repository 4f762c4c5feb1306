import { expect } from 'chai';
import { createWardenContainer, registerPlugins, resolveOptions, sessionView, TOKENS, WardenConfigError, type RequestRecord } from '@session-warden/core';
import { BEHAVIOUR_FEATURES, COMPAT_FEATURES, defaultFeatures, defineFeature } from '../src/index.js';

const t0 = Date.UTC(2026, 0, 1);
let n = 0;
function rec(ms: number, method: string, path: string, statusCode: number, extra: Partial<RequestRecord> = {}): RequestRecord {
  return {
    id: String(++n), clientIP: '10.0.0.1', ipSource: 'socket', sessionID: 's1', method, path, query: '', statusCode,
    timestamp: new Date(t0 + ms), durationMs: 3, requestBytes: 100, responseBytes: 200, userAgent: 'ua', ...extra,
  };
}

async function extractAll(requests: RequestRecord[], plugins = [defaultFeatures()]) {
  const c = createWardenContainer();
  await registerPlugins(c, plugins, resolveOptions({ plugins }));
  const view = sessionView('s1', '10.0.0.1', requests);
  return Object.assign({}, ...c.resolveAll(TOKENS.FeatureExtractor).map((e) => e.extract(view)));
}

describe('default features', () => {
  const brute = [
    rec(0, 'GET', '/login', 200),
    ...Array.from({ length: 5 }, (_, i) => rec(1000 + i * 500, 'POST', '/login', 401, { body: { user: 'admin', password: '[REDACTED]' } })),
    rec(4000, 'POST', '/Login/', 302, { body: { user: 'admin' } }),
    rec(4500, 'GET', '/missing', 404, { query: 'q=%27%20or%201%3D1' }),
  ];

  it('compute the older tool\'s features with the same names and units (sesDuration in ms)', async () => {
    const f = await extractAll(brute);
    expect(f).to.include({ numOfLoginAttempts: 6, numOfPostReqs: 6, numOfReqs: 8, sesCodes4xx: 6, sesDuration: 4500 });
    expect(Object.keys(f)).to.include.members([...COMPAT_FEATURES]);
  });

  it('collect the session\'s text inputs by field in reqBodiesData', async () => {
    const f = await extractAll(brute);
    expect(f.reqBodiesData).to.deep.equal({ user: 'admin', password: '[REDACTED]', '?q': '%27%20or%201%3D1' });
  });

  it('count POSTs to configured login paths', async () => {
    const f = await extractAll(brute, [defaultFeatures({ loginPaths: ['/signin'] })]);
    expect(f.numOfLoginAttempts).to.equal(0);
  });

  it('add behaviour features that separate tools from people', async () => {
    const f = await extractAll(brute);
    expect(Object.keys(f)).to.include.members([...BEHAVIOUR_FEATURES]);
    expect(f).to.include({ distinctPaths: 3, codes5xx: 0, numOfInputs: 12, distinctUserAgents: 1 });
    expect(f.ratio404).to.be.closeTo(1 / 8, 1e-9);
    expect(f.failedLoginRatio).to.be.closeTo(5 / 6, 1e-9);
    expect(f.reqRatePerSec).to.be.closeTo(8 / 4.5, 1e-9);
    expect(f.meanInterReqMs).to.be.closeTo(4500 / 7, 1e-9);
  });

  it('measure timing regularity and sensitive-path probing', async () => {
    const scanner = ['/.env', '/wp-login.php', '/admin', '/index.html'].map((p, i) => rec(i * 100, 'GET', p, 404));
    const f = await extractAll(scanner);
    expect(f.sensitivePathShare).to.equal(0.75);
    expect(f.cvInterReq).to.equal(0);
    const browsing = ['/', '/app.css', '/app.js', '/logo.png'].map((p, i) => rec(i * 10, 'GET', p, 200));
    expect((await extractAll(browsing)).staticShare).to.equal(0.75);
  });

  it('count each request of a path asked for again in the path shares', async () => {
    const paths = ['/admin', '/', '/admin', '/app.css', '/app.css', '/app.css'];
    const f = await extractAll(paths.map((p, i) => rec(i * 10, 'GET', p, 200)));
    expect(f).to.include({ distinctPaths: 3, distinctPathRatio: 0.5, staticShare: 0.5 });
    expect(f.sensitivePathShare).to.be.closeTo(2 / 6, 1e-9);
  });

  it('handle a one-request session without dividing by zero', async () => {
    const f = await extractAll([rec(0, 'GET', '/', 200)]);
    expect(f).to.include({ numOfReqs: 1, sesDuration: 0, meanInterReqMs: 0, cvInterReq: 0, reqRatePerSec: 1 });
  });

  it('make a custom feature a one-liner', async () => {
    const numOfGetReqs = defineFeature('numOfGetReqs', (s) => s.requests.filter((r) => r.method === 'GET').length);
    const f = await extractAll(brute, [defaultFeatures(), numOfGetReqs]);
    expect(f.numOfGetReqs).to.equal(2);
  });

  it('refuse a custom feature whose name clashes with a default one, naming both', async () => {
    const clash = defineFeature('numOfReqs', (s) => s.requests.length);
    try {
      await extractAll(brute, [defaultFeatures(), clash]);
      expect.fail('registration should have thrown');
    } catch (err) {
      expect(err).to.be.instanceOf(WardenConfigError);
      expect((err as Error).message).to.match(/"numOfReqs" is produced by both "features-default\/compat" and "feature:numOfReqs"/);
    }
  });
});
