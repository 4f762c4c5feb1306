// Overhead of Session Warden on an Express and a Koa hello-world: bare vs with warden(...)
// (recording to SQLite, sessions and the blocklist check on). Both servers run side by side in
// child processes; rounds alternate which side goes first. Writes bench/results/overhead.json.
//
//   npm run bench:overhead            (from the repository root, after `npm run build`)
//   ROUNDS=5 DURATION=5 CONNECTIONS=50 WARMUP=5 npm run bench:overhead
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const DURATION = Number(process.env.DURATION ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const FRAMEWORKS = (process.env.FRAMEWORKS ?? 'express,koa').split(',');
const WARMUP = Number(process.env.WARMUP ?? 5);

/** Another checkout (built) whose warden(...) runs as one more side, "baseline": before/after in one run. */
const BASELINE = process.env.BASELINE;

function startServer(framework, side, database, root = join(here, '..')) {
  const child = fork(join(root, 'bench', 'overhead-server.cjs'), [framework, side, database], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', ({ port }) => resolve({ child, url: `http://127.0.0.1:${port}/` }));
    child.once('exit', (code) => reject(new Error(`${framework}/${side} server exited with ${code}`)));
  });
}

const ask = (child, message, key) => new Promise((resolve) => {
  const onMessage = (m) => { if (key in m) { child.off('message', onMessage); resolve(m[key]); } };
  child.on('message', onMessage);
  child.send(message);
});

/**
 * One autocannon run against a side. Also reads the server's own CPU time around the run: CPU µs
 * per request is much less sensitive than requests/s to other jobs competing for the machine.
 */
async function load(side, options = {}) {
  const before = await ask(side.child, 'cpu', 'cpu');
  const result = await autocannon({ url: side.url, connections: CONNECTIONS, duration: DURATION, ...options });
  const after = await ask(side.child, 'cpu', 'cpu');
  if (result.errors || result.non2xx) throw new Error(`${side.url}: ${result.errors} errors, ${result.non2xx} non-2xx responses`);
  const cpuUs = (after.user + after.system) - (before.user + before.system);
  const perRequest = (us) => Math.round((10 * us) / Math.max(1, result.requests.total)) / 10;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total,
    cpuUsPerRequest: perRequest(cpuUs), loopUsPerRequest: perRequest(after.loopActiveUs - before.loopActiveUs) };
}

/**
 * Latency of one request at a time on a keep-alive connection, timed with hrtime (autocannon's
 * histogram has 1 ms resolution, too coarse for a sub-millisecond budget). Returns µs percentiles.
 */
async function probeLatency(url, count) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await new Promise((resolve, reject) => {
      http.get(url, { agent }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject);
    });
    times.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const round3 = (x) => Math.round(x * 1000) / 1000;

