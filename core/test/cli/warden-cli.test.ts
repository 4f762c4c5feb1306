import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openStorage } from '../../src/index.js';
import { tempDir } from '../helpers/doubles.js';
import { requestRecord } from '../storage/store-suite.js';

const bin = join(__dirname, '../../../bin/warden.js');
const run = async (args: string[], cwd = process.cwd()) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd, timeout: 15_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('warden CLI', () => {
  const dir = tempDir('warden-cli-');
  const db = join(dir, 'cli.db');

  before(async () => {
    const storage = await openStorage(db);
    await storage.requests.append([
      requestRecord('cli-session', new Date(Date.UTC(2026, 0, 1)), { method: 'POST', path: '/login', body: { user: 'ann' } }),
      requestRecord('cli-session', new Date(Date.UTC(2026, 0, 1, 0, 0, 2)), { statusCode: 404 }),
    ]);
    await storage.close();
  });

  it('prints usage with every command', async () => {
    const res = await run(['help']);
    expect(res.code).to.equal(0);
    for (const cmd of ['warden serve', 'warden classify', 'warden train', 'warden eval']) expect(res.stdout).to.include(cmd);
  });

  it('rejects an unknown command with usage and exit code 2', async () => {
    const res = await run(['frobnicate']);
    expect(res.code).to.equal(2);
    expect(res.stderr).to.match(/Unknown command "frobnicate"/);
  });

  it('classifies a recorded session with the installed default features', async () => {
    const res = await run(['classify', 'cli-session', '--storage', db], dir);
    expect(res.code, res.stderr).to.equal(0);
    const line = JSON.parse(res.stdout.trim());
    expect(line).to.deep.include({ sessionID: 'cli-session', numOfReqs: 2, numOfLoginAttempts: 1, sesCodes4xx: 1, sesDuration: 2000 });
    expect(line.reqBodiesData).to.deep.equal({ user: 'ann' });
  });

  it('says which session is unknown and exits 1', async () => {
    const res = await run(['classify', 'nope', '--storage', db], dir);
    expect(res.code).to.equal(1);
    expect(res.stderr).to.include('No requests are recorded for session "nope".');
  });

  it('explains bad arguments without a stack trace', async () => {
    const port = await run(['serve', '--port', 'abc', '--storage', db], dir);
    expect(port.code).to.equal(1);
    expect(port.stderr).to.include('--port got "abc"; expected a port number');
    const open = await run(['serve', '--host', '0.0.0.0', '--port', '0', '--storage', db], dir);
    expect(open.code).to.equal(1);
    expect(open.stderr).to.match(/Refusing to serve the classifier API on 0\.0\.0\.0 without an API key/);
    expect(open.stderr).to.not.match(/\n\s+at /);
    const flag = await run(['classify', '--bogus'], dir);
    expect(flag.code).to.equal(1);
    expect(flag.stderr).to.match(/Unknown option '--bogus'/);
  });

  it('names the database URL, password masked, when it cannot be reached', async () => {
    const res = await run(['classify', 'x', '--storage', 'postgres://warden:s3cret@127.0.0.1:1/db'], dir);
    expect(res.code).to.equal(1);
    expect(res.stderr).to.include('postgres://warden:***@127.0.0.1:1/db');
    expect(res.stderr).to.not.include('s3cret');
  });
});
