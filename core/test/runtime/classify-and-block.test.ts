import { expect } from 'chai';
import { join } from 'node:path';
import { definePlugin, inMode, maxAbnormalPolicy, TOKENS, Warden, type FeatureClassifier, type RequestRecord, type SessionFeatures, type WardenOptions } from '../../src/index.js';
import { SLICE_CHARS, SLICE_INPUTS } from '../../src/pipeline/sliced-text-classifier.js';
import { countingFeaturesDouble, keywordTextDouble, loginFeatureDouble, modelsDouble, tempDir } from '../helpers/doubles.js';
import { requestRecord, uniqueTag } from '../storage/store-suite.js';

const dir = tempDir('warden-runtime-');
const base = Date.UTC(2026, 5, 1, 10);

async function start(options: WardenOptions = {}): Promise<Warden> {
  const warden = await Warden.start({
    storage: join(dir, `${uniqueTag('rt')}.db`), groupToSessions: false,
    plugins: [countingFeaturesDouble, modelsDouble], blockIP: true, ...options,
  });
  after(() => warden.close());
  return warden;
}

/** Stores one session of `ip` whose search box carries `query`. */
async function storeSession(warden: Warden, ip: string, query: string, extra: Partial<RequestRecord> = {}): Promise<string> {
  const id = uniqueTag('s');
  await warden.storage.requests.append([
    requestRecord(id, new Date(base), { clientIP: ip, path: '/' }),
    requestRecord(id, new Date(base + 800), { clientIP: ip, path: '/search', query, ...extra }),
  ]);
  return id;
}

