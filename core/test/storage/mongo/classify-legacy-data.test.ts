import { expect } from 'chai';
import { startApiServer, Warden, type ApiServer } from '../../../src/index.js';
import { countingFeaturesDouble, modelsDouble } from '../../helpers/doubles.js';
import { MongoWireDouble } from './mongo-wire-double.js';

const IP = '198.51.100.7';

/**
 * The older middleware's data in MongoDB, classified by Session Warden's classifier API, with the
 * verdict and the block written back in the shapes the older middleware reads. MongoDB is the
 * in-process wire test double; the models are test doubles too.
 */
describe('classifying the older middleware\'s MongoDB data over POST /api (wire test double for MongoDB)', () => {
  let double: MongoWireDouble;
  let warden: Warden;
  let api: ApiServer;
  let sessionID: string;
  const now = Date.now();

  before(async () => {
    double = await MongoWireDouble.start();
    const first = double.newObjectId();
    sessionID = first.toHexString();
    const log = (id: unknown, offsetMs: number, over: Record<string, unknown>) => ({
      _id: id, headers: { cookie: 'sid=1' }, method: 'GET', clientIP: IP, url: '/', fullUrl: 'http://shop/', reqhttp: 'GET /',
      requestSize: 0, resContentType: { type: 'text/html' }, timestamp: new Date(now - 5000 + offsetMs), requestBody: {},
      statusCode: 200, sessionID, ...over,
    });
    double.collection('shop', 'httplogs').push(
      log(first, 0, {}),
      log(double.newObjectId(), 900, { method: 'POST', url: '/search', reqhttp: 'POST /search', requestBody: { q: "' or 1=1 --" } }),
    );
    // Two abnormal sessions the older classifier API already stored for the same client.
    for (const old of ['62727f1e0c5c3d1b8c6b0a01', '62727f1e0c5c3d1b8c6b0a02']) {
      double.collection('shop', 'sesfeatures').push({ _id: double.newObjectId(), sessionID: old, clientIP: IP, active: true,
        behavior: 'Abnormal', endTimestamp: new Date(now - 60_000), numOfReqs: 40, sesDuration: 2000, reqBodiesData: {} });
    }
    warden = await Warden.start({ storage: double.url('shop'), groupToSessions: false, plugins: [countingFeaturesDouble, modelsDouble],
      blockIP: true, maxAbnormal: 2, blockDuration: 60 });
    api = await startApiServer(warden, { port: 0 });
  });
  after(async () => {
    await api?.close();
    await warden?.close();
    await double?.stop();
  });

  it('answers POST /api {"sesID"} for a session the older middleware recorded, reading its requestBody', async () => {
    const res = await fetch(`${api.url}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sesID: sessionID }) });
    expect(res.status).to.equal(200);
    const body = await res.json() as Record<string, unknown>;
    expect(body).to.include({ sessionID, clientIP: IP, behavior: 'Abnormal', numOfReqs: 2 });
    expect(body.reqBodiesData).to.deep.equal({ q: "' or 1=1 --" });
    expect(body.blocked).to.have.property('until');
  });

  it('stores the verdict and the block in the shapes the older tools read', () => {
    const stored = double.collection('shop', 'sesfeatures').find((d) => d.sessionID === sessionID)!;
    expect(stored).to.include({ clientIP: IP, behavior: 'Abnormal', numOfReqs: 2 });
    expect(stored.active).to.equal(false); // deactivated when its client was blocked
    expect(stored.reqBodiesData).to.deep.equal({ q: "' or 1=1 --" });
    const block = double.collection('shop', 'clientips').find((d) => d.clientIP === IP)!;
    expect(block.blacklisted).to.equal(true);
    // The older middleware blocks while now − blacklistTime < blockDuration.
    expect(Date.now() - (block.blacklistTime as Date).getTime()).to.be.lessThan(60_000);
  });

  it('refuses an operator object as sesID without querying MongoDB', async () => {
    const sent = double.received.length;
    const res = await fetch(`${api.url}/api`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sesID": {"$ne": null}}' });
    expect(res.status).to.equal(400);
    expect(double.received.slice(sent).filter((c) => c.name !== 'hello' && c.name !== 'ismaster')).to.deep.equal([]);
  });
});
