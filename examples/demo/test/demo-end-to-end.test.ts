import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoPreconditionError } from '../src/preconditions.js';
import { DEFAULT_DEMO, runDemo, type DemoResult } from '../src/run-demo.js';

describe('demo: a scaled-down run end to end over real HTTP', function () {
  this.timeout(60_000);
  const outDir = mkdtempSync(join(tmpdir(), 'warden-demo-test-'));
  let result: DemoResult;

  before(async () => {
    result = await runDemo({ ...DEFAULT_DEMO, normalVisitors: 25, attackersPerKind: 1, windowSec: 6, outDir, progress: false });
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('records every answered request, refused ones included', () => {
    const r = result.summary.requests;
    expect(r.answered).to.be.greaterThan(300);
    expect(r.failed).to.equal(0);
    expect(r.recorded).to.equal(r.answered);
  });

  it('blocks the flood and refuses its later requests', () => {
    const flood = result.summary.personas.find((p) => p.persona === 'dosFlood')!;
    expect(flood.blockedClients).to.equal(1);
    expect(flood.refusedRequests).to.be.greaterThan(0);
    expect(result.summary.requests.refused).to.be.at.least(flood.refusedRequests);
  });

  it('detects every attacker, blocks most of them, and blocks no normal visitor', () => {
    const { attackers, normalVisitors } = result.summary;
    expect(attackers.clients).to.equal(4);
    expect(attackers.flaggedClients).to.equal(4);
    expect(attackers.blockedClients).to.be.at.least(3);
    expect(normalVisitors.clients).to.equal(25);
    expect(normalVisitors.blockedClients).to.equal(0);
    expect(normalVisitors.falsePositiveSessions).to.be.at.most(1);
  });

  it("names the scanner's four payload classes as the text model's reasons", () => {
    const reasons = Object.keys(result.summary.sessions.byReason);
    expect(reasons).to.include.members(['session model (behaviour)', 'text model: sqli', 'text model: xss', 'text model: path_traversal', 'text model: cmd_injection']);
  });

  it('splits every classified session into normal or abnormal, each abnormal one with a reason', () => {
    const s = result.summary.sessions;
    expect(s.total).to.equal(s.normal + s.abnormal);
    expect(s.abnormal).to.be.greaterThan(0);
    expect(Object.values(s.byReason).reduce((a, b) => a + b, 0)).to.be.at.least(s.abnormal);
  });

  it('writes the SQLite file and an HTML report with an SVG chart, and names both in the summary', () => {
    expect(existsSync(result.databaseFile)).to.equal(true);
    const html = readFileSync(result.reportFile, 'utf8');
    expect(html).to.contain('<svg').and.contain('Sessions classified per');
    expect(result.text).to.contain(result.databaseFile).and.contain(result.reportFile);
  });

  it('says the port is in use instead of failing later', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const err = await runDemo({ ...DEFAULT_DEMO, normalVisitors: 1, attackersPerKind: 0, windowSec: 1, port, outDir, progress: false }).catch((e) => e);
      expect(err).to.be.instanceOf(DemoPreconditionError);
      expect((err as Error).message).to.contain(`Port ${port}`).and.contain('--port 0');
    } finally {
      blocker.close();
    }
  });
});