describe('classifying a session and blacklisting its client', () => {
  it('stores features, per-model verdicts and the inputs that triggered the text model', async () => {
    const warden = await start();
    const id = await storeSession(warden, '198.51.100.1', 'q=%27%20or%201%3D1--');
    const result = (await warden.classifyNow(id))!;
    expect(result.session.behavior).to.equal('Abnormal');
    expect(result.session.active).to.equal(true);
    expect(result.session.features).to.deep.equal({ numOfReqs: 2, numOfLoginAttempts: 0 });
    expect(result.session.reqBodiesData).to.deep.equal({ '?q': '%27%20or%201%3D1--' });
    const text = result.session.verdicts.find((v) => v.kind === 'text')!;
    expect(text).to.deep.include({ model: 'test-double-text', abnormal: true, score: 0.9, reason: '1 input labelled sqli' });
    expect(text.triggers).to.deep.equal([{ field: '?q', value: '%27%20or%201%3D1--', label: 'sqli', score: 0.9 }]);
    expect(result.session.verdicts.find((v) => v.kind === 'feature')).to.deep.include({ abnormal: false });
    const stored = (await warden.storage.sessions.get(id))!;
    expect(stored.behavior).to.equal('Abnormal');
    expect(stored.verdicts).to.deep.equal(result.session.verdicts);
  });

  it('calls a session Normal only when every model says so', async () => {
    const warden = await start();
    const id = await storeSession(warden, '198.51.100.2', 'q=blue+shoes');
    const result = (await warden.classifyNow(id))!;
    expect(result.session.behavior).to.equal('Normal');
    expect(result.session.verdicts.every((v) => !v.abnormal)).to.equal(true);
  });

  it('flags a session from the feature model alone (login brute force with benign inputs)', async () => {
    const warden = await start();
    const id = uniqueTag('brute');
    await warden.storage.requests.append(Array.from({ length: 12 }, (_, i) =>
      requestRecord(id, new Date(base + i * 300), { clientIP: '198.51.100.3', method: 'POST', path: '/login', statusCode: 401, body: { user: `admin${i}` } })));
    const result = (await warden.classifyNow(id))!;
    expect(result.session.behavior).to.equal('Abnormal');
    expect(result.session.verdicts.filter((v) => v.abnormal).map((v) => v.kind)).to.deep.equal(['feature']);
  });

  it('blocks the IP once it has more than maxAbnormal active abnormal sessions, and marks them inactive', async () => {
    const blocks: unknown[] = [];
    const warden = await start({ maxAbnormal: 2, blockDuration: 60, onBlock: (e) => { blocks.push(e); } });
    const ip = '198.51.100.4';
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await storeSession(warden, ip, `q=%3Cscript%3Ealert(${i})%3C/script%3E`));
      const result = (await warden.classifyNow(ids[i]!))!;
      expect(result.block === undefined).to.equal(i < 2, `session ${i} block`);
    }
    expect(warden.blockedFor(ip)).to.deep.include({ retryAfterSec: 60 });
    expect(warden.blockedFor('198.51.100.5')).to.equal(null);
    const entry = (await warden.storage.blocklist.get(ip))!;
    expect(entry.blockedUntil.getTime() - entry.blockedAt.getTime()).to.equal(60_000);
    expect(entry.reason).to.match(/max-abnormal: 3 active abnormal sessions; the limit is 2/);
    for (const id of ids) expect((await warden.storage.sessions.get(id))!.active).to.equal(false);
    expect(await warden.storage.sessions.activeAbnormal(ip)).to.have.length(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(blocks).to.have.length(1);
  });

  it('keeps a session counted towards a block inactive when it is classified again, and blocks no one anew', async () => {
    const blocks: unknown[] = [];
    const warden = await start({ maxAbnormal: 1, blockDuration: 60, onBlock: (e) => { blocks.push(e); } });
    const ip = '198.51.100.8';
    const ids = [await storeSession(warden, ip, 'q=%3Cscript%3E1'), await storeSession(warden, ip, 'q=%3Cscript%3E2')];
    for (const id of ids) await warden.classifyNow(id);
    expect((await warden.storage.sessions.get(ids[0]!))!.active).to.equal(false);
    const again = (await warden.classifyNow(ids[0]!))!;
    expect(again.session).to.deep.include({ behavior: 'Abnormal', active: false });
    expect(again.block).to.equal(undefined);
    expect((await warden.storage.sessions.get(ids[0]!))!).to.deep.include({ active: false, classifiedAt: again.session.classifiedAt });
    await new Promise((r) => setTimeout(r, 20));
    expect(blocks).to.have.length(1);
  });

  it('gives sessions classified at the same time the verdicts each gets alone', async () => {
    const warden = await start({ blockIP: false });
    const queries = ['q=blue+shoes', 'q=%27%20or%201%3D1--', 'q=blue+shoes', 'q=%3Cscript%3Ealert(1)%3C/script%3E', 'q=red'];
    const ids = await Promise.all(queries.map((q, i) => storeSession(warden, `198.51.100.${20 + i}`, q)));
    const together = await Promise.all(ids.map((id) => warden.classifyNow(id)));
    const alone: typeof together = [];
    for (const id of ids) alone.push(await warden.classifyNow(id));
    const verdicts = (r: (typeof together)[number]) => r!.session.verdicts;
    expect(together.map(verdicts)).to.deep.equal(alone.map(verdicts));
    expect(together.map((r) => r!.session.behavior)).to.deep.equal(['Normal', 'Abnormal', 'Normal', 'Abnormal', 'Normal']);
  });

  it('asks a deterministic text model again only about inputs it has not seen lately, any other model every time', async () => {
    for (const deterministic of [true, false]) {
      const seen: string[][] = [];
      const model = { ...keywordTextDouble, deterministic, classify: (inputs: readonly string[]) => { seen.push([...inputs]); return keywordTextDouble.classify(inputs); } };
      const plugin = definePlugin({
        name: 'recording-text-model', provides: ['TextClassifier'],
        register(container) { container.register(TOKENS.TextClassifier, { useValue: model }); },
      });
      const warden = await start({ blockIP: false, plugins: [countingFeaturesDouble, plugin] });
      const [a, b] = [await storeSession(warden, '198.51.100.30', 'q=blue&x=1'), await storeSession(warden, '198.51.100.31', 'q=blue&y=2')];
      const first = (await warden.classifyNow(a))!;
      const second = (await warden.classifyNow(b))!;
      expect(seen, `deterministic: ${deterministic}`).to.deep.equal(deterministic ? [['blue', '1'], ['2']] : [['blue', '1'], ['blue', '2']]);
      expect(first.session.behavior).to.equal('Normal');
      expect(second.session.verdicts[0]!.reason).to.equal('2 distinct inputs, all benign');
    }
  });

  it('gives a text model a large session in slices, and still flags an attack in the last one', async () => {
    const calls: string[][] = [];
    const plugin = definePlugin({
      name: 'noting-text-model', provides: ['TextClassifier'],
      register(container) {
        container.register(TOKENS.TextClassifier, { useValue: { ...keywordTextDouble, deterministic: true, classify: (inputs: readonly string[]) => { calls.push([...inputs]); return keywordTextDouble.classify(inputs); } } });
      },
    });
    const warden = await start({ blockIP: false, plugins: [countingFeaturesDouble, plugin] });
    const id = uniqueTag('large');
    const longNotes = Array.from({ length: 40 }, (_, i) => requestRecord(id, new Date(base + i), { clientIP: '198.51.100.40', method: 'POST', path: '/notes', body: { note: `${i} ${'n'.repeat(4000)}` } }));
    const manyFields = requestRecord(id, new Date(base + 50), { clientIP: '198.51.100.40', method: 'POST', path: '/form', body: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, `value ${i}`])) });
    const attack = requestRecord(id, new Date(base + 60), { clientIP: '198.51.100.40', path: '/search', query: 'q=%27%20or%201%3D1--' });
    await warden.storage.requests.append([...longNotes, manyFields, attack]);
    const result = (await warden.classifyNow(id))!;
    expect(calls.flat()).to.have.length(341);
    expect(calls.length).to.be.greaterThan(2);
    for (const call of calls) {
      expect(call.length).to.be.at.most(SLICE_INPUTS);
      expect(call.join('').length).to.be.at.most(SLICE_CHARS);
    }
    expect(result.session.behavior).to.equal('Abnormal');
    expect(result.session.verdicts[0]!.triggers).to.deep.equal([{ field: '?q', value: '%27%20or%201%3D1--', label: 'sqli', score: 0.9 }]);
  });

  it('blocks nobody when blockIP is off, in monitor mode, or for allowIPs', async () => {
    for (const options of [{ blockIP: false }, { mode: 'monitor' as const }, { allowIPs: ['198.51.100.0/24'] }]) {
      const warden = await start({ maxAbnormal: 0, ...options });
      const id = await storeSession(warden, '198.51.100.6', 'q=1%27%20or%201=1');
      const result = (await warden.classifyNow(id))!;
      expect(result.session.behavior).to.equal('Abnormal');
      expect(result.block, JSON.stringify(options)).to.equal(undefined);
      expect(warden.blockedFor('198.51.100.6')).to.equal(null);
      if ('mode' in options) expect(result.wouldBlock?.reason).to.match(/1 active abnormal session; the limit is 0/);
    }
  });

  it('records a monitor-mode model\'s verdict without letting it make the session abnormal', async () => {
    const monitoredText = definePlugin({
      name: 'monitored-text', provides: ['TextClassifier', 'FeatureClassifier'],
      register(container) {
        container.register(TOKENS.TextClassifier, { useValue: inMode(keywordTextDouble, 'monitor') });
        container.register(TOKENS.FeatureClassifier, { useValue: loginFeatureDouble });
      },
    });
    const warden = await start({ plugins: [countingFeaturesDouble, monitoredText], maxAbnormal: 0 });
    const id = await storeSession(warden, '198.51.100.8', 'q=%27%20or%201%3D1--');
    const result = (await warden.classifyNow(id))!;
    expect(result.session.behavior).to.equal('Normal');
    expect(result.session.verdicts.find((v) => v.kind === 'text')).to.deep.include({ abnormal: true, monitor: true, reason: '1 input labelled sqli' });
    expect(result.session.verdicts.find((v) => v.kind === 'feature')).not.to.have.property('monitor');
    expect(result.block).to.equal(undefined);
    expect((await warden.storage.sessions.get(id))!.verdicts).to.deep.equal(result.session.verdicts);
  });

  it('reports a monitor-mode policy\'s block as wouldBlock and applies none', async () => {
    const monitoredPolicy = definePlugin({
      name: 'monitored-policy', provides: ['BlacklistPolicy'],
      register(container) { container.register(TOKENS.BlacklistPolicy, { useValue: inMode(maxAbnormalPolicy(0, 60), 'monitor') }); },
    });
    const warden = await start({ plugins: [countingFeaturesDouble, modelsDouble, monitoredPolicy] });
    const id = await storeSession(warden, '198.51.100.9', 'q=%3Cscript%3E');
    const result = (await warden.classifyNow(id))!;
    expect(result.session.behavior).to.equal('Abnormal');
    expect(result.block).to.equal(undefined);
    expect(result.wouldBlock?.reason).to.match(/1 active abnormal session; the limit is 0/);
    expect(warden.blockedFor('198.51.100.9')).to.equal(null);
    expect((await warden.storage.sessions.get(id))!.active).to.equal(true);
  });

  it('stores features only, with behavior newSession, when useModels is off', async () => {
    const warden = await start({ useModels: false });
    const id = await storeSession(warden, '198.51.100.7', 'q=%27%20or%201%3D1');
    const result = (await warden.classifyNow(id))!;
    expect(result.session).to.deep.include({ behavior: 'newSession', verdicts: [] });
    expect(result.session.features.numOfReqs).to.equal(2);
  });

  it('answers null for a session with no recorded requests', async () => {
    const warden = await start();
    expect(await warden.classifyNow('no-such-session')).to.equal(null);
  });

  it('classifies a closing session from the records it still holds, exactly as from storage', async () => {
    const verdicts: SessionFeatures[] = [];
    const warden = await start({ groupToSessions: true, maxReqsPerSess: 3, onVerdict: (s) => { verdicts.push(s); } });
    let reads = 0;
    const findBySession = warden.storage.requests.findBySession.bind(warden.storage.requests);
    warden.storage.requests.findBySession = (id) => { reads++; return findBySession(id); }; // spy on the real store
    const now = Date.now();
    const queries = ['q=blue', 'q=%3Cscript%3E', '', 'q=red', 'q=1%27%20or%201=1', 'page=2', ''];
    // Ended in another order than they arrived: the held records are put back in arrival order.
    for (const [i, query] of queries.entries()) {
      const record = { ...requestRecord('', new Date(now + (i % 3 === 1 ? i * 10 - 15 : i * 10)), { clientIP: '192.0.2.10', query, path: `/p${i}` }), sessionID: undefined };
      warden.record(record);
    }
    await warden.settle(); // two sessions of 3 closed on the cap; the seventh request's session is still open
    await new Promise((r) => setTimeout(r, 20)); // onVerdict runs off the classification path
    expect(verdicts).to.have.length(2);
    expect(reads).to.equal(0);
    for (const held of verdicts) {
      const fromStorage = (await warden.classifier.classify(held.sessionID))!.session;
      expect(fromStorage).to.deep.include({ startTimestamp: held.startTimestamp, endTimestamp: held.endTimestamp, behavior: held.behavior });
      expect(fromStorage.features).to.deep.equal(held.features);
      expect(fromStorage.reqBodiesData).to.deep.equal(held.reqBodiesData);
      expect(fromStorage.verdicts).to.deep.equal(held.verdicts);
    }
    expect(reads).to.equal(2);
    expect(verdicts.map((v) => v.behavior)).to.deep.equal(['Abnormal', 'Abnormal']);
  });

  it('classifies a session from held records without writing the queued records first (they go with the flush interval)', async () => {
    const verdicts: SessionFeatures[] = [];
    const warden = await start({ groupToSessions: true, maxReqsPerSess: 3, flushIntervalMs: 60_000, onVerdict: (s) => { verdicts.push(s); } });
    let appends = 0;
    const append = warden.storage.requests.append.bind(warden.storage.requests);
    warden.storage.requests.append = (records) => { appends++; return append(records); }; // spy on the real store
    const now = Date.now();
    for (let i = 0; i < 7; i++) {
      const record = { ...requestRecord('', new Date(now + i * 10), { clientIP: '192.0.2.11', path: `/p${i}` }), sessionID: undefined };
      warden.record(record);
    }
    for (let i = 0; i < 200 && verdicts.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(verdicts).to.have.length(2);
    expect(appends, 'a closed session does not force a write of everything queued').to.equal(0);
    await warden.settle();
    expect(appends).to.equal(1);
    expect(await warden.storage.requests.count()).to.equal(7);
  });

  it('groups recorded requests with the installed time sessionizer and classifies each session when it closes', async () => {
    const verdicts: SessionFeatures[] = [];
    const warden = await start({ groupToSessions: true, sessTimeThres: 0.2, onVerdict: (s) => { verdicts.push(s); } });
    const now = Date.now();
    const at = (ms: number, query = '') => ({ ...requestRecord('', new Date(now + ms), { clientIP: '192.0.2.9', query }), sessionID: undefined });
    warden.record(at(0));
    warden.record(at(50, 'q=%3Cscript%3E'));
    warden.record(at(600)); // more than 0.2 s later: a new session
    await warden.close(); // closes the open session too, so both are classified
    expect(verdicts.map((v) => [v.features.numOfReqs, v.behavior]).sort()).to.deep.equal([[1, 'Normal'], [2, 'Abnormal']]);
  });

  it('classifies sessions that close one after another in one batch: one call per model', async () => {
    const rowsPerCall: number[] = [];
    const featureModel: FeatureClassifier = { ...loginFeatureDouble, classify: (rows) => { rowsPerCall.push(rows.length); return loginFeatureDouble.classify(rows); } };
    const countingModels = definePlugin({
      name: 'batch-counting-models', provides: ['TextClassifier', 'FeatureClassifier'],
      register(c) {
        c.register(TOKENS.TextClassifier, { useValue: keywordTextDouble });
        c.register(TOKENS.FeatureClassifier, { useValue: featureModel });
      },
    });
    const verdicts: SessionFeatures[] = [];
    const warden = await start({ groupToSessions: true, maxReqsPerSess: 2, plugins: [countingFeaturesDouble, countingModels], onVerdict: (s) => { verdicts.push(s); } });
    const now = Date.now();
    for (let i = 0; i < 9; i++) {
      const record = { ...requestRecord('', new Date(now + i), { clientIP: '192.0.2.10' }), sessionID: undefined };
      warden.record(record);
      await new Promise((resolve) => setImmediate(resolve)); // each request in its own turn; the cap closes a session every second one
    }
    await warden.settle();
    expect(rowsPerCall).to.deep.equal([4]);
    await warden.close(); // the fifth session, still open, is classified alone
    expect(rowsPerCall).to.deep.equal([4, 1]);
    expect(verdicts.map((v) => v.features.numOfReqs)).to.deep.equal([2, 2, 2, 2, 1]);
  });

  it('classifies every session when tens of thousands close at once, reading back those past the held-records budget', async () => {
    const clients = 25_000; // more than the 20 000 records handed out at most, and than the 10 000 closed sessions once queued at most
    let verdicts = 0;
    const warden = await start({ groupToSessions: true, onVerdict: () => { verdicts++; } });
    let reads = 0;
    const findBySession = warden.storage.requests.findBySession.bind(warden.storage.requests);
    warden.storage.requests.findBySession = (id) => { reads++; return findBySession(id); }; // spy on the real store
    const now = Date.now();
    for (let c = 0; c < clients; c++) {
      const record = { ...requestRecord('', new Date(now), { clientIP: `10.${c >> 16}.${(c >> 8) & 255}.${c & 255}`, query: `q=item${c % 50}` }), sessionID: undefined };
      warden.record(record);
    }
    await warden.close(); // closes all 25 000 open sessions in one go
    expect(verdicts).to.equal(clients);
    expect(warden.stats().classifications).to.include({ done: clients, dropped: 0, failed: 0 });
    expect(reads).to.equal(clients - 20_000);
  });
});
