import { setMaxListeners } from 'node:events';
import http from 'node:http';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onnxModels } from '@session-warden/model-onnx';
import { createApp } from '@session-warden/example-express-app/dist/src/app.js';
import config from '@session-warden/example-express-app/dist/src/warden.config.js';
import { demoClients, type ClientMix } from './clients.js';
import { demoTexts } from './payloads.js';
import { checkNodeVersion, checkOutputDir, checkShippedModels, listenOnLoopback } from './preconditions.js';
import { startProgress } from './progress.js';
import { replayClient } from './replay.js';
import { addSimulatedShopPages } from './shop-site.js';
import { summarise, type DemoSummary } from './summary.js';
import { summaryText } from './summary-text.js';
import { reportHtml } from './report-html.js';
import { TrafficCounters } from './traffic-counters.js';
import { VerdictLog } from './verdict-log.js';

export interface DemoOptions extends Omit<ClientMix, 'windowMs'> {
  windowSec: number;
  /** 0 picks a free port. */
  port: number;
  outDir: string;
  /** Shorter than the default 15 s so sessions close, and verdicts come, within the demo's minute. */
  sessTimeThres: number;
  maxReqsPerSess: number;
  progress: boolean;
}

export const DEFAULT_DEMO: DemoOptions = {
  seed: 2026, normalVisitors: 150, attackersPerKind: 3, windowSec: 60, port: 0, outDir: '', sessTimeThres: 10, maxReqsPerSess: 50, progress: true,
};

export interface DemoResult {
  summary: DemoSummary;
  text: string;
  databaseFile: string;
  reportFile: string;
}

/**
 * The demo: the example Express shop behind Session Warden (blocking on, shipped ONNX models,
 * loopback trusted as the proxy hop) on a loopback port with a fresh SQLite file, visited over HTTP
 * by simulated people and attackers, each with its own X-Forwarded-For address.
 */
export async function runDemo(opts: DemoOptions): Promise<DemoResult> {
  checkNodeVersion();
  checkShippedModels();
  checkOutputDir(opts.outDir);
  const databaseFile = join(opts.outDir, 'warden-demo.db');
  const reportFile = join(opts.outDir, 'report.html');
  for (const suffix of ['', '-wal', '-shm']) rmSync(databaseFile + suffix, { force: true });

  let startedAt = Date.now();
  const verdicts = new VerdictLog(() => startedAt);
  const settings = `blockIP on, maxAbnormal ${config.maxAbnormal}, blockDuration ${config.blockDuration} s, `
    + `sessTimeThres ${opts.sessTimeThres} s and maxReqsPerSess ${opts.maxReqsPerSess} (shortened for a one-minute demo; defaults 15 s and 180), `
    + `shipped ONNX models, trustProxy loopback; ${opts.normalVisitors} normal visitors and ${opts.attackersPerKind} attackers of each kind for ${opts.windowSec} s`;
  const { app, protection } = createApp({
    ...config,
    storage: { type: 'sqlite', database: databaseFile },
    plugins: [onnxModels()],
    blockIP: true,
    trustProxy: 'loopback',
    sessTimeThres: opts.sessTimeThres,
    maxReqsPerSess: opts.maxReqsPerSess,
    handleSignals: false,
    onVerdict: verdicts.onVerdict,
    onBlock: verdicts.onBlock,
  });
  addSimulatedShopPages(app);
  const server = http.createServer(app);
  const counters = new TrafficCounters();
  const windowMs = opts.windowSec * 1000;
  const stopTraffic = new AbortController();
  setMaxListeners(0, stopTraffic.signal); // every client waits on it
  let stopProgress = () => undefined as void;
  const onSigint = () => stopTraffic.abort();
  process.once('SIGINT', onSigint);
  try {
    const port = await listenOnLoopback(server, opts.port);
    const warden = await protection.ready;
    const clients = demoClients({ ...opts, windowMs }, demoTexts(opts.seed));
    if (opts.progress) process.stderr.write(`Shop on http://127.0.0.1:${port}; ${clients.length} clients for ${opts.windowSec} s (Ctrl-C stops early)\n`);
    startedAt = Date.now();
    stopProgress = startProgress(counters, verdicts, windowMs, startedAt, opts.progress);
    const deadline = setTimeout(() => stopTraffic.abort(), windowMs + 5000);
    await Promise.all(clients.map((c) => replayClient(new URL(`http://127.0.0.1:${port}`), c, startedAt, counters, stopTraffic.signal)));
    clearTimeout(deadline);
    stopProgress();
    stopProgress = () => undefined;
    if (opts.progress) process.stderr.write('Traffic done; closing the open sessions and classifying them…\n');
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await warden.settle();
    const recorded = await warden.storage.requests.count();
    await protection.close(); // closes every open session: the last verdicts arrive here
    const summary = summarise(clients, counters, verdicts, recorded);
    const ctx = { databaseFile, reportFile, settings };
    writeFileSync(reportFile, reportHtml(summary, verdicts, Math.max(windowMs, ...verdicts.sessions.map((s) => s.atMs)), ctx));
    return { summary, text: summaryText(summary, ctx), databaseFile, reportFile };
  } finally {
    process.off('SIGINT', onSigint);
    stopProgress();
    if (server.listening) { server.closeAllConnections(); server.close(); }
    await protection.close().catch(() => undefined);
  }
}

