import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { evalSession, trainSession } from '../../src/session/cli.js';
import { simulateSessions } from '../../src/session/simulator/simulate.js';
import { COMPAT5_FEATURE_NAMES } from '../../src/session/train.js';

function io() {
  const stdout = new PassThrough(), stderr = new PassThrough();
  let out = '', err = '';
  stdout.on('data', (d) => { out += d; });
  stderr.on('data', (d) => { err += d; });
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

/** The older tool's session export: the five features plus an id, reqBodiesData text and `behavior`. */
async function writeOlderCsv(file: string, seed: string, clients: number): Promise<void> {
  const rows = simulateSessions({ seed, clients });
  const header = ['sesID', ...COMPAT5_FEATURE_NAMES, 'reqBodiesData', 'behavior'];
  const lines = rows.map((r, i) => [`s${i}`, ...COMPAT5_FEATURE_NAMES.map((f) => r.features[f]), '"{""q"":""x""}"', r.label ? 'Abnormal' : 'Normal'].join(','));
  await writeFile(file, `${header.join(',')}\n${lines.join('\n')}\n`);
}

describe('warden train/eval session', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'warden-session-cli-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  it('trains compat5 from the older tool\'s CSV and writes both formats, metadata and a model card', async () => {
    await writeOlderCsv(join(dir, 'train.csv'), 'cli-train', 600);
    const t = io();
    const code = await trainSession(['--variant', 'compat5', '--data', join(dir, 'train.csv'), '--out', dir, '--trees', '30', '--depth', '4', '--max-fpr', '0.05'], t.io);
    expect(code).to.equal(0);
    expect(t.out()).to.match(/session-compat5: held-out precision \d\.\d+ recall \d\.\d+ F1 \d\.\d+/);
    expect(t.err()).to.include('tree 30/30');
    for (const f of ['session-compat5.onnx', 'session-compat5.json', 'session-compat5.card.md', 'session-compat5.training.svg', 'session-compat5.heldout.svg', 'session-compat5/model.json', 'session-compat5/weights.bin']) {
      expect(existsSync(join(dir, f)), f).to.equal(true);
    }
    const meta = JSON.parse(await readFile(join(dir, 'session-compat5.json'), 'utf8'));
    expect(meta.featureNames).to.deep.equal(COMPAT5_FEATURE_NAMES);
    expect(await readFile(join(dir, 'session-compat5.card.md'), 'utf8')).to.include('normal false-positive rate');
  });

  it('evaluates a model on a CSV: precision, recall, F1, normal false-positive rate, latency, a JSON report and an SVG plot', async () => {
    await writeOlderCsv(join(dir, 'eval.csv'), 'cli-eval', 120);
    for (const model of [join(dir, 'session-compat5.onnx'), join(dir, 'session-compat5')]) {
      const e = io();
      const report = join(dir, 'report.json'), plot = join(dir, 'plot.svg');
      const code = await evalSession(['--model', model, '--variant', 'compat5', '--data', join(dir, 'eval.csv'), '--report', report, '--plot', plot], e.io);
      expect(code).to.equal(0);
      for (const word of ['precision', 'recall (abnormal)', 'F1', 'normal false-positive rate', 'latency batch 1', 'throughput batch 256']) expect(e.out()).to.include(word);
      const json = JSON.parse(await readFile(report, 'utf8'));
      const { tp, fp, fn, tn } = json.metrics.confusion;
      expect(tp + fp + fn + tn).to.equal(json.metrics.sessions).and.to.be.greaterThan(100);
      expect(json.metrics.recall).to.equal(tp / (tp + fn));
      expect(json.metrics.normalFalsePositiveRate).to.equal(fp / (fp + tn));
      // A model trained on 600 simulated clients still finds most attacks and flags few visitors.
      expect(json.metrics.recall).to.be.greaterThan(0.7);
      expect(json.metrics.normalFalsePositiveRate).to.be.below(0.1);
      expect(await readFile(plot, 'utf8')).to.match(/^<svg[\s\S]*Confusion matrix[\s\S]*<\/svg>\s*$/);
    }
  });

  it('refuses a CSV without a behavior column, saying what to add', async () => {
    await writeFile(join(dir, 'bad.csv'), 'numOfReqs,sesDuration\n3,100\n');
    try {
      await trainSession(['--data', join(dir, 'bad.csv'), '--out', dir], io().io);
      expect.fail('should have thrown');
    } catch (err) {
      expect((err as Error).message).to.include('"behavior" column');
    }
  });
});
