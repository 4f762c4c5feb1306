import { expect } from 'chai';
import { ValidationError } from '../../../src/errors.js';
import type { Storage } from '../../../src/ports/stores.js';
import { openMongoStorage } from '../../../src/storage/mongo/open-mongo.js';
import { at, block, request, session, T0 } from './fixtures.js';
import { MongoWireDouble } from './mongo-wire-double.js';

// The behaviour shared with the SQL stores is checked by the store suite (mongo-store-suite.test.ts);
// these tests cover what is particular to MongoDB: the older documents, escaping, injection.
describe('MongoDB storage specifics (over the wire, against the in-process test double)', () => {
  let double: MongoWireDouble;
  let storage: Storage;
  let prefix: string;
  let misfits: string[];
  let n = 0;
  const docs = (name: string) => double.collection('warden', `${prefix}${name}`);

  before(async () => {
    double = await MongoWireDouble.start();
  });
  after(async () => {
    await double?.stop();
  });
  beforeEach(async () => {
    prefix = `t${++n}_`;
    misfits = [];
    storage = await openMongoStorage(double.url('warden'), {
      tablePrefix: prefix, onMisfit: (collection, _id, reason) => misfits.push(`${collection}: ${reason}`),
    });
  });
  afterEach(async () => {
    await storage?.close();
  });

  it('describes itself and answers a ping', async () => {
    expect(storage.kind).to.equal('mongodb');
    expect(storage.description).to.equal(double.url('warden'));
    await storage.ping();
  });

  describe('requests (httplogs)', () => {
    it('lists distinct session IDs newest first, up to the limit, without "newRequest"', async () => {
      await storage.requests.append([
        request({ sessionID: 'old', timestamp: at(1) }), request({ sessionID: 'new', timestamp: at(9) }),
        request({ sessionID: 'mid', timestamp: at(5) }), request({ sessionID: 'old', timestamp: at(2) }),
        request({ sessionID: 'newRequest', timestamp: at(20) }),
      ]);
      expect(await storage.requests.listSessionIds(10)).to.deep.equal(['new', 'mid', 'old']);
      expect(await storage.requests.listSessionIds(2)).to.deep.equal(['new', 'mid']);
    });

    it('keeps an ObjectId-shaped record id as the document _id', async () => {
      await storage.requests.append([request({ id: '65a1b2c3d4e5f60718293a4b' })]);
      expect((await storage.requests.findBySession('s-1'))[0]!.id).to.equal('65a1b2c3d4e5f60718293a4b');
    });

    it('stores body keys holding $ or . escaped, and reads them back unescaped', async () => {
      const body = { $where: 'sleep(1)', 'user.name': 'ana', nested: { $gt: '' } };
      await storage.requests.append([request({ method: 'POST', body })]);
      const stored = docs('httplogs')[0]!;
      expect(stored.requestBody).to.deep.equal({ '%24where': 'sleep(1)', 'user%2Ename': 'ana', nested: { '%24gt': '' } });
      expect((await storage.requests.findBySession('s-1'))[0]!.body).to.deep.equal(body);
    });

    it('writes the older middleware\'s fields and only safe headers', async () => {
      await storage.requests.append([request({ method: 'POST', path: '/login', query: 'a=1', userAgent: 'UA', requestBytes: 9 })]);
      const stored = docs('httplogs')[0]!;
      expect(stored).to.include({ url: '/login?a=1', reqhttp: 'POST /login?a=1', requestSize: 9, statusCode: 200, sessionID: 's-1', clientIP: '203.0.113.9' });
      expect(stored.timestamp).to.be.instanceOf(Date);
      expect(stored.headers).to.deep.equal({ 'user-agent': 'UA' });
    });
  });

  describe('blocklist (clientips)', () => {
    it('writes blocks the older middleware honours (blacklisted, blacklistTime) and lifts them as it does', async () => {
      await storage.blocklist.block(block());
      const stored = docs('clientips')[0]!;
      expect(stored).to.include({ clientIP: '203.0.113.9', blacklisted: true });
      expect(stored.blacklistTime).to.deep.equal(T0);
      expect(await storage.blocklist.unblock('203.0.113.9')).to.equal(true);
      expect(docs('clientips')).to.have.length(1);
      expect(docs('clientips')[0]).to.include({ clientIP: '203.0.113.9', blacklisted: false });
    });
  });

  describe('data written by the older tools', () => {
    it('is read as it is: requests, a classified session and a block ending blockDuration after blacklistTime', async () => {
      const first = double.newObjectId();
      docs('httplogs').push(
        { _id: first, headers: { cookie: 'sid=1', 'user-agent': 'UA' }, method: 'POST', clientIP: '198.51.100.7', url: '/login?x=1',
          fullUrl: 'http://shop/login?x=1', reqhttp: 'POST /login?x=1', requestSize: 20, resContentType: { type: 'text/html' },
          timestamp: at(1), requestBody: { user: 'a' }, statusCode: 401, sessionID: first.toHexString() },
        { _id: double.newObjectId(), headers: {}, method: 'GET', clientIP: '198.51.100.7', url: '/', fullUrl: 'http://shop/',
          reqhttp: 'GET /', requestSize: 0, resContentType: { type: 'text/html' }, timestamp: at(2), requestBody: {}, statusCode: 200,
          sessionID: first.toHexString() },
      );
      docs('sesfeatures').push({ _id: double.newObjectId(), sessionID: first.toHexString(), clientIP: '198.51.100.7', active: true,
        behavior: 'Abnormal', endTimestamp: at(2), numOfLoginAttempts: 1, numOfPostReqs: 1, numOfReqs: 2, sesCodes4xx: 1, sesDuration: 1000,
        reqBodiesData: { user: 'a' } });
      docs('clientips').push({ _id: double.newObjectId(), clientIP: '198.51.100.7', blacklisted: true, blacklistTime: at(0) });

      const requests = await storage.requests.findBySession(first.toHexString());
      expect(requests.map((r) => [r.method, r.path, r.query, r.statusCode])).to.deep.equal([['POST', '/login', 'x=1', 401], ['GET', '/', '', 200]]);
      expect(requests[0]).to.include({ id: first.toHexString(), userAgent: 'UA' });
      const ses = await storage.sessions.get(first.toHexString());
      expect(ses?.features).to.deep.equal({ numOfLoginAttempts: 1, numOfPostReqs: 1, numOfReqs: 2, sesCodes4xx: 1, sesDuration: 1000 });
      expect((await storage.sessions.activeAbnormal('198.51.100.7')).length).to.equal(1);
      expect((await storage.blocklist.get('198.51.100.7'))?.blockedUntil).to.deep.equal(at(60));
      expect((await storage.blocklist.listActive(at(59))).length).to.equal(1);
      expect(await storage.blocklist.listActive(at(61))).to.deep.equal([]);
    });

    it('skips documents that do not fit and reports each with its reason', async () => {
      await storage.requests.append([request()]);
      docs('httplogs').push({ _id: double.newObjectId(), sessionID: 's-1', method: 'GET', clientIP: '1.2.3.4', url: '/', timestamp: 'soon', statusCode: 200 });
      expect(await storage.requests.findBySession('s-1')).to.have.length(1);
      expect(misfits).to.deep.equal(['httplogs: timestamp is string "soon", expected a Date']);
    });
  });

  describe('operator injection', () => {
    const injections: unknown[] = [{ $ne: null }, { $where: 'sleep(100)' }, { $gt: '' }, ['a']];

    it('never reaches a query: operator objects are refused before anything is sent', async () => {
      await storage.requests.append([request()]);
      const sentBefore = double.received.length;
      for (const bad of injections) {
        const as = bad as string;
        await expectValidationError(storage.requests.findBySession(as));
        await expectValidationError(storage.sessions.get(as));
        await expectValidationError(storage.sessions.activeAbnormal(as));
        await expectValidationError(storage.sessions.deactivate([as]));
        await expectValidationError(storage.blocklist.get(as));
        await expectValidationError(storage.blocklist.unblock(as));
        await expectValidationError(storage.blocklist.addRefused(as, 1));
        await expectValidationError(storage.sessions.upsert(session({ sessionID: as })));
        await expectValidationError(storage.blocklist.block(block({ clientIP: as })));
      }
      await expectValidationError(storage.requests.listSessionIds({ $gt: 0 } as unknown as number));
      await expectValidationError(storage.requests.purgeOlderThan({ $gt: 0 } as unknown as Date));
      await expectValidationError(storage.blocklist.listActive('now' as unknown as Date));
      expect(double.received.slice(sentBefore).map((c) => c.name).filter((name) => name !== 'hello' && name !== 'ismaster')).to.deep.equal([]);
    });
  });
});

async function expectValidationError(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(ValidationError);
    return;
  }
  expect.fail('expected a ValidationError');
}
