'use strict';
// Runs each side of a comparison in a fresh process per round, the sides' order rotating from
// round to round, and collects what each printed: how bench:stall and bench:record compare.
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { fail } = require('./results.cjs');

/** Exits with a message unless `root` is a built checkout of Session Warden (for BASELINE=). */
function checkBuiltCheckout(root, name = 'BASELINE') {
  if (!existsSync(join(root, 'node_modules', '@session-warden', 'core', 'dist'))) {
    fail(`${name}=${root} is not a built checkout of Session Warden: run npm ci and npx tsc -b there first.`);
  }
}

/**
 * `sides`: name → (round) → arguments for `script` (run with this Node). Each run prints one JSON
 * line last; `onRun(side, round, result)` sees each. Returns name → the rounds' results; throws,
 * saying which side, when a run fails.
 */
function runAlternating(script, sides, rounds, onRun) {
  const names = Object.keys(sides);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const side of names.map((_, k) => names[(k + round) % names.length])) {
      let result;
      try {
        const out = execFileSync(process.execPath, [script, ...sides[side](round)], { encoding: 'utf8' });
        result = JSON.parse(out.trim().split('\n').pop());
      } catch (error) {
        throw new Error(`side ${side} failed (${error.message.split('\n')[0]}). With BASELINE, check that checkout is built (npx tsc -b) and has its node_modules.`);
      }
      runs[side].push(result);
      onRun(side, round, result);
    }
  }
  return runs;
}

module.exports = { checkBuiltCheckout, runAlternating };
