import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importData } from '../../../src/cli/commands/import/import-data.js';
import { ImportCheckpoint } from '../../../src/cli/commands/import/import-state.js';
import { mongoSource } from '../../../src/cli/commands/import/mongo-source.js';
import { importRedactor } from '../../../src/cli/commands/import/redact-imported.js';
import type { RequestRecord } from '../../../src/ports/records.js';
import type { Storage } from '../../../src/ports/stores.js';
import { openStorage } from '../../../src/storage/index.js';
import { openMongoStorage } from '../../../src/storage/mongo/open-mongo.js';
import { MongoWireDouble } from '../../storage/mongo/mongo-wire-double.js';
import { capturedIo } from './streams.js';

const TOTAL = 25;

/** A target whose request writes fail at the given call: before writing, or after (a crash before the checkpoint). */
function failingOnAppend(target: Storage, failingCall: number, when: 'before-write' | 'after-write'): Storage {
  let calls = 0;
  const requests = Object.create(target.requests) as Storage['requests'];
  requests.append = async (records: readonly RequestRecord[]) => {
    calls++;
    if (calls === failingCall && when === 'before-write') throw new Error('connection lost');
    await target.requests.append(records);
    if (calls === failingCall) throw new Error('process killed after the write');
  };
  return { ...target, requests, ping: () => target.ping(), close: () => target.close() };
}

describe('warden import resuming after an interruption (MongoDB source on the wire test double)', () => {
  let double: MongoWireDouble;
  let dir: string;
  let n = 0;

  before(async () => {
    double = await MongoWireDouble.start();
    dir = mkdtempSync(join(tmpdir(), 'warden-resume-'));
  });
  after(async () => {
    await double?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function runInterrupted(when: 'before-write' | 'after-write'): Promise<{ firstError: unknown; requests: RequestRecord[]; copied: number }> {
    const db = `resume${++n}`;
    for (let i = 0; i < TOTAL; i++) {
      double.collection(db, 'httplogs').push({ _id: double.newObjectId(), method: 'GET', clientIP: '10.0.0.1', url: `/p/${i}`,
        timestamp: new Date(Date.UTC(2022, 0, 1) + i), statusCode: 200, sessionID: 'one', requestSize: 0, headers: {}, requestBody: {} });
    }
    const source = await openMongoStorage(double.url(db), { createIndexes: false });
    const target = await openStorage(join(dir, `${db}.db`));
    const statePath = join(dir, `${db}.json`);
    const settings = { collections: ['httplogs'] as const, batchSize: 4, showMisfits: 5, stderr: capturedIo().stderr, redactor: importRedactor(8192) };
    try {
      let firstError: unknown;
      try {
        await importData(mongoSource(source, 60), failingOnAppend(target, 3, when), ImportCheckpoint.open(statePath, 'from', 'to', false), settings);
      } catch (err) {
        firstError = err;
      }
      const checkpoint = ImportCheckpoint.open(statePath, 'from', 'to', false);
      const report = await importData(mongoSource(source, 60), target, checkpoint, settings);
      return { firstError, requests: await target.requests.findBySession('one'), copied: report.collections.httplogs!.copied };
    } finally {
      await target.close();
      await source.close();
    }
  }

  it('continues after the last written batch when the target failed mid-way', async () => {
    const { firstError, requests, copied } = await runInterrupted('before-write');
    expect((firstError as Error).message).to.equal('connection lost');
    expect(copied).to.equal(TOTAL);
    expect(requests.map((r) => r.path)).to.deep.equal(Array.from({ length: TOTAL }, (_, i) => `/p/${i}`));
  });

  it('copies no record twice when it stopped after writing a batch but before saving the checkpoint', async () => {
    const { firstError, requests, copied } = await runInterrupted('after-write');
    expect((firstError as Error).message).to.equal('process killed after the write');
    expect(copied).to.equal(TOTAL);
    expect(requests.map((r) => r.path)).to.deep.equal(Array.from({ length: TOTAL }, (_, i) => `/p/${i}`));
  });
});
