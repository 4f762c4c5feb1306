import type { MongoWireDouble } from '../../storage/mongo/mongo-wire-double.js';

export const LEGACY_T0 = new Date('2022-05-04T08:00:00Z');
const at = (s: number) => new Date(LEGACY_T0.getTime() + s * 1000);

/**
 * Fills the test double's `db` with collections as the older middleware and classifier API wrote
 * them: every header (cookies too), raw bodies (passwords too), plus a few documents that do not fit.
 */
export function seedLegacyDatabase(double: MongoWireDouble, db: string): { sessionID: string; good: number; bad: number } {
  const first = double.newObjectId();
  const sessionID = first.toHexString();
  const log = (id: unknown, s: number, over: Record<string, unknown> = {}) => ({
    _id: id, headers: { cookie: 'connect.sid=s%3Aabc', authorization: 'Basic YWRtaW46YWRtaW4=', 'user-agent': 'Mozilla/5.0' },
    method: 'POST', clientIP: '198.51.100.7', url: '/login?next=/home', fullUrl: 'http://shop.example/login?next=/home',
    reqhttp: 'POST /login?next=/home', requestSize: 40, resContentType: { type: 'text/html' }, timestamp: at(s),
    requestBody: { username: 'ana', password: 'hunter2' }, statusCode: 401, sessionID, ...over,
  });
  double.collection(db, 'httplogs').push(
    log(first, 0),
    log(double.newObjectId(), 1),
    log(double.newObjectId(), 2, { timestamp: 'not a date' }),
    log(double.newObjectId(), 3, { method: 'GET', url: '/', reqhttp: 'GET /', requestBody: {}, statusCode: 200 }),
    log(double.newObjectId(), 4, { clientIP: { $ne: null } }),
    log(double.newObjectId(), 5, { sessionID: 'newRequest', method: 'GET', url: '/about', requestBody: {}, statusCode: 200 }),
  );
  double.collection(db, 'sesfeatures').push(
    { _id: double.newObjectId(), sessionID, clientIP: '198.51.100.7', active: true, behavior: 'Abnormal', endTimestamp: at(3),
      numOfLoginAttempts: 2, numOfPostReqs: 2, numOfReqs: 3, sesCodes4xx: 2, sesDuration: 3000,
      reqBodiesData: { username: 'ana', password: 'hunter2' } },
    { _id: double.newObjectId(), sessionID: 'broken', clientIP: '198.51.100.7', active: 'yes', behavior: 'Normal', endTimestamp: at(3) },
  );
  double.collection(db, 'clientips').push(
    { _id: double.newObjectId(), clientIP: '198.51.100.7', blacklisted: true, blacklistTime: at(4) },
    { _id: double.newObjectId(), clientIP: '192.0.2.1', blacklisted: false, blacklistTime: at(0) },
  );
  return { sessionID, good: 4 + 1 + 1, bad: 2 + 1 };
}
