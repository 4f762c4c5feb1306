import { expect } from 'chai';
import { ValidationError } from '../../src/errors.js';
import type { RequestRecord, SessionFeatures } from '../../src/ports/records.js';
import type { Storage } from '../../src/ports/stores.js';

/** A unique-enough tag so tests sharing one storage never see each other's rows. */
let serial = 0;
export function uniqueTag(name: string): string {
  serial += 1;
  return `${name}-${process.pid}-${serial}-${Math.random().toString(36).slice(2, 8)}`;
}

export function requestRecord(sessionID: string, timestamp: Date, overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    clientIP: '203.0.113.7',
    ipSource: 'socket',
    sessionID,
    method: 'GET',
    path: '/items',
    query: '',
    statusCode: 200,
    timestamp,
    durationMs: 1.5,
    requestBytes: 0,
    responseBytes: 512,
    ...overrides,
  };
}

function sessionRow(sessionID: string, clientIP: string, overrides: Partial<SessionFeatures> = {}): SessionFeatures {
  return {
    sessionID,
    clientIP,
    startTimestamp: new Date(Date.UTC(2024, 4, 1, 10, 0, 0, 1)),
    endTimestamp: new Date(Date.UTC(2024, 4, 1, 10, 5, 30, 999)),
    features: { numOfReqs: 12, sesDuration: 330998, numOfLoginAttempts: 0 },
    reqBodiesData: { username: 'ana', 'comment.text': "l'été — 🙂" },
    behavior: 'Normal',
    active: true,
    verdicts: [{ model: 'features-test-double', kind: 'feature', abnormal: false, score: 0.125, reason: 'below threshold' }],
    classifiedAt: new Date(Date.UTC(2024, 4, 1, 10, 6, 0, 42)),
    ...overrides,
  };
}

async function expectValidationError(promise: Promise<unknown>): Promise<ValidationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, but the call succeeded');
}

