'use strict';
// How long classification holds the event loop when many large sessions close at once. Each side
// runs in its own process per round (lib/stall-side.cjs): CLIENTS clients' sessions of 180 POSTs
// with 8 KB of distinct text each are recorded to SQLite, then the Warden closes, which closes
// every session at once (as at shutdown, or when a sweep finds many idle) and classifies them
// with the shipped models. Sides, alternating over ROUNDS: the same records with no sessions
// (nothing to classify: what recording alone costs the loop meanwhile), this checkout, and with
// BASELINE=/path/to/checkout that checkout. Writes results/stall.json and .md.
//   npm run bench:stall        ROUNDS=5 CLIENTS=60 BASELINE=
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { summary, fmt } = require('./lib/stats.cjs');
const { writeResults, fail } = require('./lib/results.cjs');
const { checkBuiltCheckout, runAlternating } = require('./lib/alternating-sides.cjs');

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const CLIENTS = Number(process.env.CLIENTS ?? 60);
const BASELINE = process.env.BASELINE ? resolve(process.env.BASELINE) : null;
const here = join(__dirname, '..');
if (BASELINE) checkBuiltCheckout(BASELINE);

const SIDES = {
  recordOnly: { label: 'recording only, no sessions (this checkout)', root: here, mode: 'record-only' },
  warden: { label: 'classifying (this checkout)', root: here, mode: 'classify' },
  ...(BASELINE ? { baseline: { label: `classifying (${BASELINE})`, root: BASELINE, mode: 'classify' } } : {}),
};

const dir = mkdtempSync(join(tmpdir(), 'warden-bench-stall-'));
const names = Object.keys(SIDES);
let runs;
try {
  const args = Object.fromEntries(names.map((side) => [side, (round) => [SIDES[side].root, SIDES[side].mode, String(CLIENTS), join(dir, `${side}-${round}.db`)]]));
  runs = runAlternating(join(__dirname, 'lib', 'stall-side.cjs'), args, ROUNDS, (side, round, run) => {
    process.stderr.write(`round ${round + 1}/${ROUNDS} ${side}: largest stall ${run.maxMs.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms, close ${Math.round(run.closeMs)} ms\n`);
  });
} catch (error) {
  rmSync(dir, { recursive: true, force: true });
  fail(error.message);
}
rmSync(dir, { recursive: true, force: true });

const results = Object.fromEntries(names.map((name) => [name, {
  label: SIDES[name].label,
  largestStallMs: summary(runs[name].map((r) => r.maxMs)),
  p99DelayMs: summary(runs[name].map((r) => r.p99Ms)),
  closeMs: summary(runs[name].map((r) => r.closeMs)),
}]));
const row = (r) => `| ${r.label} | ${fmt(r.largestStallMs)} | ${fmt(r.p99DelayMs)} | ${fmt(r.closeMs)} |`;
writeResults('stall', { rounds: ROUNDS, clients: CLIENTS, requestsPerSession: 180, bodyBytes: 8000, sides: results }, [
  `The event loop's delay while ${CLIENTS} sessions of 180 POSTs with 8 KB of distinct text each close at once and are classified in process `
    + `with the shipped ONNX models (monitorEventLoopDelay, 1 ms resolution), each side in a fresh process, ${ROUNDS} rounds alternating the sides; median (min–max), ms.`, '',
  '| side | largest stall | p99 delay | close() took |', '|---|---|---|---|',
  ...names.map((name) => row(results[name])),
].join('\n'));
