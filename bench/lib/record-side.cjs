'use strict';
// One side of bench/record.cjs, in its own process. argv: checkout root, side (record-only|warden),
// SQLite file, records per second, warm-up seconds, measured seconds. Hands a Warden the records a
// hello-world under load makes (one client, GET /) at a steady rate straight through
// warden.record(), no HTTP; prints as JSON the event loop's busy time and the process's CPU time
// per record while measuring, and what was classified.
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const [root, side, database, rateArg, warmupArg, durationArg] = process.argv.slice(2);
const RATE = Number(rateArg);
const TICK_MS = 1;

(async () => {
  const { Warden } = require(join(root, 'node_modules', '@session-warden', 'core'));
  // As bench:overhead's warden side: blocking on, the one client allow-listed, shipped models.
  const warden = await Warden.start({
    storage: { type: 'sqlite', database }, blockIP: true, allowIPs: ['127.0.0.1'], handleSignals: false,
    groupToSessions: side === 'warden', useModels: true,
  });
  let sent = 0;
  const started = performance.now();
  /** Each tick sends the records due by now, so the rate holds however late timers fire. */
  const tick = () => {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE);
    for (; sent < due; sent++) {
      warden.record({ clientIP: '127.0.0.1', ipSource: 'socket', method: 'GET', path: '/', query: '', statusCode: 200,
        timestamp: new Date(), durationMs: 0.2 + (sent % 13) / 100, requestBytes: 78, responseBytes: 166, userAgent: 'autocannon' });
    }
  };
  const timer = setInterval(tick, TICK_MS);
  const wait = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  await wait(Number(warmupArg));
  const [loop0, cpu0, sent0] = [performance.eventLoopUtilization(), process.cpuUsage(), sent];
  await wait(Number(durationArg));
  const [loop, cpu, records] = [performance.eventLoopUtilization(loop0), process.cpuUsage(cpu0), sent - sent0];
  clearInterval(timer);
  await warden.settle();
  const { recorder, classifications } = warden.stats();
  await warden.close();
  process.stdout.write(`${JSON.stringify({
    records, loopUsPerRecord: (loop.active * 1000) / records, cpuUsPerRecord: (cpu.user + cpu.system) / records,
    written: recorder.written, dropped: recorder.dropped, classified: classifications.done,
  })}\n`);
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
