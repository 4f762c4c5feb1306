'use strict';
// Request records persisted per second through the Recorder, to SQLite and to PostgreSQL.
// Sides alternate every round; reports median with min–max. Writes results/ingest.json and .md.
//   npm run bench:ingest        ROUNDS=5 RECORDS=100000 PG_URL=postgres://postgres@127.0.0.1:5432/test
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { openStorage, Recorder } = require('@session-warden/core');
const { summary, fmt } = require('./lib/stats.cjs');
const { writeResults, fail } = require('./lib/results.cjs');

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const RECORDS = Number(process.env.RECORDS ?? 100_000);
const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHUNK = 20_000; // below the recorder's queue limit, as a busy app's bursts would be

function makeRecords(n, round) {
  const paths = ['/', '/products/trail-boots', '/search', '/login', '/api/products', '/static/style.css'];
  const t0 = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    clientIP: `198.18.${(i >> 8) & 255}.${i & 255}`, ipSource: 'forwarded', sessionID: `r${round}-s${i % 5000}`,
    method: i % 7 === 0 ? 'POST' : 'GET', path: paths[i % paths.length], query: i % 3 === 0 ? `q=boots+${i}` : '',
    statusCode: i % 11 === 0 ? 404 : 200, timestamp: new Date(t0 + i), durationMs: 3, requestBytes: 420, responseBytes: 5120,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0',
    ...(i % 7 === 0 ? { body: { username: 'alice', comment: 'Fits well, would buy again.' }, contentType: 'application/json' } : {}),
  }));
}

async function ingestOnce(storage, records) {
  const recorder = new Recorder(storage.requests, {});
  const t = process.hrtime.bigint();
  for (let i = 0; i < records.length; i += CHUNK) {
    for (const r of records.slice(i, i + CHUNK)) recorder.push(r);
    await recorder.flush();
  }
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const stats = recorder.stats();
  await recorder.close();
  if (stats.dropped) throw new Error(`recorder dropped ${stats.dropped} records`);
  return records.length / seconds;
}

async function openPostgres(prefix) {
  try {
    return await openStorage(PG_URL, { tablePrefix: prefix });
  } catch (err) {
    fail(`PostgreSQL at ${PG_URL} is not reachable (${err.message}). Start it (e.g. \`service postgresql start\`) or set PG_URL; the SQLite half alone: BENCH_PG=0 npm run bench:ingest.`);
  }
}

async function dropPrefixed(prefix) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  const { rows } = await client.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE $1`, [`${prefix}%`]);
  for (const { tablename } of rows) await client.query(`DROP TABLE IF EXISTS "${tablename}" CASCADE`);
  await client.end();
}

(async () => {
  const prefix = `bench${process.pid}_`;
  // PostgreSQL first: when it is down the run stops before anything was created.
  const postgres = process.env.BENCH_PG === '0' ? null : await openPostgres(prefix);
  const dir = mkdtempSync(join(tmpdir(), 'warden-bench-ingest-'));
  const sides = { sqlite: await openStorage({ type: 'sqlite', database: join(dir, 'ingest.db') }) };
  if (postgres) sides.postgres = postgres;
  const rates = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? Object.keys(sides).reverse() : Object.keys(sides);
      for (const side of order) {
        const rate = await ingestOnce(sides[side], makeRecords(RECORDS, round));
        rates[side].push(rate);
        process.stderr.write(`round ${round + 1}/${ROUNDS} ${side}: ${Math.round(rate)} records/s\n`);
      }
    }
  } finally {
    for (const s of Object.values(sides)) await s.close();
    if (sides.postgres) await dropPrefixed(prefix);
    rmSync(dir, { recursive: true, force: true });
  }
  const results = Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, summary(v)]));
  const targets = { sqlite: 50_000, postgres: 30_000 };
  const lines = ['| store | records/s, median (min–max) | target |', '|---|---|---|',
    ...Object.entries(results).map(([k, s]) => `| ${k} | ${fmt(s)} | ≥ ${targets[k]} |`)];
  writeResults('ingest', { rounds: ROUNDS, recordsPerRound: RECORDS, recordsPerSecond: results, targets },
    `Request records persisted per second through the Recorder (${RECORDS} records per round, ${ROUNDS} rounds, sides alternating).\n\n${lines.join('\n')}`);
})().catch((err) => { process.stderr.write(`bench ingest failed: ${err.stack}\n`); process.exit(1); });
