import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../../src/cli/commands/import.js';
import { ValidationError } from '../../../src/errors.js';
import { openStorage } from '../../../src/storage/index.js';
import { openMongoStorage } from '../../../src/storage/mongo/open-mongo.js';
import { MongoWireDouble } from '../../storage/mongo/mongo-wire-double.js';
import { LEGACY_T0, seedLegacyDatabase } from './legacy-seed.js';
import { capturedIo } from './streams.js';

describe('warden import (MongoDB side served by the in-process wire test double)', () => {
  let double: MongoWireDouble;
  let dir: string;
  before(async () => {
    double = await MongoWireDouble.start();
    dir = mkdtempSync(join(tmpdir(), 'warden-import-'));
  });
  after(async () => {
    await double?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the older tools\' MongoDB data to SQLite, listing every record that does not fit, with progress on stderr', async () => {
    const { sessionID } = seedLegacyDatabase(double, 'legacy1');
    const file = join(dir, 'from-mongo.db');
    const io = capturedIo();
    const code = await runImport(['--from', double.url('legacy1'), '--to', file, '--batch', '2', '--state', join(dir, 'a.json')], io);

    expect(code).to.equal(3);
    expect(io.out()).to.include('httplogs     copied 4, did not fit 2, not blocked (skipped) 0');
    expect(io.out()).to.include('sesfeatures  copied 1, did not fit 1');
    expect(io.out()).to.include('clientips    copied 1, did not fit 0, not blocked (skipped) 1');
    expect(io.out()).to.match(/httplogs [0-9a-f]{24}: timestamp is string "not a date", expected a Date/);
    expect(io.out()).to.match(/httplogs [0-9a-f]{24}: clientIP is object \{"\$ne":null\}/);
    expect(io.out()).to.match(/sesfeatures [0-9a-f]{24}: active is string "yes"/);
    expect(io.err()).to.match(/httplogs\s+\[#+\.*\] \d+\/6/);
    expect(readFileSync(join(dir, 'a.misfits.jsonl'), 'utf8').trim().split('\n')).to.have.length(3);

    const sql = await openStorage(file);
    try {
      expect(await sql.requests.count()).to.equal(4);
      const requests = await sql.requests.findBySession(sessionID);
      expect(requests.map((r) => [r.method, r.path, r.query, r.statusCode])).to.deep.equal([
        ['POST', '/login', 'next=/home', 401], ['POST', '/login', 'next=/home', 401], ['GET', '/', '', 200]]);
      expect(requests[0]!.timestamp).to.deep.equal(LEGACY_T0);
      expect(JSON.stringify(requests)).not.to.match(/hunter2|connect\.sid|YWRtaW46YWRtaW4=/);
      expect((requests[0]!.body as Record<string, unknown>).username).to.equal('ana');
      expect(await sql.requests.findBySession('newRequest')).to.have.length(1);
      const session = await sql.sessions.get(sessionID);
      expect(session?.features).to.deep.equal({ numOfLoginAttempts: 2, numOfPostReqs: 2, numOfReqs: 3, sesCodes4xx: 2, sesDuration: 3000 });
      expect(session?.reqBodiesData.username).to.equal('ana');
      expect(session?.reqBodiesData.password).not.to.equal('hunter2');
      expect((await sql.blocklist.get('198.51.100.7'))?.blockedUntil).to.deep.equal(new Date(LEGACY_T0.getTime() + 64_000));
      expect(await sql.blocklist.get('192.0.2.1')).to.equal(null);
    } finally {
      await sql.close();
    }
  });

  it('does nothing more when a finished import is run again', async () => {
    seedLegacyDatabase(double, 'legacy2');
    const file = join(dir, 'twice.db');
    const args = ['--from', double.url('legacy2'), '--to', file, '--state', join(dir, 'twice.json')];
    await runImport(args, capturedIo());
    const io = capturedIo();
    expect(await runImport(args, io)).to.equal(3);
    expect(io.err()).to.include('Resuming the import');
    const sql = await openStorage(file);
    try {
      expect(await sql.requests.count()).to.equal(4);
    } finally {
      await sql.close();
    }
  });

  it('copies SQL data to MongoDB in the older documents\' shape', async () => {
    const file = join(dir, 'source.db');
    const sql = await openStorage(file);
    const t = new Date('2026-02-01T00:00:00Z');
    try {
      await sql.requests.append([0, 1, 2].map((i) => ({
        clientIP: '203.0.113.5', ipSource: 'socket' as const, sessionID: 'sql-session', method: 'POST', path: '/search', query: `q=${i}`,
        statusCode: 200, timestamp: new Date(t.getTime() + i), durationMs: 2, requestBytes: 10, responseBytes: 99,
        userAgent: 'UA', body: { 'term.text': 'shoes', i },
      })));
      await sql.sessions.upsert({ sessionID: 'sql-session', clientIP: '203.0.113.5', startTimestamp: t, endTimestamp: new Date(t.getTime() + 2),
        features: { numOfReqs: 3, sesDuration: 2 }, reqBodiesData: { 'term.text': 'shoes' }, behavior: 'Normal', active: true, verdicts: [], classifiedAt: t });
      await sql.blocklist.block({ clientIP: '203.0.113.66', blockedAt: t, blockedUntil: new Date(t.getTime() + 60_000), reason: 'test' });
    } finally {
      await sql.close();
    }

    const io = capturedIo();
    expect(await runImport(['--from', file, '--to', double.url('fromsql'), '--state', join(dir, 'back.json')], io)).to.equal(0);
    expect(io.out()).to.include('httplogs     copied 3, did not fit 0');

    const logs = double.collection('fromsql', 'httplogs');
    expect(logs).to.have.length(3);
    expect(logs[0]).to.include({ url: '/search?q=0', reqhttp: 'POST /search?q=0', clientIP: '203.0.113.5', sessionID: 'sql-session', statusCode: 200 });
    expect(double.collection('fromsql', 'sesfeatures')[0]).to.include({ sessionID: 'sql-session', numOfReqs: 3, behavior: 'Normal', active: true });
    expect(double.collection('fromsql', 'clientips')[0]).to.include({ clientIP: '203.0.113.66', blacklisted: true });
    const mongo = await openMongoStorage(double.url('fromsql'));
    try {
      expect((await mongo.requests.findBySession('sql-session')).map((r) => r.query)).to.deep.equal(['q=0', 'q=1', 'q=2']);
    } finally {
      await mongo.close();
    }
  });

  it('explains what is missing or wrong in its arguments', async () => {
    const io = capturedIo();
    expect(await runImport(['--from', double.url('x')], io)).to.equal(2);
    expect(io.err()).to.include('needs --from and --to');
    for (const [args, message] of [
      [['--from', 'a.db', '--to', 'a.db'], /same database/],
      [['--from', join(dir, 'missing.db'), '--to', 'b.db'], /no such SQLite file/],
      [['--from', 'x.db', '--to', 'y.db', '--only', 'users'], /--only takes httplogs, sesfeatures, clientips/],
      [['--from', 'x.db', '--to', 'y.db', '--batch', 'many'], /--batch must be a whole number/],
    ] as const) {
      try {
        await runImport([...args], capturedIo());
        expect.fail(`expected a ValidationError for ${args.join(' ')}`);
      } catch (err) {
        expect(err).to.be.instanceOf(ValidationError);
        expect((err as Error).message).to.match(message);
      }
    }
  });
});
