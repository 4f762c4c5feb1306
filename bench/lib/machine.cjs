'use strict';
// The machine a result was measured on: every results file carries it.
const os = require('node:os');

function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : cpus.length,
    cpuModel: cpus[0] ? cpus[0].model.trim() : 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAverageAtStart: os.loadavg().map((l) => +l.toFixed(2)),
  };
}

module.exports = { machine };
