import { expect } from 'chai';
import { join } from 'node:path';
import { startApiServer, Warden, WardenConfigError, type ApiServer } from '../../src/index.js';
import { countingFeaturesDouble, modelsDouble, tempDir } from '../helpers/doubles.js';
import { call } from '../helpers/http.js';
import { requestRecord, uniqueTag } from '../storage/store-suite.js';

const dir = tempDir('warden-api-');

describe('classifier API', () => {
  let warden: Warden;
  let api: ApiServer;
  const key = 'test-admin-key-0123456789';
  const auth = { authorization: `Bearer ${key}` };
  const sesID = uniqueTag('api');

  before(async () => {
    warden = await Warden.start({
      storage: join(dir, 'api.db'), groupToSessions: false, blockIP: true, maxAbnormal: 0,
      plugins: [countingFeaturesDouble, modelsDouble],
    });
    await warden.storage.requests.append([
      requestRecord(sesID, new Date(Date.UTC(2026, 0, 1)), { clientIP: '203.0.113.50', query: 'q=%27%20or%201%3D1' }),
    ]);
    api = await startApiServer(warden, { port: 0, apiKey: key });
  });
  after(async () => {
    await api.close();
    await warden.close();
  });

  const post = (body: string, headers: Record<string, string> = {}) => call(`${api.url}/api`, { method: 'POST', body, headers });

  it('POST /api classifies a session and answers its features, verdicts and behavior', async () => {
    const res = await post(JSON.stringify({ sesID }));
    expect(res.status).to.equal(200);
    expect(res.json).to.deep.include({ sessionID: sesID, clientIP: '203.0.113.50', behavior: 'Abnormal', numOfReqs: 1 });
    expect(res.json.verdicts.map((v: { model: string }) => v.model)).to.deep.equal(['test-double-text', 'test-double-feature-model']);
    expect(res.json.blocked.reason).to.match(/max-abnormal/);
  });

  it('POST /api answers 404 for an unknown session', async () => {
    const res = await post(JSON.stringify({ sesID: 'unknown-session' }));
    expect(res.status).to.equal(404);
    expect(res.json).to.deep.equal({ error: 'not_found', message: 'No requests are recorded for session "unknown-session".' });
  });

  const bad: [string, string, RegExp][] = [
    ['malformed JSON', '{"sesID": ', /not valid JSON/],
    ['an empty body', '', /body is empty/],
    ['a JSON array', '["x"]', /must be a JSON object/],
    ['a missing sesID', '{"id": "x"}', /has no "sesID"/],
    ['a number sesID', '{"sesID": 42}', /must be a non-empty string/],
    ['an operator object as sesID', '{"sesID": {"$ne": null}}', /must be a non-empty string/],
    ['a sesID over 64 characters', JSON.stringify({ sesID: 'x'.repeat(65) }), /longer than 64/],
  ];
  for (const [what, body, message] of bad) {
    it(`POST /api answers 400 with {error, message} for ${what}`, async () => {
      const res = await post(body);
      expect(res.status).to.equal(400);
      expect(res.json.error).to.equal('bad_request');
      expect(res.json.message).to.match(message);
    });
  }

  it('POST /api refuses a body over 16 KB with 413 before reading it all', async () => {
    const res = await post(JSON.stringify({ sesID: 'a', pad: 'x'.repeat(17 * 1024) }));
    expect(res.status).to.equal(413);
    expect(res.json).to.deep.include({ error: 'body_too_large' });
  });

  it('admin endpoints need the API key', async () => {
    for (const [method, path] of [['GET', `/api/sessions/${sesID}`], ['GET', '/api/blocklist'], ['DELETE', '/api/blocklist/203.0.113.50']]) {
      expect((await call(`${api.url}${path}`, { method })).status, `${method} ${path}`).to.equal(401);
      expect((await call(`${api.url}${path}`, { method, headers: { authorization: 'Bearer wrong' } })).status).to.equal(401);
    }
  });

  it('GET /api/sessions/:id shows a classified session; 404 when it was never classified', async () => {
    await post(JSON.stringify({ sesID }));
    const res = await call(`${api.url}/api/sessions/${sesID}`, { headers: auth });
    expect(res.status).to.equal(200);
    expect(res.json).to.deep.include({ sessionID: sesID, behavior: 'Abnormal' });
    expect((await call(`${api.url}/api/sessions/never-classified`, { headers: auth })).status).to.equal(404);
  });

  it('GET /api/blocklist lists blocked IPs and DELETE unblocks one', async () => {
    await post(JSON.stringify({ sesID }));
    const list = await call(`${api.url}/api/blocklist`, { headers: auth });
    expect(list.json.blocked.map((e: { clientIP: string }) => e.clientIP)).to.include('203.0.113.50');
    expect(warden.blockedFor('203.0.113.50')).to.not.equal(null);
    const del = await call(`${api.url}/api/blocklist/203.0.113.50`, { method: 'DELETE', headers: auth });
    expect(del).to.deep.include({ status: 200, json: { unblocked: '203.0.113.50' } });
    expect(warden.blockedFor('203.0.113.50')).to.equal(null);
    expect((await call(`${api.url}/api/blocklist/203.0.113.50`, { method: 'DELETE', headers: auth })).status).to.equal(404);
    expect((await call(`${api.url}/api/blocklist/not-an-ip`, { method: 'DELETE', headers: auth })).status).to.equal(400);
  });

  it('GET /healthz reports the database reachable', async () => {
    const res = await call(`${api.url}/healthz`);
    expect(res.status).to.equal(200);
    expect(res.json).to.deep.include({ status: 'ok', database: 'up' });
  });

  it('refuses to listen off loopback without an API key', async () => {
    try {
      await startApiServer(warden, { port: 0, host: '0.0.0.0' });
      expect.fail('should refuse');
    } catch (err) {
      expect(err).to.be.instanceOf(WardenConfigError);
      expect((err as Error).message).to.match(/without an API key: set WARDEN_API_KEY/);
    }
  });

  it('names the port when it is already in use', async () => {
    const port = Number(new URL(api.url).port);
    try {
      await startApiServer(warden, { port });
      expect.fail('should refuse');
    } catch (err) {
      expect((err as Error).message).to.match(new RegExp(`Port ${port} on 127.0.0.1 is already in use`));
    }
  });
});
