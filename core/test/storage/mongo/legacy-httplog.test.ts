import { expect } from 'chai';
import type { RequestRecord } from '../../../src/ports/records.js';
import { httpLogToRecord, recordToHttpLog } from '../../../src/storage/mongo/legacy-httplog.js';
import { mustFit } from './must-fit.js';

const record: RequestRecord = {
  id: '65a1b2c3d4e5f60718293a4b',
  clientIP: '203.0.113.9',
  ipSource: 'x-forwarded-for',
  sessionID: '65a1b2c3d4e5f60718293a40',
  method: 'POST',
  path: '/login',
  query: 'next=%2Fhome&x=1',
  statusCode: 401,
  timestamp: new Date('2026-03-01T10:00:00.123Z'),
  durationMs: 12,
  requestBytes: 57,
  responseBytes: 230,
  userAgent: 'Mozilla/5.0',
  referer: 'https://shop.example/',
  contentType: 'application/json',
  body: { user: 'ana', 'profile.name': 'Ana', $where: 'x' },
  flags: { bodyTruncated: true },
};

/** A document as the older Express middleware wrote it: every header, raw body, no `warden` part. */
const olderMiddlewareDoc = {
  _id: { toHexString: () => '65a1b2c3d4e5f60718293a4c' },
  headers: { host: 'shop.example', cookie: 'sid=abc', authorization: 'Bearer t0ken', 'user-agent': 'curl/8.0', 'content-type': 'application/x-www-form-urlencoded' },
  method: 'post',
  clientIP: '::ffff:198.51.100.7',
  url: '/search?q=%27+or+1%3D1',
  fullUrl: 'http://shop.example/search?q=%27+or+1%3D1',
  reqhttp: 'POST /search?q=%27+or+1%3D1',
  requestSize: '42',
  resContentType: { type: 'text/html' },
  timestamp: new Date('2022-05-04T08:00:00Z'),
  requestBody: { q: "' or 1=1" },
  statusCode: 200,
  sessionID: 'newRequest',
};

describe('httplogs documents (the older middleware\'s shape)', () => {
  it('are written with the older field names: url, fullUrl, reqhttp, requestSize, resContentType, requestBody', () => {
    const doc = recordToHttpLog(record);
    expect(doc).to.include({
      method: 'POST', clientIP: '203.0.113.9', url: '/login?next=%2Fhome&x=1', fullUrl: '/login?next=%2Fhome&x=1',
      reqhttp: 'POST /login?next=%2Fhome&x=1', requestSize: 57, statusCode: 401, sessionID: '65a1b2c3d4e5f60718293a40',
    });
    expect(doc.timestamp).to.equal(record.timestamp);
    expect(doc.resContentType).to.deep.equal({ type: null });
    expect(doc.requestBody).to.deep.equal({ user: 'ana', 'profile%2Ename': 'Ana', '%24where': 'x' });
  });

  it('hold only safe headers: never cookies or authorization', () => {
    const doc = recordToHttpLog({ ...record, userAgent: 'UA' });
    expect(doc.headers).to.deep.equal({ 'user-agent': 'UA', referer: 'https://shop.example/', 'content-type': 'application/json' });
    const fromOlder = mustFit(httpLogToRecord(olderMiddlewareDoc));
    expect(JSON.stringify(recordToHttpLog(fromOlder))).not.to.match(/cookie|authorization|sid=abc|t0ken/i);
  });

  it('read back into the same RequestRecord', () => {
    const doc = { ...recordToHttpLog(record), _id: { toHexString: () => record.id } };
    const back = httpLogToRecord(doc);
    expect(back).to.deep.equal({ ok: true, value: record });
  });

  it('keep "no body" apart from an empty body, while writing {} as the older middleware did', () => {
    const { body: _none, ...noBody } = record;
    const doc = recordToHttpLog(noBody);
    expect(doc.requestBody).to.deep.equal({});
    expect(mustFit(httpLogToRecord(doc))).not.to.have.property('body');
    expect(mustFit(httpLogToRecord(recordToHttpLog({ ...record, body: {} }))).body).to.deep.equal({});
  });

  it('written by the older middleware are read: path and query from url, size from a numeric string, only safe headers', () => {
    expect(mustFit(httpLogToRecord(olderMiddlewareDoc))).to.deep.equal({
      id: '65a1b2c3d4e5f60718293a4c', clientIP: '::ffff:198.51.100.7', ipSource: 'socket', sessionID: 'newRequest',
      method: 'POST', path: '/search', query: 'q=%27+or+1%3D1', statusCode: 200, timestamp: new Date('2022-05-04T08:00:00Z'),
      durationMs: 0, requestBytes: 42, responseBytes: 0, userAgent: 'curl/8.0', contentType: 'application/x-www-form-urlencoded',
      body: { q: "' or 1=1" },
    });
  });

  it('fall back to fullUrl, then reqhttp, when url is missing', () => {
    const { url: _u, ...noUrl } = olderMiddlewareDoc;
    const fromFull = mustFit(httpLogToRecord(noUrl));
    expect([fromFull.path, fromFull.query]).to.deep.equal(['/search', 'q=%27+or+1%3D1']);
    const { fullUrl: _f, ...onlyReqhttp } = noUrl;
    expect(mustFit(httpLogToRecord({ ...onlyReqhttp, reqhttp: 'GET /search?a=b' }))).to.include({ path: '/search', query: 'a=b' });
  });

  it('that do not fit say why: missing fields and wrong types', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...olderMiddlewareDoc, clientIP: undefined }, /clientIP is missing/],
      [{ ...olderMiddlewareDoc, clientIP: { $ne: null } }, /clientIP is object/],
      [{ ...olderMiddlewareDoc, timestamp: 'yesterday' }, /timestamp is string "yesterday", expected a Date/],
      [{ ...olderMiddlewareDoc, statusCode: 'OK' }, /statusCode is string "OK"/],
      [{ ...olderMiddlewareDoc, sessionID: 7 }, /sessionID is number 7/],
      [{ ...olderMiddlewareDoc, url: undefined, fullUrl: undefined, reqhttp: undefined }, /url, fullUrl and reqhttp are all missing/],
    ];
    for (const [doc, reason] of cases) {
      const result = httpLogToRecord(doc);
      expect(result.ok, String(reason)).to.equal(false);
      if (!result.ok) expect(result.reason).to.match(reason);
    }
    expect(httpLogToRecord('text')).to.deep.equal({ ok: false, reason: 'not a document (string "text")' });
  });

  it('accept timestamps stored as ISO strings or epoch milliseconds', () => {
    const iso = mustFit(httpLogToRecord({ ...olderMiddlewareDoc, timestamp: '2022-05-04T08:00:00.000Z' }));
    const epoch = mustFit(httpLogToRecord({ ...olderMiddlewareDoc, timestamp: Date.parse('2022-05-04T08:00:00Z') }));
    expect(iso.timestamp.toISOString()).to.equal('2022-05-04T08:00:00.000Z');
    expect(epoch.timestamp.toISOString()).to.equal('2022-05-04T08:00:00.000Z');
  });
});
