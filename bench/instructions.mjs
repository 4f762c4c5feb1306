// Instructions per request of the overhead bench's servers, counted by valgrind's callgrind:
// the same number for the same code whatever else the machine is doing, where requests/s on a
// shared 2-core machine moved ±20 % between rounds of one run. It counts instructions, not time:
// cache misses, kernel time (the response's writev) and waiting are not in it, and valgrind runs
// the process's threads one at a time. The event loop's thread is reported apart from the others
// (the SQLite writer, V8's GC and compiler helpers): it is what a single-threaded server runs out of.
//
//   npm run bench:instructions      (needs valgrind: apt-get install valgrind)
//   WARMUP_REQUESTS=20000 REQUESTS=3000 SIDES=bare,capture,floor,warden FRAMEWORKS=express,koa PARALLEL=2 RUNS=1
//   BASELINE=/path/to/another/built/checkout adds its warden(...) as one more side.
// RUNS > 1 counts each side that many times and reports the median with min-max.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import results from './lib/results.cjs';
import stats from './lib/stats.cjs';

const here = dirname(fileURLToPath(import.meta.url));
const WARMUP_REQUESTS = Number(process.env.WARMUP_REQUESTS ?? 20000);
const REQUESTS = Number(process.env.REQUESTS ?? 3000);
const FRAMEWORKS = (process.env.FRAMEWORKS ?? 'express,koa').split(',');
const SIDES = (process.env.SIDES ?? 'bare,capture,floor,warden').split(',');
const PARALLEL = Math.max(1, Number(process.env.PARALLEL ?? Math.min(2, cpus().length)));
const BASELINE = process.env.BASELINE;
const RUNS = Math.max(1, Number(process.env.RUNS ?? 1));

