/**
 * Not a test: measures RequestLogStore.append throughput (rows/s) for 50,000 records.
 *   node core/dist/test/storage/measure-append.js [sqlite|postgres|mariadb ...]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage } from '../../src/ports/stores.js';
import { openStorage } from '../../src/storage/index.js';
import { dropTestTables, MARIADB_URL, openTestStorage, POSTGRES_URL } from './sql-test-storage.js';
import { requestRecord } from './store-suite.js';

const ROWS = 50_000;
const BATCH = 2_000; // the Recorder's default batchSize

async function measure(label: string, storage: Storage, cleanup: () => Promise<void>): Promise<void> {
  const start = Date.UTC(2024, 0, 1);
  const records = Array.from({ length: ROWS }, (_, i) => requestRecord(`m-${i % 500}`, new Date(start + i), {
    path: `/products/${i % 977}`, query: `page=${i % 7}`, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
    body: i % 4 === 0 ? { username: `user${i}`, comment: 'a short comment with some text in it' } : undefined,
  }));
  try {
    for (const [name, size] of [['one append', ROWS], [`batches of ${BATCH}`, BATCH]] as const) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < ROWS; i += size) await storage.requests.append(records.slice(i, i + size));
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      console.log(`${label.padEnd(9)} ${name.padEnd(18)} ${ROWS} rows in ${seconds.toFixed(2)} s = ${Math.round(ROWS / seconds)} rows/s`);
    }
  } finally {
    await cleanup();
    await storage.close();
  }
}

async function main(): Promise<void> {
  const which = process.argv.slice(2);
  const wanted = (name: string) => which.length === 0 || which.includes(name);
  if (wanted('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'warden-measure-'));
    await measure('sqlite', await openStorage(join(dir, 'measure.db')), async () => rmSync(dir, { recursive: true, force: true }));
  }
  if (wanted('postgres')) {
    const storage = await openTestStorage(POSTGRES_URL);
    await measure('postgres', storage, () => dropTestTables(storage));
  }
  if (wanted('mariadb')) {
    const storage = await openTestStorage(MARIADB_URL);
    await measure('mariadb', storage, () => dropTestTables(storage));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
