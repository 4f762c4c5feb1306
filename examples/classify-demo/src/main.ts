import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApiServer, Warden, type WardenOptions } from '@session-warden/core';
import { sessionTable, type SessionRow } from './report.js';
import { DEMO_CLIENTS, demoRecords } from './traffic.js';

const dbPath = resolve(process.env.WARDEN_DEMO_DB ?? 'warden-demo.db');
const shared: WardenOptions = { storage: dbPath, blockIP: true, maxAbnormal: 2, blockDuration: 60 };

async function getJson(url: string, key: string): Promise<any> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  return res.json();
}

/**
 * The older tools' architecture, on the embedded database: a middleware-side Warden records
 * requests and, as each session closes, asks the classifier API (`POST /api {"sesID"}`) for a verdict.
 */
async function main(): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const apiKey = randomBytes(16).toString('hex');

  const classifier = await Warden.start({ ...shared, groupToSessions: false });
  const api = await startApiServer(classifier, { port: 0, apiKey });
  console.log(`Classifier API listening on ${api.url} (SQLite file ${dbPath})`);

  const recorder = await Warden.start({ ...shared, classifier: { url: api.url } });
  const records = demoRecords(Date.now() - 10 * 60_000);
  for (const record of records) recorder.record(record);
  await recorder.close(); // closes the open sessions: each is sent to POST /api
  console.log(`Recorded ${records.length} requests from ${DEMO_CLIENTS.length} clients; every session was classified by the API.\n`);

  const labels = new Map(DEMO_CLIENTS.map((c) => [c.ip, c.label]));
  const rows: SessionRow[] = [];
  for (const id of (await classifier.storage.requests.listSessionIds(100)).reverse()) {
    const s = await getJson(`${api.url}/api/sessions/${id}`, apiKey);
    rows.push({ client: labels.get(s.clientIP) ?? s.clientIP, sessionID: id, behavior: s.behavior, active: s.active, numOfReqs: s.numOfReqs, verdicts: s.verdicts });
  }
  console.log(sessionTable(rows));

  const { blocked } = await getJson(`${api.url}/api/blocklist`, apiKey);
  console.log(`\nBlocklist (more than ${shared.maxAbnormal} active abnormal sessions → blocked for ${shared.blockDuration} s):`);
  if (blocked.length === 0) console.log('  (nobody)');
  for (const e of blocked) console.log(`  ${e.clientIP} (${labels.get(e.clientIP)}) until ${e.blockedUntil}: ${e.reason}`);

  await api.close();
  await classifier.close();
  console.log(`\nThe data is in ${dbPath} (tables httplogs, sesfeatures, clientips).`);
}

main().catch((err) => {
  console.error(`demo failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
