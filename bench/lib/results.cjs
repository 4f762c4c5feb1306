'use strict';
// Writes bench/results/<name>.json and <name>.md, each with the machine it ran on.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { machine } = require('./machine.cjs');

const RESULTS_DIR = join(__dirname, '..', 'results');

function writeResults(name, data, markdownBody) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const m = machine();
  const result = { benchmark: name, measuredAt: new Date().toISOString(), machine: m, ...data };
  writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const md = `# bench: ${name}\n\nMeasured ${result.measuredAt} on ${m.nproc} × ${m.cpuModel}, Node ${m.node} (load at start ${m.loadAverageAtStart.join(' ')}).\n\n${markdownBody}\n`;
  writeFileSync(join(RESULTS_DIR, `${name}.md`), md);
  process.stdout.write(md);
  return result;
}

/** A precondition a benchmark cannot meet here: say what to do, exit non-zero, no stack trace. */
function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

module.exports = { writeResults, fail, RESULTS_DIR };
