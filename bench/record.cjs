'use strict';
// What Session Warden's own pipeline costs the event loop per request, without HTTP: the records a
// hello-world under load makes (one client, GET /, as autocannon sends) handed to warden.record()
// at RATE a second, each side in its own process per round (lib/record-side.cjs). Sides,
// alternating over ROUNDS: recording alone (no sessions), this checkout (sessions of 180 requests,
// the shipped models, verdicts stored), and with BASELINE=/path/to/checkout that checkout. The
// HTTP benchmark (bench:overhead) measures the same pipeline inside a server, where the framework
// and the kernel's share moves by ±20 % between rounds on a shared 2-core machine; here the same
// feeding loop runs on every side, so the differences between sides are the pipeline's.
// Writes results/record.json and .md.
//   npm run bench:record        ROUNDS=5 RATE=13000 WARMUP=3 DURATION=8 BASELINE=
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { summary, fmt } = require('./lib/stats.cjs');
const { writeResults, fail } = require('./lib/results.cjs');
const { checkBuiltCheckout, runAlternating } = require('./lib/alternating-sides.cjs');

const ROUNDS = Number(process.env.ROUNDS ?? 5);
// A busy server's rate, and one every 2-core machine here writes to SQLite: bare Koa's hello-world
// answered 14 000 to 61 000 requests a second on them, depending on the day.
const RATE = Number(process.env.RATE ?? 13000);
const WARMUP = Number(process.env.WARMUP ?? 3);
const DURATION = Number(process.env.DURATION ?? 8);
const BASELINE = process.env.BASELINE ? resolve(process.env.BASELINE) : null;
const here = join(__dirname, '..');
if (BASELINE) checkBuiltCheckout(BASELINE);

const SIDES = {
  recordOnly: { label: 'recording only, no sessions (this checkout)', root: here, mode: 'record-only' },
  warden: { label: 'sessions and classification (this checkout)', root: here, mode: 'warden' },
  ...(BASELINE ? { baseline: { label: `sessions and classification (${BASELINE})`, root: BASELINE, mode: 'warden' } } : {}),
};

const dir = mkdtempSync(join(tmpdir(), 'warden-bench-record-'));
const names = Object.keys(SIDES);
let runs;
try {
  const args = Object.fromEntries(names.map((side) => [side, (round) => [SIDES[side].root, SIDES[side].mode, join(dir, `${side}-${round}.db`), String(RATE), String(WARMUP), String(DURATION)]]));
  runs = runAlternating(join(__dirname, 'lib', 'record-side.cjs'), args, ROUNDS, (side, round, run) => {
    process.stderr.write(`round ${round + 1}/${ROUNDS} ${side}: ${run.loopUsPerRecord.toFixed(2)} µs of event loop per record, `
      + `${run.cpuUsPerRecord.toFixed(2)} µs CPU, ${run.classified} sessions classified, ${run.dropped} dropped\n`);
  });
} catch (error) {
  rmSync(dir, { recursive: true, force: true });
  fail(error.message);
}
rmSync(dir, { recursive: true, force: true });

const lost = names.flatMap((name) => runs[name].filter((r) => r.dropped > 0).map(() => name));
if (lost.length) fail(`records were dropped on side(s) ${[...new Set(lost)].join(', ')}: RATE=${RATE} is more than this machine writes; lower it.`);
const results = Object.fromEntries(names.map((name) => [name, {
  label: SIDES[name].label,
  loopUsPerRecord: summary(runs[name].map((r) => r.loopUsPerRecord)),
  cpuUsPerRecord: summary(runs[name].map((r) => r.cpuUsPerRecord)),
  // Per round, what the side adds to recording alone in the same round.
  addedLoopUsPerRecord: name === 'recordOnly' ? null : summary(runs[name].map((r, i) => r.loopUsPerRecord - runs.recordOnly[i].loopUsPerRecord)),
  classifiedPerRound: summary(runs[name].map((r) => r.classified)),
}]));
const row = (r) => `| ${r.label} | ${fmt(r.loopUsPerRecord)} | ${r.addedLoopUsPerRecord ? fmt(r.addedLoopUsPerRecord) : '–'} | ${fmt(r.cpuUsPerRecord)} | ${r.classifiedPerRound.median} |`;
writeResults('record', { rounds: ROUNDS, rate: RATE, warmupSec: WARMUP, durationSec: DURATION, sides: results }, [
  `Event-loop busy time per record while ${RATE} hello-world records a second (one client, GET /) go straight into warden.record(), no HTTP; `
    + `sessions of 180 requests, the shipped models, SQLite; each side in a fresh process, ${ROUNDS} rounds alternating the sides, ${DURATION} s measured after ${WARMUP} s; median (min–max), µs.`, '',
  '| side | event loop per record | added to recording alone | process CPU per record | sessions classified (whole run) |', '|---|---|---|---|---|',
  ...names.map((name) => row(results[name])),
].join('\n'));
