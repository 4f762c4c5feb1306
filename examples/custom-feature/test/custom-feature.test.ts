import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, Warden, type SessionFeatures } from '@session-warden/core';

describe('custom feature and sessionizer example', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-custom-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads from the compiled config module and adds numOfGetReqs to every session', async () => {
    const config = await loadConfig(join(__dirname, '../src/warden.config.js'));
    const verdicts: SessionFeatures[] = [];
    const warden = await Warden.start({ ...config, storage: join(dir, 'custom.db'), onVerdict: (s) => { verdicts.push(s); } });
    const t = Date.now();
    const req = (ms: number, method: string, userAgent: string) => ({
      clientIP: '192.0.2.1', ipSource: 'socket' as const, method, path: '/', query: '', statusCode: 200,
      timestamp: new Date(t + ms), durationMs: 1, requestBytes: 0, responseBytes: 10, userAgent,
    });
    // One IP, two browsers: the custom sessionizer keeps them apart.
    warden.record(req(0, 'GET', 'firefox'));
    warden.record(req(10, 'POST', 'firefox'));
    warden.record(req(20, 'GET', 'firefox'));
    warden.record(req(30, 'GET', 'curl'));
    await warden.close();
    const byCount = verdicts.map((v) => [v.clientIP, v.features.numOfReqs, v.features.numOfGetReqs, v.behavior]).sort();
    expect(byCount).to.deep.equal([['192.0.2.1', 1, 1, 'newSession'], ['192.0.2.1', 3, 2, 'newSession']]);
  });
});
