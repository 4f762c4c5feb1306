import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { expect } from 'chai';
import { evalText, trainText } from '../../src/text/cli.js';

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => { out += c; });
  stderr.on('data', (c) => { err += c; });
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

describe('warden train text / warden eval text', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'warden-textcli-')); });
  after(() => rm(dir, { recursive: true, force: true }));

  it('trains a small model, shows progress, and writes both formats, a card, a report and plots', async () => {
    const c = capture();
    const code = await trainText(['text', '--size', '3000', '--epochs', '1', '--hidden', '8', '--buckets', '4096', '--out', dir, '--name', 'small'], c.io);
    expect(code).to.equal(0);
    expect(c.err()).to.match(/epoch 1\/1 \[#+\] 100%\s+loss \d\.\d{4}\s+acc \d\.\d{4}/);
    expect(c.out()).to.match(/held-out split/).and.match(/hand-written check set/).and.match(/benign false-positive rate/);
    const files = await readdir(dir);
    expect(files).to.include.members(['small.onnx', 'small', 'small.card.md', 'small.report.json', 'small.curve.svg', 'small.confusion.svg']);
    const report = JSON.parse(await readFile(join(dir, 'small.report.json'), 'utf8'));
    expect(report.seed).to.be.a('number');
    expect(report.generatorVersion).to.be.a('string');
    expect(report.heldOut.macroF1).to.be.greaterThan(0.8);
    expect(await readFile(join(dir, 'small.confusion.svg'), 'utf8')).to.match(/^<svg/);
  });

  it('evaluates a model on the user\'s CSV with either backend, printing metrics and latency', async () => {
    const csv = join(dir, 'mine.csv');
    await writeFile(csv, 'payload,length,attack_type,label\nblue shoes,10,norm,0\n"admin\' or 1=1--",15,sqli,1\n<script>alert(1)</script>,25,xss,1\n../../../etc/passwd,19,path-traversal,1\n; cat /etc/passwd,17,cmdi,1\n');
    for (const model of [join(dir, 'small.onnx'), join(dir, 'small')]) {
      const c = capture();
      expect(await evalText(['text', '--model', model, '--data', csv, '--out', join(dir, 'eval'), '--samples', '50'], c.io)).to.equal(0);
      expect(c.out()).to.match(/macro-F1 \d\.\d{4}/).and.match(/batch 1 p50 [\d.]+ µs/).and.match(/inputs\/s/);
      const report = JSON.parse(await readFile(join(dir, 'eval', 'text-eval.json'), 'utf8'));
      expect(report.count).to.equal(5);
    }
  });

  it('rejects a bad option with a message saying what to use', async () => {
    const c = capture();
    try {
      await trainText(['text', '--model', 'forest'], c.io);
      expect.fail('should have thrown');
    } catch (err) {
      expect((err as Error).message).to.match(/mlp or linear/);
    }
    try {
      await evalText(['text', '--colour', 'red'], c.io);
      expect.fail('should have thrown');
    } catch (err) {
      expect((err as Error).name).to.equal('ValidationError');
      expect((err as Error).message).to.match(/--colour/).and.match(/usage: warden eval text/);
    }
  });
});