async function benchFramework(framework, dir) {
  const bare = await startServer(framework, 'bare', '');
  const capture = await startServer(framework, 'capture', '');
  const floor = await startServer(framework, 'floor', join(dir, `${framework}-floor.db`));
  const warden = await startServer(framework, 'warden', join(dir, `${framework}.db`));
  const sides = { bare, capture, floor, warden };
  if (BASELINE) sides.baseline = await startServer(framework, 'warden', join(dir, `${framework}-baseline.db`), BASELINE);
  try {
    // Warm-up (JIT tiers, SQLite file and page cache, model sessions, heap sizing): a Warden's first
    // seconds run measurably slower than its steady state, and a server's life is its steady state.
    for (const side of Object.values(sides)) await load(side, { duration: WARMUP });
    const rounds = [];
    const names = Object.keys(sides);
    for (let i = 0; i < ROUNDS; i++) {
      // Each round starts with a different side and odd rounds run backwards, so no side always follows another.
      const rotated = names.map((_, k) => names[(k + i) % names.length]);
      const order = i % 2 === 0 ? rotated : rotated.reverse();
      const run = {};
      for (const side of order) run[side] = await load(sides[side]);
      rounds.push({ order, bare: run.bare, capture: run.capture, floor: run.floor, warden: run.warden,
        ratio: run.warden.rps / run.bare.rps, captureRatio: run.capture.rps / run.bare.rps, floorRatio: run.floor.rps / run.bare.rps,
        ...(run.baseline ? { baseline: run.baseline, baselineRatio: run.baseline.rps / run.bare.rps } : {}) });
      console.log(`${framework} round ${i + 1}: bare ${run.bare.rps.toFixed(0)} req/s, capture only ${run.capture.rps.toFixed(0)}, floor ${run.floor.rps.toFixed(0)}, warden ${run.warden.rps.toFixed(0)}, ratio ${(run.warden.rps / run.bare.rps).toFixed(3)}; `
        + `server CPU µs/request bare ${run.bare.cpuUsPerRequest}, warden ${run.warden.cpuUsPerRequest}; event-loop busy µs/request bare ${run.bare.loopUsPerRequest}, warden ${run.warden.loopUsPerRequest}`
        + (run.baseline ? `; baseline warden ${run.baseline.rps.toFixed(0)} req/s (ratio ${(run.baseline.rps / run.bare.rps).toFixed(3)}), ${run.baseline.cpuUsPerRequest} µs/request, loop ${run.baseline.loopUsPerRequest}` : ''));
    }
    // Latency at a fixed, unsaturated rate (half of bare capacity): what a request pays when the
    // server is not queueing. Under saturation (above) latency mostly mirrors throughput.
    const rate = Math.round(median(rounds.map((r) => r.bare.rps)) / 2);
    const fixed = [];
    for (let i = 0; i < ROUNDS; i++) {
      const pair = BASELINE ? ['bare', 'warden', 'baseline'] : ['bare', 'warden'];
      const order = i % 2 === 0 ? pair : [...pair].reverse();
      const run = {};
      for (const side of order) run[side] = await load(sides[side], { connections: 10, overallRate: rate, duration: Math.min(DURATION, 3) });
      fixed.push(run);
    }
    const probes = [];
    for (let i = 0; i < ROUNDS; i++) {
      const pair = BASELINE ? ['bare', 'warden', 'baseline'] : ['bare', 'warden'];
      const order = i % 2 === 0 ? pair : [...pair].reverse();
      const run = {};
      for (const side of order) run[side] = await probeLatency(sides[side].url, 2000);
      probes.push(run);
    }
    const stats = await ask(warden.child, 'stats', 'stats');
    const ratios = rounds.map((r) => r.ratio);
    return {
      rounds,
      requestsPerSecond: {
        bareMedian: Math.round(median(rounds.map((r) => r.bare.rps))),
        wardenMedian: Math.round(median(rounds.map((r) => r.warden.rps))),
        ratioMedian: round3(median(ratios)), ratioMin: round3(Math.min(...ratios)), ratioMax: round3(Math.max(...ratios)),
        // Diagnostic: the adapter's capture alone (IP, timing, byte counts, record built, not stored).
        captureOnlyRatioMedian: round3(median(rounds.map((r) => r.captureRatio))),
      },
      // The floor: one SQLite row of seven fields per request and nothing else (lib/floor-recorder.cjs).
      // What it loses against bare, any recorder of every request into SQLite loses on this machine.
      floor: {
        ratioMedian: round3(median(rounds.map((r) => r.floorRatio))),
        ratioMin: round3(Math.min(...rounds.map((r) => r.floorRatio))), ratioMax: round3(Math.max(...rounds.map((r) => r.floorRatio))),
        cpuUsPerRequestMedian: median(rounds.map((r) => r.floor.cpuUsPerRequest)),
      },
      ...(BASELINE ? { baseline: {
        checkout: BASELINE,
        ratioMedian: round3(median(rounds.map((r) => r.baselineRatio))),
        ratioMin: round3(Math.min(...rounds.map((r) => r.baselineRatio))), ratioMax: round3(Math.max(...rounds.map((r) => r.baselineRatio))),
        cpuUsPerRequestMedian: median(rounds.map((r) => r.baseline.cpuUsPerRequest)),
        loopUsPerRequestMedian: median(rounds.map((r) => r.baseline.loopUsPerRequest)),
        addedLatencyMsSaturated: { p50: round3(median(rounds.map((r) => r.baseline.p50 - r.bare.p50))), p99: round3(median(rounds.map((r) => r.baseline.p99 - r.bare.p99))) },
      } } : {}),
      // The server process's CPU time per request under the same load: bare / warden is the
      // requests/s ratio the middleware would allow on a CPU-bound server with the machine to itself.
      cpuUsPerRequest: {
        bareMedian: median(rounds.map((r) => r.bare.cpuUsPerRequest)),
        captureMedian: median(rounds.map((r) => r.capture.cpuUsPerRequest)),
        wardenMedian: median(rounds.map((r) => r.warden.cpuUsPerRequest)),
        addedMedian: round3(median(rounds.map((r) => r.warden.cpuUsPerRequest - r.bare.cpuUsPerRequest))),
        ratioMedian: round3(median(rounds.map((r) => r.bare.cpuUsPerRequest / r.warden.cpuUsPerRequest))),
      },
      // The event loop's busy time per request: with a worker thread doing the writes, this (not
      // process CPU) is what limits a single-threaded server when the machine has a core to spare.
      loopUsPerRequest: {
        bareMedian: median(rounds.map((r) => r.bare.loopUsPerRequest)),
        wardenMedian: median(rounds.map((r) => r.warden.loopUsPerRequest)),
        ratioMedian: round3(median(rounds.map((r) => r.bare.loopUsPerRequest / r.warden.loopUsPerRequest))),
      },
      addedLatencyMsSaturated: {
        p50: round3(median(rounds.map((r) => r.warden.p50 - r.bare.p50))),
        p99: round3(median(rounds.map((r) => r.warden.p99 - r.bare.p99))),
      },
      addedLatencyMsAtFixedRate: {
        rate,
        p50: round3(median(fixed.map((r) => r.warden.p50 - r.bare.p50))),
        p99: round3(median(fixed.map((r) => r.warden.p99 - r.bare.p99))),
        bare: { p50: median(fixed.map((r) => r.bare.p50)), p99: median(fixed.map((r) => r.bare.p99)) },
        warden: { p50: median(fixed.map((r) => r.warden.p50)), p99: median(fixed.map((r) => r.warden.p99)) },
        ...(BASELINE ? { baseline: { p50: median(fixed.map((r) => r.baseline.p50)), p99: median(fixed.map((r) => r.baseline.p99)) } } : {}),
      },
      addedLatencyUsOneAtATime: {
        p50: Math.round(median(probes.map((r) => r.warden.p50 - r.bare.p50))),
        p99: Math.round(median(probes.map((r) => r.warden.p99 - r.bare.p99))),
        bare: { p50: Math.round(median(probes.map((r) => r.bare.p50))), p99: Math.round(median(probes.map((r) => r.bare.p99))) },
        warden: { p50: Math.round(median(probes.map((r) => r.warden.p50))), p99: Math.round(median(probes.map((r) => r.warden.p99))) },
        ...(BASELINE ? { baseline: { p50: Math.round(median(probes.map((r) => r.baseline.p50))), p99: Math.round(median(probes.map((r) => r.baseline.p99))) } } : {}),
      },
      recorder: stats,
    };
  } finally {
    for (const side of Object.values(sides)) side.child.send('stop');
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-'));
  const machine = { nproc: cpus().length, cpu: cpus()[0]?.model, node: process.version, platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100) };
  const results = { date: new Date().toISOString(), machine,
    settings: { rounds: ROUNDS, durationSec: DURATION, warmupSec: WARMUP, connections: CONNECTIONS, ...(BASELINE ? { baseline: BASELINE } : {}),
      warden: 'recording to SQLite (temp file), sessions (sessionizer-time), blocklist check, in-process classification of closed sessions (features, shipped ONNX text and session models, verdict stored; '
        + 'the load client 127.0.0.1 allow-listed so it is never refused)' + (process.env.BENCH_MODELS === '0' ? ' — models OFF (BENCH_MODELS=0)' : '') },
    frameworks: {} };
  try {
    for (const framework of FRAMEWORKS) results.frameworks[framework] = await benchFramework(framework, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  machine.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'overhead.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const [framework, r] of Object.entries(results.frameworks)) {
    const q = r.requestsPerSecond;
    console.log(`${framework}: ${q.wardenMedian}/${q.bareMedian} req/s, ratio median ${q.ratioMedian} (min ${q.ratioMin}, max ${q.ratioMax}), capture-only ratio ${q.captureOnlyRatioMedian}, floor ratio ${r.floor.ratioMedian} (min ${r.floor.ratioMin}, max ${r.floor.ratioMax}); `
      + `server CPU per request bare ${r.cpuUsPerRequest.bareMedian} µs, warden ${r.cpuUsPerRequest.wardenMedian} µs (ratio ${r.cpuUsPerRequest.ratioMedian}); `
      + `event loop busy per request bare ${r.loopUsPerRequest.bareMedian} µs, warden ${r.loopUsPerRequest.wardenMedian} µs (ratio ${r.loopUsPerRequest.ratioMedian}); `
      + `added latency at ${r.addedLatencyMsAtFixedRate.rate} req/s p50 ${r.addedLatencyMsAtFixedRate.p50} ms, p99 ${r.addedLatencyMsAtFixedRate.p99} ms; `
      + `saturated p50 ${r.addedLatencyMsSaturated.p50} ms, p99 ${r.addedLatencyMsSaturated.p99} ms; `
      + `one request at a time: added p50 ${r.addedLatencyUsOneAtATime.p50} µs, p99 ${r.addedLatencyUsOneAtATime.p99} µs; records stored ${r.recorder.stored}, dropped ${r.recorder.dropped}`);
    if (r.baseline) {
      console.log(`${framework} baseline (${r.baseline.checkout}): ratio median ${r.baseline.ratioMedian} (min ${r.baseline.ratioMin}, max ${r.baseline.ratioMax}), `
        + `server CPU per request ${r.baseline.cpuUsPerRequestMedian} µs, event loop ${r.baseline.loopUsPerRequestMedian} µs; at fixed rate p99 ${r.addedLatencyMsAtFixedRate.baseline.p99} ms vs warden ${r.addedLatencyMsAtFixedRate.warden.p99} ms; `
        + `one at a time p99 ${r.addedLatencyUsOneAtATime.baseline.p99} µs vs warden ${r.addedLatencyUsOneAtATime.warden.p99} µs`);
    }
  }
  console.log(`machine: ${machine.nproc} CPUs, ${machine.cpu}, Node ${machine.node}, load average ${machine.loadAverageAtStart.join('/')} at start, ${machine.loadAverageAtEnd.join('/')} at end`);
}

main().catch((err) => { console.error(err); process.exit(1); });