/** Runs a callback with the process time zone set, so date handling is checked away from UTC. */
async function inTimeZone<T>(zone: string, work: () => Promise<T>): Promise<T> {
  const previous = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await work();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

/**
 * The behaviour every Storage implementation must show, whatever the database. Each database's test
 * file calls it with a function that opens a fresh storage and, optionally, one that removes what
 * the run created. Free of SQL so the MongoDB store can run it too.
 */
export function storeSuite(label: string, open: () => Promise<Storage>, cleanup?: (storage: Storage) => Promise<void>): void {
  describe(`store suite: ${label}`, function () {
    this.timeout(60_000);
    let storage: Storage;

    before(async () => {
      storage = await open();
    });

    after(async () => {
      if (!storage) return;
      try {
        await cleanup?.(storage);
      } finally {
        await storage.close();
      }
    });

    it('answers a health check', async () => {
      await storage.ping();
    });

    describe('request log', () => {
      it('round-trips every field, dates to the millisecond, even away from UTC', async () => {
        const sessionID = uniqueTag('full');
        const full = requestRecord(sessionID, new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), {
          clientIP: '2001:db8::1',
          ipSource: 'x-forwarded-for',
          method: 'POST',
          path: '/login/ünïcode/日本',
          query: 'next=%2Fhome&q=a+b',
          statusCode: 401,
          durationMs: 12.375,
          requestBytes: 77,
          responseBytes: 0,
          userAgent: 'Mozilla/5.0 (X11; Linux x86_64) “quoted”',
          referer: 'https://example.test/form?x=1',
          contentType: 'application/json; charset=utf-8',
          body: {
            username: 'Zoë 🙂',
            $where: 'this.a == 1',
            'a.b': { '$gt': '', 'nested.key': [1, 2.5, null, true, 'x'] },
            comment: "' OR 1=1 -- \u0000 \n\t\\",
          },
          flags: { bodyTruncated: true, failed: false },
        });
        const minimal = requestRecord(sessionID, new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 679)));
        const read = await inTimeZone('America/Sao_Paulo', async () => {
          await storage.requests.append([full, minimal]);
          return storage.requests.findBySession(sessionID);
        });
        expect(read).to.have.length(2);
        for (const record of read) expect(record.id).to.be.a('string').and.not.equal('');
        expect(read.map(({ id: _id, ...rest }) => rest)).to.deep.equal([full, minimal]);
        expect(read[1]).to.not.have.any.keys('userAgent', 'referer', 'contentType', 'body', 'flags');
        expect(read[0].timestamp.toISOString()).to.equal('2024-01-02T03:04:05.678Z');
      });

      it('keeps a body that is a plain string, a number or null', async () => {
        const sessionID = uniqueTag('bodies');
        const base = Date.UTC(2024, 1, 1);
        const bodies: unknown[] = ['raw text body', 42, null, []];
        await storage.requests.append(bodies.map((body, i) => requestRecord(sessionID, new Date(base + i), { body })));
        const read = await storage.requests.findBySession(sessionID);
        expect(read.map((r) => r.body)).to.deep.equal(bodies);
      });

      it('returns a session\'s requests sorted by time, and only that session\'s', async () => {
        const sessionID = uniqueTag('order');
        const other = uniqueTag('other');
        const at = (ms: number) => new Date(Date.UTC(2024, 2, 3, 12, 0, 0) + ms);
        await storage.requests.append([
          requestRecord(sessionID, at(300), { path: '/c' }),
          requestRecord(other, at(150), { path: '/other' }),
          requestRecord(sessionID, at(100), { path: '/a' }),
          requestRecord(sessionID, at(200), { path: '/b1' }),
        ]);
        await storage.requests.append([requestRecord(sessionID, at(200), { path: '/b2' })]);
        const read = await storage.requests.findBySession(sessionID);
        expect(read.map((r) => r.path)).to.deep.equal(['/a', '/b1', '/b2', '/c']);
        expect(await storage.requests.findBySession(uniqueTag('unknown'))).to.deep.equal([]);
      });

      it('writes 10,000 records in one append', async () => {
        const sessionID = uniqueTag('bulk');
        const start = Date.UTC(2024, 3, 4);
        const before = await storage.requests.count();
        const records = Array.from({ length: 10_000 }, (_, i) =>
          requestRecord(sessionID, new Date(start + i), { path: `/p/${i}`, body: { i, text: 'x'.repeat(i % 50) } }));
        await storage.requests.append(records);
        expect(await storage.requests.count()).to.equal(before + 10_000);
        const read = await storage.requests.findBySession(sessionID);
        expect(read).to.have.length(10_000);
        expect(read[0].path).to.equal('/p/0');
        expect(read[9_999].path).to.equal('/p/9999');
        expect(read[4_321].body).to.deep.equal({ i: 4321, text: 'x'.repeat(4321 % 50) });
      });

      it('accepts an empty batch', async () => {
        const before = await storage.requests.count();
        await storage.requests.append([]);
        expect(await storage.requests.count()).to.equal(before);
      });

      it('lists distinct session IDs, newest first, up to the limit', async () => {
        const [older, middle, newest] = [uniqueTag('s1'), uniqueTag('s2'), uniqueTag('s3')];
        const future = Date.UTC(2090, 0, 1);
        await storage.requests.append([
          requestRecord(middle, new Date(future + 2_000)),
          requestRecord(older, new Date(future + 1_000)),
          requestRecord(older, new Date(future + 1_500)),
          requestRecord(newest, new Date(future + 3_000)),
          requestRecord(middle, new Date(future + 2_500)),
        ]);
        expect(await storage.requests.listSessionIds(3)).to.deep.equal([newest, middle, older]);
        expect(await storage.requests.listSessionIds(2)).to.deep.equal([newest, middle]);
      });

      it('rejects a session ID that is not a string, writing nothing', async () => {
        const before = await storage.requests.count();
        const injected = { $ne: null } as unknown as string;
        await expectValidationError(storage.requests.findBySession(injected));
        const good = requestRecord(uniqueTag('good'), new Date());
        const bad = requestRecord(42 as unknown as string, new Date());
        const error = await expectValidationError(storage.requests.append([good, bad]));
        expect(error.message).to.match(/record 1/).and.match(/sessionID must be a string/);
        expect(await storage.requests.count()).to.equal(before);
      });

      it('rejects a record whose client IP or timestamp is not of its type, naming it and writing nothing', async () => {
        const before = await storage.requests.count();
        const good = () => requestRecord(uniqueTag('good'), new Date());
        const faults: [Partial<RequestRecord>, RegExp][] = [
          [{ clientIP: ['10.0.0.1'] as unknown as string }, /clientIP must be a string/],
          [{ timestamp: new Date(Number.NaN) }, /timestamp must be a valid Date/],
          [{ timestamp: '2030-01-01' as unknown as Date }, /timestamp must be a valid Date/],
        ];
        for (const [fault, message] of faults) {
          const error = await expectValidationError(storage.requests.append([good(), good(), { ...good(), ...fault }]));
          expect(error.message).to.match(/record 2/).and.match(message);
        }
        expect(await storage.requests.count()).to.equal(before);
      });

      it('purges records older than the cutoff and keeps the rest', async () => {
        const sessionID = uniqueTag('purge');
        const old = Date.UTC(2001, 5, 1);
        await storage.requests.append([
          requestRecord(sessionID, new Date(old)),
          requestRecord(sessionID, new Date(old + 1)),
          requestRecord(sessionID, new Date(Date.UTC(2003, 0, 1))),
        ]);
        const purged = await storage.requests.purgeOlderThan(new Date(old + 1));
        expect(purged).to.equal(1);
        const left = await storage.requests.findBySession(sessionID);
        expect(left.map((r) => r.timestamp.getTime())).to.deep.equal([old + 1, Date.UTC(2003, 0, 1)]);
      });
    });

    describe('sessions', () => {
      it('round-trips a classified session and replaces it on upsert', async () => {
        const row = sessionRow(uniqueTag('ses'), '198.51.100.1');
        await storage.sessions.upsert(row);
        expect(await storage.sessions.get(row.sessionID)).to.deep.equal(row);
        const updated = sessionRow(row.sessionID, row.clientIP, {
          behavior: 'Abnormal',
          features: { numOfReqs: 13 },
          verdicts: [{
            model: 'text-test-double', kind: 'text', abnormal: true, score: 0.97, reason: 'sqli in username',
            triggers: [{ field: 'username', value: "' OR '1'='1", label: 'sqli', score: 0.97 }],
          }],
        });
        await storage.sessions.upsert(updated);
        expect(await storage.sessions.get(row.sessionID)).to.deep.equal(updated);
        expect(await storage.sessions.get(uniqueTag('missing'))).to.equal(null);
      });

      it('lists a client\'s active abnormal sessions and deactivates them', async () => {
        const ip = `10.9.${serial % 250}.${Math.floor(Math.random() * 250)}`;
        const [a, b, normal, inactive] = [uniqueTag('a'), uniqueTag('b'), uniqueTag('n'), uniqueTag('i')];
        await storage.sessions.upsert(sessionRow(a, ip, { behavior: 'Abnormal' }));
        await storage.sessions.upsert(sessionRow(b, ip, { behavior: 'Abnormal', endTimestamp: new Date(Date.UTC(2024, 4, 1, 11)) }));
        await storage.sessions.upsert(sessionRow(normal, ip));
        await storage.sessions.upsert(sessionRow(inactive, ip, { behavior: 'Abnormal', active: false }));
        await storage.sessions.upsert(sessionRow(uniqueTag('elsewhere'), '192.0.2.99', { behavior: 'Abnormal' }));
        const found = await storage.sessions.activeAbnormal(ip);
        expect(found.map((s) => s.sessionID)).to.deep.equal([a, b]);
        await storage.sessions.deactivate([a, b]);
        expect(await storage.sessions.activeAbnormal(ip)).to.deep.equal([]);
        expect((await storage.sessions.get(a))?.active).to.equal(false);
        expect((await storage.sessions.get(normal))?.active).to.equal(true);
        await storage.sessions.deactivate([]);
      });

      it('saves a classification: inserts a new session as given, replaces a stored active one', async () => {
        const row = sessionRow(uniqueTag('save'), '198.51.100.2');
        expect(await storage.sessions.saveClassification(row)).to.equal(true);
        expect(await storage.sessions.get(row.sessionID)).to.deep.equal(row);
        const again = sessionRow(row.sessionID, row.clientIP, {
          behavior: 'Abnormal', features: { numOfReqs: 14 }, classifiedAt: new Date(Date.UTC(2024, 4, 1, 10, 7, 0, 1)),
        });
        expect(await storage.sessions.saveClassification(again)).to.equal(true);
        expect(await storage.sessions.get(row.sessionID)).to.deep.equal(again);
        const inactiveNew = sessionRow(uniqueTag('save-inactive'), '198.51.100.2', { active: false });
        expect(await storage.sessions.saveClassification(inactiveNew)).to.equal(false);
        expect((await storage.sessions.get(inactiveNew.sessionID))?.active).to.equal(false);
      });

      it('keeps an inactive session inactive when it is classified again, replacing everything else', async () => {
        const row = sessionRow(uniqueTag('stay-inactive'), '198.51.100.3', { behavior: 'Abnormal' });
        await storage.sessions.saveClassification(row);
        await storage.sessions.deactivate([row.sessionID]);
        const reclassified = sessionRow(row.sessionID, row.clientIP, {
          behavior: 'Normal', active: true, features: { numOfReqs: 40 }, reqBodiesData: {},
          endTimestamp: new Date(Date.UTC(2024, 4, 1, 11, 0, 0, 5)), classifiedAt: new Date(Date.UTC(2024, 4, 1, 11, 1)),
        });
        expect(await storage.sessions.saveClassification(reclassified)).to.equal(false);
        expect(await storage.sessions.get(row.sessionID)).to.deep.equal({ ...reclassified, active: false });
        expect(await storage.sessions.activeAbnormal(row.clientIP)).to.deep.equal([]);
      });

      it('saves classifications made at the same time, each keeping its own session\'s state', async () => {
        const ids = Array.from({ length: 8 }, () => uniqueTag('together'));
        await Promise.all(ids.map((id) => storage.sessions.saveClassification(sessionRow(id, '198.51.100.4'))));
        const deactivated = ids.filter((_, i) => i % 3 === 0);
        await storage.sessions.deactivate(deactivated);
        const again = ids.map((id, i) => sessionRow(id, '198.51.100.4', { features: { numOfReqs: i }, behavior: 'Abnormal' }));
        const stored = await Promise.all(again.map((row) => storage.sessions.saveClassification(row)));
        expect(stored).to.deep.equal(ids.map((id) => !deactivated.includes(id)));
        for (const [i, row] of again.entries()) {
          expect(await storage.sessions.get(row.sessionID)).to.deep.equal({ ...row, active: stored[i] });
        }
      });

      it('rejects a session ID that is not a string', async () => {
        await expectValidationError(storage.sessions.saveClassification(sessionRow({ $ne: null } as unknown as string, '192.0.2.1')));
        await expectValidationError(storage.sessions.get({ $gt: '' } as unknown as string));
        await expectValidationError(storage.sessions.deactivate(['ok', ['x'] as unknown as string]));
        await expectValidationError(storage.sessions.upsert(sessionRow(7 as unknown as string, '192.0.2.1')));
      });

      it('purges sessions that ended before the cutoff', async () => {
        const old = sessionRow(uniqueTag('old'), '192.0.2.50', { endTimestamp: new Date(Date.UTC(2001, 0, 1)) });
        const recent = sessionRow(uniqueTag('recent'), '192.0.2.50');
        await storage.sessions.upsert(old);
        await storage.sessions.upsert(recent);
        expect(await storage.sessions.purgeOlderThan(new Date(Date.UTC(2002, 0, 1)))).to.equal(1);
        expect(await storage.sessions.get(old.sessionID)).to.equal(null);
        expect(await storage.sessions.get(recent.sessionID)).to.deep.equal(recent);
      });
    });

    describe('blocklist', () => {
      const now = new Date(Date.UTC(2030, 6, 1, 12, 0, 0, 500));
      const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

      it('blocks, replaces the entry on a second block, and unblocks', async () => {
        const ip = '198.51.100.23';
        await storage.blocklist.block({ clientIP: ip, blockedAt: now, blockedUntil: later(60), reason: '3 abnormal sessions' });
        expect(await storage.blocklist.get(ip)).to.deep.equal({
          clientIP: ip, blockedAt: now, blockedUntil: later(60), reason: '3 abnormal sessions', refusedCount: 0,
        });
        await storage.blocklist.block({ clientIP: ip, blockedAt: later(10), blockedUntil: later(600), reason: 'again', refusedCount: 4 });
        expect(await storage.blocklist.get(ip)).to.deep.equal({
          clientIP: ip, blockedAt: later(10), blockedUntil: later(600), reason: 'again', refusedCount: 4,
        });
        expect(await storage.blocklist.unblock(ip)).to.equal(true);
        expect(await storage.blocklist.get(ip)).to.equal(null);
        expect(await storage.blocklist.unblock(ip)).to.equal(false);
      });

      it('lists only entries still blocked at the given time', async () => {
        const expired = '2001:db8::dead';
        const active = '2001:db8::beef';
        await storage.blocklist.block({ clientIP: expired, blockedAt: later(-120), blockedUntil: later(-1), reason: 'old' });
        await storage.blocklist.block({ clientIP: active, blockedAt: later(-5), blockedUntil: later(30), reason: 'new' });
        const listed = (await storage.blocklist.listActive(now)).map((e) => e.clientIP);
        expect(listed).to.include(active).and.not.include(expired);
        const afterExpiry = (await storage.blocklist.listActive(later(31))).map((e) => e.clientIP);
        expect(afterExpiry).to.not.include(active);
        await storage.blocklist.unblock(expired);
        await storage.blocklist.unblock(active);
      });

      it('lists, given blockedSince, the entries still blocked that were blocked since then', async () => {
        const older = '2001:db8::a1';
        const recent = '2001:db8::a2';
        await storage.blocklist.block({ clientIP: older, blockedAt: later(-120), blockedUntil: later(60), reason: 'older' });
        await storage.blocklist.block({ clientIP: recent, blockedAt: later(-5), blockedUntil: later(60), reason: 'recent' });
        const listed = (await storage.blocklist.listActive(now, later(-10))).map((e) => e.clientIP);
        expect(listed).to.include(recent).and.not.include(older);
        expect((await storage.blocklist.listActive(now)).map((e) => e.clientIP)).to.include.members([older, recent]);
        await storage.blocklist.unblock(older);
        await storage.blocklist.unblock(recent);
      });

      it('adds refused requests to an entry', async () => {
        const ip = '192.0.2.77';
        await storage.blocklist.block({ clientIP: ip, blockedAt: now, blockedUntil: later(60), reason: 'r', refusedCount: 2 });
        await storage.blocklist.addRefused(ip, 5);
        await Promise.all([storage.blocklist.addRefused(ip, 1), storage.blocklist.addRefused(ip, 1)]);
        expect((await storage.blocklist.get(ip))?.refusedCount).to.equal(9);
        await storage.blocklist.addRefused('192.0.2.78', 3);
        expect(await storage.blocklist.get('192.0.2.78')).to.equal(null);
        await storage.blocklist.unblock(ip);
      });
    });
  });
}
