'use strict';
// One side of bench/stall.cjs, in its own process. argv: checkout root, side (classify|record-only),
// clients, SQLite file. Records CLIENTS sessions of 180 POSTs with 8 KB of distinct text each, then
// closes the Warden, which closes every session at once and (side classify) classifies them all;
// prints the event loop's delay meanwhile as JSON: the largest and the 99th percentile, in ms.
const { join } = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const [root, side, clientsArg, database] = process.argv.slice(2);
const CLIENTS = Number(clientsArg);
const REQUESTS = 180; // maxReqsPerSess's default: the largest session
const FIELDS = 8;
const FIELD_CHARS = 1000;
const WORDS = 'amber basil cedar delta ember fjord garnet harbor indigo jasper kelp lumen meadow nectar opal prairie'.split(' ');

/** Text that never repeats across fields (the classifier would answer repeats from memory). */
let state = 1;
function text(chars) {
  let out = '';
  while (out.length < chars) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out += `${WORDS[state % WORDS.length]}${state % 97} `;
  }
  return out.slice(0, chars);
}

(async () => {
  const { Warden } = require(join(root, 'node_modules', '@session-warden', 'core'));
  const warden = await Warden.start({
    storage: { type: 'sqlite', database }, blockIP: false, handleSignals: false,
    groupToSessions: side === 'classify', maxReqsPerSess: REQUESTS,
  });
  const now = Date.now();
  for (let r = 0; r < REQUESTS; r++) {
    for (let c = 0; c < CLIENTS; c++) {
      const body = Object.fromEntries(Array.from({ length: FIELDS }, (_, k) => [`field${k}`, text(FIELD_CHARS)]));
      warden.record({ clientIP: `10.1.${c >> 8}.${c & 255}`, ipSource: 'socket', method: 'POST', path: '/notes', query: '', statusCode: 200,
        timestamp: new Date(now + r), durationMs: 1, requestBytes: FIELDS * FIELD_CHARS + 200, responseBytes: 100, body });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await warden.settle();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = process.hrtime.bigint();
  await warden.close();
  delay.disable();
  process.stdout.write(`${JSON.stringify({ maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6, closeMs: Number(process.hrtime.bigint() - started) / 1e6 })}\n`);
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
