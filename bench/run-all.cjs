'use strict';
// `npm run bench`: every benchmark in turn, each in its own process (overhead through its owner's
// `npm run bench:overhead`), then the README sections from the results. A benchmark that fails is
// reported and the others still run; the exit code says whether all passed.
//   BENCH_ONLY=ingest,models npm run bench
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const ALL = [
  ['overhead', 'npm', ['run', '--silent', 'bench:overhead']],
  ['ingest', process.execPath, [join(__dirname, 'ingest.cjs')]],
  ['models', process.execPath, [join(__dirname, 'models.cjs')]],
  ['classify', process.execPath, [join(__dirname, 'classify.cjs')]],
  ['stall', process.execPath, [join(__dirname, 'stall.cjs')]],
  ['record', process.execPath, [join(__dirname, 'record.cjs')]],
  ['detectors', process.execPath, [join(__dirname, 'detectors.cjs')]],
];
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
const failed = [];
for (const [name, cmd, args] of ALL) {
  if (only && !only.includes(name)) continue;
  process.stderr.write(`\n=== bench ${name} ===\n`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (run.status !== 0) failed.push(name);
  process.stderr.write(`=== bench ${name}: ${run.status === 0 ? 'done' : `FAILED (exit ${run.status ?? run.signal})`} in ${seconds} s ===\n`);
}
spawnSync(process.execPath, [join(__dirname, 'readme.cjs')], { cwd: root, stdio: 'inherit' });
if (failed.length) {
  process.stderr.write(`\nFailed: ${failed.join(', ')} (their earlier results, if any, stay in bench/results).\n`);
  process.exitCode = 1;
}
