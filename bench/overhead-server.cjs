// One hello-world server for the overhead benchmark, run in its own process so the load
// generator does not share its event loop. argv: framework (express|koa), side (bare|capture|floor|warden), SQLite file.
const http = require('node:http');

const [framework, side, database] = process.argv.slice(2);

function wardenOptions() {
  // Recording to SQLite, sessions, the blocklist check and in-process classification with the
  // shipped models on, as the issue asks (BENCH_MODELS=0 turns the models off to compare).
  // autocannon is a flood from one IP, which the models rightly call abnormal: it is allow-listed,
  // so every request still goes through the allow-list check but the load is never refused.
  return { storage: { type: 'sqlite', database }, blockIP: true, allowIPs: ['127.0.0.1'], groupToSessions: process.env.BENCH_SESSIONS !== '0', useModels: process.env.BENCH_MODELS !== '0',
    ...(process.env.BENCH_BATCH_SIZE ? { batchSize: Number(process.env.BENCH_BATCH_SIZE) } : {}) };
}

/** Diagnostic side: the adapter's capture alone (client IP, timing, byte counts, record built), records thrown away. */
function captureOnly() {
  const { createExchangeCapture } = require('@session-warden/core');
  const capture = createExchangeCapture({});
  let built = 0;
  const onRecord = () => { built++; };
  return (req, res) => capture.track(req, res, { clientIp: capture.clientIpOf(req), onRecord });
}

/** The side that picks the tracker: capture alone, or the floor recorder (see lib/floor-recorder.cjs). */
function tracker() {
  if (side === 'capture') return captureOnly();
  if (side === 'floor') return require('./lib/floor-recorder.cjs').floorRecorder(database);
  return undefined;
}

function build() {
  const track = tracker();
  if (framework === 'express') {
    const express = require('express');
    const app = express();
    let protection;
    if (side === 'warden') {
      protection = require('@session-warden/express').warden(wardenOptions());
      app.use(protection);
    }
    if (track) app.use((req, res, next) => { track(req, res); next(); });
    app.get('/', (_req, res) => { res.send('Hello World'); });
    return { handler: app, protection };
  }
  const Koa = require('koa');
  const app = new Koa();
  let protection;
  if (side === 'warden') {
    protection = require('@session-warden/koa').warden(wardenOptions());
    app.use(protection);
  }
  if (track) app.use((ctx, next) => { track(ctx.req, ctx.res); return next(); });
  app.use((ctx) => { ctx.body = 'Hello World'; });
  return { handler: app.callback(), protection };
}

async function main() {
  const { handler, protection } = build();
  const warden = protection ? await protection.ready : undefined;
  const server = http.createServer(handler);
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('message', async (message) => {
    if (message === 'cpu') {
      // Process CPU (all threads) and the event loop's own busy time (what a single-threaded server runs out of).
      const { active } = require('node:perf_hooks').performance.eventLoopUtilization();
      process.send({ cpu: { ...process.cpuUsage(), loopActiveUs: active * 1000 } });
    } else if (message === 'stats') {
      if (warden) await warden.settle();
      process.send({ stats: warden ? { ...warden.stats().recorder, stored: await warden.storage.requests.count() } : null });
    } else if (message === 'stop') {
      server.closeAllConnections();
      server.close();
      if (protection) await protection.close();
      process.exit(0);
    }
  });
}

main().catch((err) => { console.error(err); process.exit(1); });
