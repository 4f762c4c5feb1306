import { expect } from 'chai';
import { join } from 'node:path';
import { openStorage, Warden } from '../../src/index.js';
import { countingFeaturesDouble, tempDir } from '../helpers/doubles.js';
import { requestRecord } from '../storage/store-suite.js';

describe('retentionDays', () => {
  it('purges requests and sessions older than the retention at start-up (and hourly after)', async () => {
    const db = join(tempDir('warden-retention-'), 'r.db');
    const seed = await openStorage(db);
    const old = new Date(Date.now() - 10 * 86_400_000);
    const recent = new Date(Date.now() - 3_600_000);
    await seed.requests.append([requestRecord('old', old), requestRecord('recent', recent)]);
    await seed.close();

    const warden = await Warden.start({ storage: db, retentionDays: 7, groupToSessions: false, useModels: false, plugins: [countingFeaturesDouble] });
    try {
      const deadline = Date.now() + 5000;
      while ((await warden.storage.requests.count()) > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await warden.storage.requests.findBySession('old')).to.have.length(0);
      expect(await warden.storage.requests.findBySession('recent')).to.have.length(1);
    } finally {
      await warden.close();
    }
  });
});