function valgrindVersion() {
  try {
    return execFileSync('valgrind', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return results.fail('bench:instructions needs valgrind, which is not installed here. Install it (Debian: apt-get install valgrind) '
      + 'or use npm run bench:overhead, which measures requests/s and CPU time instead.');
  }
}

/**
 * Warm-up and measured requests in one load on the same connections: counters are zeroed when the
 * warm-up's last response arrives. Load started afresh would open new connections, and their
 * first requests take code paths (and make V8 optimise code again) that steady traffic does not.
 * Resolves with the requests answered after the zeroing.
 */
function warmThenMeasure(url, onWarm) {
  return new Promise((resolve, reject) => {
    let answered = 0;
    let zeroedAt = null;
    const instance = autocannon({ url, connections: 10, amount: WARMUP_REQUESTS + REQUESTS, timeout: 120 }, (err, result) => {
      if (err) return reject(err);
      if (result.errors || result.non2xx) return reject(new Error(`${result.errors} errors, ${result.non2xx} non-2xx responses`));
      if (zeroedAt === null) return reject(new Error('the warm-up never ended'));
      resolve(answered - zeroedAt);
    });
    instance.on('response', () => {
      answered++;
      if (answered === WARMUP_REQUESTS) {
        onWarm();
        zeroedAt = answered;
      }
    });
  });
}

/** One side under callgrind: one load, counters zeroed after its warm-up, dumped per thread at its end. */
async function countSide(framework, side, root) {
  const dir = mkdtempSync(join(tmpdir(), 'warden-instructions-'));
  const child = spawn('valgrind', ['--tool=callgrind', '--separate-threads=yes', '--smc-check=all-non-file', `--callgrind-out-file=${join(dir, 'cg.%p')}`,
    process.execPath, join(root, 'bench', 'overhead-server.cjs'), framework, side === 'baseline' ? 'warden' : side, join(dir, 'bench.db')],
  { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const started = await Promise.race([new Promise((resolve) => child.once('message', resolve)), exited.then(() => null)]);
    if (!started) throw new Error(`${framework}/${side} server did not start under valgrind:\n${stderr}`);
    const url = `http://127.0.0.1:${started.port}/`;
    const requests = await warmThenMeasure(url, () => execFileSync('callgrind_control', ['--zero', String(child.pid)], { stdio: 'ignore' }))
      .catch((err) => { throw new Error(`${framework}/${side}: ${err.message}`); });
    execFileSync('callgrind_control', ['--dump', String(child.pid)], { stdio: 'ignore' });
    // The dump after zeroing is part 1: cg.<pid>.1-<thread>, thread 01 being the event loop's.
    const perThread = {};
    for (const file of readdirSync(dir)) {
      const match = /^cg\.\d+\.1-(\d+)$/.exec(file);
      const total = match && /^(?:summary|totals): (\d+)/m.exec(readFileSync(join(dir, file), 'utf8'));
      if (total) perThread[match[1]] = Number(total[1]) / requests;
    }
    const eventLoop = perThread['01'];
    if (eventLoop === undefined) throw new Error(`${framework}/${side}: callgrind wrote no counts for the main thread`);
    const allThreads = Object.values(perThread).reduce((a, b) => a + b, 0);
    return { requests, eventLoopPerRequest: Math.round(eventLoop), allThreadsPerRequest: Math.round(allThreads) };
  } finally {
    child.send?.('stop');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs jobs `PARALLEL` at a time (valgrind runs each process on one core). */
async function inParallel(jobs) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => { while (next < jobs.length) { const i = next++; results[i] = await jobs[i](); } };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

async function main() {
  const valgrind = valgrindVersion();
  const sides = BASELINE ? [...SIDES, 'baseline'] : SIDES;
  // Run after run, every side once per run: sides compared are counted under like conditions.
  const jobs = Array.from({ length: RUNS }).flatMap(() => FRAMEWORKS.flatMap((framework) => sides.map((side) => async () => {
    const counted = await countSide(framework, side, side === 'baseline' ? BASELINE : join(here, '..'));
    console.log(`${framework}/${side}: ${counted.eventLoopPerRequest.toLocaleString('en')} instructions per request on the event loop, `
      + `${counted.allThreadsPerRequest.toLocaleString('en')} in all threads`);
    return { framework, side, ...counted };
  })));
  const counts = await inParallel(jobs);
  const runsOf = {};
  for (const { framework, side, ...counted } of counts) ((runsOf[framework] ??= {})[side] ??= []).push(counted);
  const frameworks = {};
  for (const [framework, bySide] of Object.entries(runsOf)) {
    frameworks[framework] = { sides: {} };
    for (const [side, runs] of Object.entries(bySide)) {
      const eventLoop = stats.summary(runs.map((r) => r.eventLoopPerRequest));
      const allThreads = stats.summary(runs.map((r) => r.allThreadsPerRequest));
      frameworks[framework].sides[side] = {
        requests: runs[0].requests, eventLoopPerRequest: eventLoop.median, allThreadsPerRequest: allThreads.median,
        ...(runs.length > 1 ? { runs: runs.length, eventLoopRange: [eventLoop.min, eventLoop.max], allThreadsRange: [allThreads.min, allThreads.max] } : {}),
      };
    }
    const bare = frameworks[framework].sides.bare?.eventLoopPerRequest;
    if (!bare) continue;
    frameworks[framework].eventLoopRatioToBare = Object.fromEntries(Object.entries(frameworks[framework].sides)
      .filter(([side]) => side !== 'bare').map(([side, c]) => [side, Math.round((1000 * bare) / c.eventLoopPerRequest) / 1000]));
    console.log(`${framework}: bare / side, event-loop instructions per request: ${JSON.stringify(frameworks[framework].eventLoopRatioToBare)}`);
  }
  const counted = (median, range) => median.toLocaleString('en') + (range ? ` (${range.map((x) => x.toLocaleString('en')).join('–')})` : '');
  const table = [`| framework | side | event loop, instructions per request${RUNS > 1 ? ` (median of ${RUNS} runs, min–max)` : ''} | all threads | bare / side (event loop) |`, '|---|---|---|---|---|'];
  for (const [framework, r] of Object.entries(frameworks)) {
    for (const [side, c] of Object.entries(r.sides)) {
      table.push(`| ${framework} | ${side} | ${counted(c.eventLoopPerRequest, c.eventLoopRange)} | ${counted(c.allThreadsPerRequest, c.allThreadsRange)} | ${r.eventLoopRatioToBare?.[side] ?? '–'} |`);
    }
  }
  results.writeResults('instructions', {
    settings: { warmupRequests: WARMUP_REQUESTS, requests: REQUESTS, connections: 10, runs: RUNS, valgrind, ...(BASELINE ? { baseline: BASELINE } : {}),
      note: 'callgrind instruction counts (Ir) per request after a warm-up; not time: memory stalls, kernel time and waiting are not counted, threads are serialised' },
    frameworks,
  }, table.join('\n'));
}

main().catch((err) => { console.error(err.message); process.exit(1); });
